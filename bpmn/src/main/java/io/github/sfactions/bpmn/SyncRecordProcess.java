package io.github.sfactions.bpmn;

import io.github.sfactions.camunda.ActionParameters;
import io.github.sfactions.camunda.RecordParameters;

/**
 * The reusable process "Sync one record" ({@value #PROCESS_KEY}) and its variant with a "Resolve
 * duplicate" user task ({@value #RESOLVE_PROCESS_KEY}): names of the processes, their in and out
 * variables and their activities. Call them with a call activity: pass the inputs with {@code
 * camunda:in}, read the outputs with {@code camunda:out}; the BPMN errors {@code 300}, {@code 404}
 * and {@code 400} reach the call activity's error boundary events.
 */
public final class SyncRecordProcess {

  /**
   * Key of the process: find, then create / update / delete / skip, {@code 300} on several matches.
   */
  public static final String PROCESS_KEY = "sfactions-sync-record";

  /** Key of the variant that asks a person to pick one of several matches. */
  public static final String RESOLVE_PROCESS_KEY = "sfactions-sync-record-resolve";

  /** Classpath resource of {@link #PROCESS_KEY}. */
  public static final String RESOURCE = "io/github/sfactions/bpmn/sync/sync-record.bpmn";

  /** Classpath resource of {@link #RESOLVE_PROCESS_KEY}. */
  public static final String RESOLVE_RESOURCE =
      "io/github/sfactions/bpmn/sync/sync-record-resolve.bpmn";

  /** In: object API name, e.g. {@code Lead} or {@code Invoice__c} (required). */
  public static final String SOBJECT = ActionParameters.SOBJECT;

  /** In: V1 operation {@code create}, {@code update}, {@code upsert} or {@code delete}. */
  public static final String OPERATION = ActionParameters.OPERATION;

  /**
   * In: V2 sync mode {@code add}, {@code update}, {@code upsert} or {@code delete} (instead of the
   * operation).
   */
  public static final String SYNC_MODE = ActionParameters.SYNC_MODE;

  /**
   * In: field API name → value that finds the record (Map, JSON string or Spin JSON; not for
   * create).
   */
  public static final String RECORD_MATCHERS = ActionParameters.RECORD_MATCHERS;

  /** In: {@code OR} (default) or {@code AND}. */
  public static final String RECORD_MATCHERS_OPERATOR = ActionParameters.RECORD_MATCHERS_OPERATOR;

  /**
   * In: the record's fields, API name → value (Map, JSON string or Spin JSON; create, update,
   * upsert).
   */
  public static final String FIELDS = RecordParameters.FIELDS;

  /**
   * In: what an update or delete does when nothing matches: {@link #ON_NO_MATCH_ERROR} (default) or
   * skip.
   */
  public static final String ON_NO_MATCH = "onNoMatch";

  /** In: name of a configured Salesforce connection (optional). */
  public static final String CONNECTION = ActionParameters.CONNECTION;

  /**
   * In (resolve variant): candidate group of the "Resolve duplicate" task (default {@value
   * #DEFAULT_RESOLVER_GROUP}).
   */
  public static final String RESOLVER_GROUP = "duplicateResolverGroup";

  /** Value of {@link #ON_NO_MATCH}: throw BPMN error {@code 404}, as Segment does. */
  public static final String ON_NO_MATCH_ERROR = "error";

  /** Value of {@link #ON_NO_MATCH}: change nothing and end with {@code result = skipped}. */
  public static final String ON_NO_MATCH_SKIP = "skip";

  /** Default of {@link #RESOLVER_GROUP}. */
  public static final String DEFAULT_RESOLVER_GROUP = "salesforce-data-stewards";

  /**
   * Out: Id of the record created, updated or deleted; null when skipped. After the lookup it is
   * the single match, which the update or delete writes.
   */
  public static final String RECORD_ID = ActionParameters.RECORD_ID;

  /** Out: {@code created}, {@code updated}, {@code deleted} or {@code skipped}. */
  public static final String RESULT = ActionParameters.RESULT;

  /** Out: how many records matched (null for create, which looks nothing up). */
  public static final String MATCH_COUNT = ActionParameters.MATCH_COUNT;

  /** Out: the matching Ids as a JSON array string (null for create). */
  public static final String RECORD_IDS = "recordIds";

  /** Out: Salesforce API calls the process made. */
  public static final String API_CALLS = ActionParameters.API_CALLS;

  /** Task variable (resolve variant): the Id the person picked among {@link #RECORD_IDS}. */
  public static final String CHOSEN_RECORD_ID = "chosenRecordId";

  /**
   * Task variable (resolve variant): true to change nothing and end with {@code result = skipped}.
   */
  public static final String SKIP_RECORD = "skipRecord";

  /**
   * Internal: the operation in V1 spelling, set by the input check (transient: it lives only in the
   * job, except in {@link #RESOLVE_PROCESS_KEY}, which waits for a person before it writes).
   */
  public static final String VAR_OPERATION = "sfOperation";

  /** Internal: true when {@link #ON_NO_MATCH} is skip (transient like {@link #VAR_OPERATION}). */
  public static final String VAR_SKIP_NO_MATCH = "sfSkipNoMatch";

  /** Internal: API calls of the lookup. */
  public static final String VAR_FIND_API_CALLS = "sfFindApiCalls";

  /** Activity: the input check. */
  public static final String CHECK_INPUT = "CheckInput";

  /** Activity: the lookup ({@code salesforce-find-records}). */
  public static final String FIND_RECORDS = "FindRecords";

  /** Activity: create ({@code salesforce-record}). */
  public static final String CREATE_RECORD = "CreateRecord";

  /** Activity: update by Id ({@code salesforce-record}). */
  public static final String UPDATE_RECORD = "UpdateRecord";

  /** Activity: delete by Id ({@code salesforce-record}). */
  public static final String DELETE_RECORD = "DeleteRecord";

  /** Activity (resolve variant): the user task. */
  public static final String RESOLVE_DUPLICATE = "ResolveDuplicate";

  /** End event: the record was created. */
  public static final String END_CREATED = "RecordCreated";

  /** End event: the record was updated. */
  public static final String END_UPDATED = "RecordUpdated";

  /** End event: the record was deleted. */
  public static final String END_DELETED = "RecordDeleted";

  /** End event: nothing was changed on purpose. */
  public static final String END_SKIPPED = "RecordSkipped";

  /** Error end event {@code 404}. */
  public static final String END_NOT_FOUND = "NoRecordFound";

  /** Error end event {@code 300}. */
  public static final String END_SEVERAL_FOUND = "SeveralRecordsFound";

  private SyncRecordProcess() {}
}
