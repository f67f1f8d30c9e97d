package io.github.sfactions.camunda;

import java.util.List;

/**
 * The ids of every Salesforce connector ({@code <camunda:connectorId>}). Stable: docs, element
 * templates and diagrams rely on them.
 */
public final class SalesforceConnectorIds {

  public static final String LEAD = "salesforce-lead";
  public static final String ACCOUNT = "salesforce-account";
  public static final String CONTACT = "salesforce-contact";
  public static final String OPPORTUNITY = "salesforce-opportunity";
  public static final String CASE = "salesforce-case";
  public static final String CUSTOM_OBJECT = "salesforce-custom-object";
  public static final String FIND_RECORDS = "salesforce-find-records";
  public static final String RECORD = "salesforce-record";
  public static final String BULK_CREATE_JOB = "salesforce-bulk-create-job";
  public static final String BULK_UPLOAD = "salesforce-bulk-upload";
  public static final String BULK_CLOSE = "salesforce-bulk-close";
  public static final String BULK_STATUS = "salesforce-bulk-status";
  public static final String BULK_RESULTS = "salesforce-bulk-results";
  public static final String BULK_ABORT = "salesforce-bulk-abort";

  /** Every id, action connectors first. */
  public static final List<String> ALL =
      List.of(
          LEAD,
          ACCOUNT,
          CONTACT,
          OPPORTUNITY,
          CASE,
          CUSTOM_OBJECT,
          FIND_RECORDS,
          RECORD,
          BULK_CREATE_JOB,
          BULK_UPLOAD,
          BULK_CLOSE,
          BULK_STATUS,
          BULK_RESULTS,
          BULK_ABORT);

  private SalesforceConnectorIds() {}
}
