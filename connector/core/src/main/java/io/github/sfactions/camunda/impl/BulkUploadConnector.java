package io.github.sfactions.camunda.impl;

import static io.github.sfactions.camunda.BulkParameters.CSV;
import static io.github.sfactions.camunda.BulkParameters.JOB_ID;
import static io.github.sfactions.camunda.BulkParameters.RECORDS;
import static io.github.sfactions.camunda.BulkParameters.RECORD_COUNT;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionMessages;
import io.github.sfactions.camunda.InputValues;
import io.github.sfactions.camunda.SalesforceConnectorIds;
import io.github.sfactions.client.BulkCsvWriter;
import io.github.sfactions.client.BulkIngest;
import io.github.sfactions.client.CsvContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code salesforce-bulk-upload}: uploads the job's CSV, given as text ({@code csv}) or as a list
 * of records ({@code records}, written with empty cells for absent fields and {@code #N/A} for
 * explicit nulls). If the upload fails, the job is aborted (deviation 4) and the failure is raised.
 */
public class BulkUploadConnector extends AbstractBulkConnector {

  public BulkUploadConnector() {
    super(SalesforceConnectorIds.BULK_UPLOAD, Set.of(JOB_ID, CSV, RECORDS));
  }

  @Override
  protected Map<String, Object> step(BulkIngest bulk, Map<String, Object> params) {
    String jobId = jobId(params);
    String csv = InputValues.text(CSV, params.get(CSV));
    List<Object> records = InputValues.list(RECORDS, params.get(RECORDS));
    if ((csv == null) == (records == null)) {
      throw new ActionException(
          "Give exactly one of csv or records",
          ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    CsvContent content;
    int count;
    if (csv != null) {
      content = CsvContent.of(csv);
      count = (int) Math.max(0, csv.lines().filter(l -> !l.isEmpty()).count() - 1);
    } else {
      List<Map<String, Object>> rows = rows(records);
      try {
        content = CsvContent.of(BulkCsvWriter.toCsv(BulkCsvWriter.columnsOf(rows), rows));
      } catch (IllegalArgumentException e) {
        throw new ActionException(
            e.getMessage(),
            ActionMessages.CODE_PAYLOAD_VALIDATION,
            ActionMessages.STATUS_BAD_REQUEST);
      }
      count = rows.size();
    }
    try {
      bulk.upload(jobId, content);
    } catch (RuntimeException uploadFailure) {
      try {
        bulk.abortJob(jobId);
      } catch (RuntimeException abortFailure) {
        uploadFailure.addSuppressed(abortFailure);
      }
      throw uploadFailure;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(JOB_ID, jobId);
    out.put(RECORD_COUNT, count);
    return out;
  }

  private static List<Map<String, Object>> rows(List<Object> records) {
    if (records.isEmpty()) {
      throw new ActionException(
          "records is empty: nothing to upload",
          ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object record : records) {
      rows.add(InputValues.map(RECORDS + "[" + rows.size() + "]", record));
    }
    return rows;
  }
}
