package io.github.sfactions.camunda;

import java.util.List;
import java.util.Map;
import org.camunda.connect.spi.ConnectorRequest;

/**
 * A request to any Salesforce connector: the generic parameter map (filled from the BPMN input
 * parameters) with typed, fluent setters for use from Java. Each setter sets the input of the same
 * name (see {@link ActionParameters}, {@link FindRecordsParameters}, {@link RecordParameters},
 * {@link BulkParameters}); inputs a connector does not take are rejected by that connector when it
 * runs, as from BPMN.
 *
 * <pre>{@code
 * SalesforceResponse r = Connectors.<SalesforceConnector>getConnector(SalesforceConnectorIds.LEAD)
 *     .createRequest()
 *     .syncMode("upsert")
 *     .field("LastName", "Doe").field("Company", "Acme")
 *     .recordMatchers(Map.of("Email", "doe@example.com"))
 *     .execute();
 * String id = r.getRecordId();
 * }</pre>
 */
public interface SalesforceRequest extends ConnectorRequest<SalesforceResponse> {

  /** Sets one parameter and returns this request. */
  SalesforceRequest parameter(String name, Object value);

  /** Picks the connection by name (parameter {@code connection}); {@code default} when not set. */
  default SalesforceRequest connection(String name) {
    return parameter(ActionParameters.CONNECTION, name);
  }

  /**
   * Action connectors (V1): {@code create}, {@code update}, {@code upsert} or {@code delete};
   * {@code salesforce-record}: the same four; bulk create-job: the job's operation.
   */
  default SalesforceRequest operation(String operation) {
    return parameter(ActionParameters.OPERATION, operation);
  }

  /** Action connectors (V2): {@code add}, {@code update}, {@code upsert} or {@code delete}. */
  default SalesforceRequest syncMode(String syncMode) {
    return parameter(ActionParameters.SYNC_MODE, syncMode);
  }

  /**
   * Action connectors: a standard field by its Salesforce API name, e.g. {@code field("LastName",
   * "Doe")}.
   */
  default SalesforceRequest field(String apiName, Object value) {
    return parameter(apiName, value);
  }

  /** Action connectors: further fields by API name (custom fields end in {@code __c}). */
  default SalesforceRequest otherFields(Map<String, ?> fields) {
    return parameter(ActionParameters.OTHER_FIELDS, fields);
  }

  /**
   * Action connectors and {@code salesforce-find-records}: field API name → value to find the
   * record by.
   */
  default SalesforceRequest recordMatchers(Map<String, ?> matchers) {
    return parameter(ActionParameters.RECORD_MATCHERS, matchers);
  }

  /** {@code OR} (default) or {@code AND}: how the record matchers combine. */
  default SalesforceRequest recordMatchersOperator(String operator) {
    return parameter(ActionParameters.RECORD_MATCHERS_OPERATOR, operator);
  }

  /**
   * The object API name: custom object connector, {@code salesforce-record}, find-records, bulk
   * create-job.
   */
  default SalesforceRequest sobject(String sobject) {
    return parameter(ActionParameters.SOBJECT, sobject);
  }

  /** Action connectors and {@code salesforce-record}: upsert natively by this external id field. */
  default SalesforceRequest externalIdField(String field) {
    return parameter(ActionParameters.EXTERNAL_ID_FIELD, field);
  }

  /** Action connectors: {@code rest} (default), {@code microBatch} or {@code bulk}. */
  default SalesforceRequest delivery(String delivery) {
    return parameter(ActionParameters.DELIVERY, delivery);
  }

  /**
   * Action connectors: queue the record for a Bulk API 2.0 job (same as {@code delivery("bulk")}).
   */
  default SalesforceRequest useBulkApi(boolean useBulkApi) {
    return parameter(ActionParameters.USE_BULK_API, useBulkApi);
  }

  /** Action connectors: the record Id of a record queued for a bulk update. */
  default SalesforceRequest bulkUpdateRecordId(String recordId) {
    return parameter(ActionParameters.BULK_UPDATE_RECORD_ID, recordId);
  }

  /** Action connectors: the external id column and value of a record queued for a bulk upsert. */
  default SalesforceRequest bulkUpsertExternalId(String externalIdName, Object externalIdValue) {
    return parameter(
        ActionParameters.BULK_UPSERT_EXTERNAL_ID,
        Map.of(
            ActionParameters.EXTERNAL_ID_NAME,
            externalIdName,
            ActionParameters.EXTERNAL_ID_VALUE,
            externalIdValue));
  }

  /** {@code salesforce-record}: the record Id (update, delete). */
  default SalesforceRequest recordId(String recordId) {
    return parameter(RecordParameters.RECORD_ID, recordId);
  }

  /** {@code salesforce-record}: field API name → value (create, update, upsert). */
  default SalesforceRequest fields(Map<String, ?> fields) {
    return parameter(RecordParameters.FIELDS, fields);
  }

  /** {@code salesforce-record}: the external id value of a native upsert. */
  default SalesforceRequest externalIdValue(String value) {
    return parameter(RecordParameters.EXTERNAL_ID_VALUE, value);
  }

  /** {@code salesforce-find-records}: most ids to return (default 200, at most 2000). */
  default SalesforceRequest maxRecords(int maxRecords) {
    return parameter(FindRecordsParameters.MAX_RECORDS, maxRecords);
  }

  /** Bulk steps: the job id (every step after create-job). */
  default SalesforceRequest jobId(String jobId) {
    return parameter(BulkParameters.JOB_ID, jobId);
  }

  /** Bulk create-job: the external id field of an upsert job. */
  default SalesforceRequest externalIdFieldName(String field) {
    return parameter(BulkParameters.EXTERNAL_ID_FIELD_NAME, field);
  }

  /** Bulk upload: the CSV text, header first (or give {@link #records}). */
  default SalesforceRequest csv(String csv) {
    return parameter(BulkParameters.CSV, csv);
  }

  /** Bulk upload: the records to write as CSV (or give {@link #csv}). */
  default SalesforceRequest records(List<? extends Map<String, ?>> records) {
    return parameter(BulkParameters.RECORDS, records);
  }
}
