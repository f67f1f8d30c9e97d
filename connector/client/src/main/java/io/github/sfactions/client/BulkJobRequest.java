package io.github.sfactions.client;

import io.github.sfactions.client.impl.ApiNames;
import java.util.Objects;

/**
 * What to create with {@link BulkIngest#createJob(BulkJobRequest)}. The CSV format is always
 * comma-separated with LF line endings (what {@link BulkCsvWriter} writes).
 *
 * @param sobject object API name
 * @param operation the ingest operation
 * @param externalIdFieldName external id field; required for {@link BulkOperation#UPSERT},
 *     otherwise null
 */
public record BulkJobRequest(String sobject, BulkOperation operation, String externalIdFieldName) {

  public BulkJobRequest {
    ApiNames.requireObject(sobject);
    Objects.requireNonNull(operation, "operation");
    if (operation == BulkOperation.UPSERT) {
      ApiNames.requireField(externalIdFieldName);
    } else if (externalIdFieldName != null) {
      throw new IllegalArgumentException("externalIdFieldName is only used by upsert jobs");
    }
  }

  public static BulkJobRequest insert(String sobject) {
    return new BulkJobRequest(sobject, BulkOperation.INSERT, null);
  }

  public static BulkJobRequest update(String sobject) {
    return new BulkJobRequest(sobject, BulkOperation.UPDATE, null);
  }

  public static BulkJobRequest upsert(String sobject, String externalIdFieldName) {
    return new BulkJobRequest(sobject, BulkOperation.UPSERT, externalIdFieldName);
  }

  public static BulkJobRequest delete(String sobject) {
    return new BulkJobRequest(sobject, BulkOperation.DELETE, null);
  }

  public static BulkJobRequest hardDelete(String sobject) {
    return new BulkJobRequest(sobject, BulkOperation.HARD_DELETE, null);
  }
}
