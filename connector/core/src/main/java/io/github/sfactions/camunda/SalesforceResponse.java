package io.github.sfactions.camunda;

import java.util.List;
import java.util.Map;
import org.camunda.connect.spi.ConnectorResponse;

/**
 * The outputs of a Salesforce connector. Every value is storable as a process variable with Java
 * serialization disabled: strings, numbers, booleans, and lists as Spin JSON when the Spin plugin
 * is active (a JSON string otherwise; the {@code ...Json} variants are always strings).
 *
 * <p>From Java, the typed getters read the outputs without string keys; each answers {@code null}
 * when the connector that answered has no such output (e.g. {@link #getMatchCount()} of {@code
 * salesforce-record}).
 *
 * <pre>{@code
 * SalesforceResponse r = Connectors.<SalesforceConnector>getConnector(SalesforceConnectorIds.LEAD)
 *     .createRequest().operation("upsert").field("LastName", "Doe").field("Company", "Acme")
 *     .recordMatchers(Map.of("Email", "doe@example.com")).execute();
 * if ("created".equals(r.getResult())) { ... r.getRecordId() ... }
 * }</pre>
 */
public interface SalesforceResponse extends ConnectorResponse {

  /**
   * The Id of the record written ({@code recordId}); of {@code salesforce-find-records}: the Id
   * when exactly one record matched.
   */
  String getRecordId();

  /**
   * {@code created}, {@code updated}, {@code deleted}, {@code skipped} or {@code queued} ({@code
   * result}).
   */
  String getResult();

  /**
   * How many records the lookup matched ({@code matchCount}); null when the action made no lookup.
   */
  Integer getMatchCount();

  /** The HTTP status of the write ({@code statusCode}); 202 for a queued record. */
  Integer getStatusCode();

  /**
   * The Salesforce API calls the connector made ({@code apiCalls}; token requests are not API
   * calls).
   */
  Integer getApiCalls();

  /**
   * {@code salesforce-find-records}: the ids of the matching records, at most {@code maxRecords}.
   */
  List<String> getRecordIds();

  /**
   * A queued record ({@code useBulkApi} / {@code delivery}): the queue's id for it ({@code
   * queueEntryId}).
   */
  String getQueueEntryId();

  /** Bulk steps: the job id ({@code jobId}). */
  String getJobId();

  /** Bulk steps: the job state ({@code state}), e.g. {@code JobComplete}. */
  String getState();

  /**
   * {@code salesforce-bulk-status}: whether the job reached JobComplete, Failed or Aborted ({@code
   * done}).
   */
  Boolean isDone();

  /** {@code salesforce-bulk-status}: rows processed so far, failed ones included. */
  Long getNumberRecordsProcessed();

  /** {@code salesforce-bulk-status}: rows failed so far. */
  Long getNumberRecordsFailed();

  /** {@code salesforce-bulk-status}: Salesforce's error message of a failed job. */
  String getErrorMessage();

  /** {@code salesforce-bulk-upload}: rows uploaded ({@code recordCount}). */
  Integer getRecordCount();

  /**
   * {@code salesforce-bulk-results}: one entry per record ({@code outcome}, {@code result}, {@code
   * id}, {@code created}, {@code errorCode}, {@code errorMessage}, {@code row}).
   */
  List<Map<String, Object>> getResults();

  /** {@code salesforce-bulk-results}: records written. */
  Integer getSuccessfulCount();

  /** {@code salesforce-bulk-results}: records Salesforce rejected. */
  Integer getFailedCount();

  /** {@code salesforce-bulk-results}: records Salesforce did not process. */
  Integer getUnprocessedCount();
}
