package io.github.sfactions.camunda.impl;

import static io.github.sfactions.camunda.BulkParameters.FAILED_COUNT;
import static io.github.sfactions.camunda.BulkParameters.JOB_ID;
import static io.github.sfactions.camunda.BulkParameters.RESULTS;
import static io.github.sfactions.camunda.BulkParameters.RESULTS_JSON;
import static io.github.sfactions.camunda.BulkParameters.SUCCESSFUL_COUNT;
import static io.github.sfactions.camunda.BulkParameters.UNPROCESSED_COUNT;

import io.github.sfactions.camunda.SalesforceConnectorIds;
import io.github.sfactions.client.BulkIngest;
import io.github.sfactions.client.BulkRecordResult;
import io.github.sfactions.client.BulkResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code salesforce-bulk-results}: per-record results of a finished job (successful, failed,
 * unprocessed) as a JSON list; each entry: {@code outcome} (success, failed, unprocessed), {@code
 * result} (created, updated, failed, skipped), {@code id}, {@code created}, {@code errorCode},
 * {@code errorMessage}, {@code row} (the record's uploaded cells).
 */
public class BulkResultsConnector extends AbstractBulkConnector {

  public BulkResultsConnector() {
    super(SalesforceConnectorIds.BULK_RESULTS, Set.of(JOB_ID));
  }

  @Override
  protected Map<String, Object> step(BulkIngest bulk, Map<String, Object> params) {
    String jobId = jobId(params);
    BulkResults results = bulk.results(jobId);
    List<Map<String, Object>> entries = new ArrayList<>();
    results.all().forEach(r -> entries.add(entry(r)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(JOB_ID, jobId);
    out.put(RESULTS, OutputValues.json(entries));
    out.put(RESULTS_JSON, OutputValues.jsonText(entries));
    out.put(SUCCESSFUL_COUNT, results.successful().size());
    out.put(FAILED_COUNT, results.failed().size());
    out.put(UNPROCESSED_COUNT, results.unprocessed().size());
    return out;
  }

  private static Map<String, Object> entry(BulkRecordResult r) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
    e.put(
        "result",
        switch (r.outcome()) {
          case SUCCESS -> r.created() ? "created" : "updated";
          case FAILED -> "failed";
          case UNPROCESSED -> "skipped";
        });
    e.put("id", r.id());
    e.put("created", r.created());
    e.put("errorCode", r.errorCode());
    e.put("errorMessage", r.errorMessage());
    e.put("row", new LinkedHashMap<>(r.row()));
    return e;
  }
}
