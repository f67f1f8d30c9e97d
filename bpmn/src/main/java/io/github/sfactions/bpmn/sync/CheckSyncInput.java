package io.github.sfactions.bpmn.sync;

import static io.github.sfactions.bpmn.SyncRecordProcess.API_CALLS;
import static io.github.sfactions.bpmn.SyncRecordProcess.DEFAULT_RESOLVER_GROUP;
import static io.github.sfactions.bpmn.SyncRecordProcess.FIELDS;
import static io.github.sfactions.bpmn.SyncRecordProcess.MATCH_COUNT;
import static io.github.sfactions.bpmn.SyncRecordProcess.ON_NO_MATCH;
import static io.github.sfactions.bpmn.SyncRecordProcess.ON_NO_MATCH_ERROR;
import static io.github.sfactions.bpmn.SyncRecordProcess.ON_NO_MATCH_SKIP;
import static io.github.sfactions.bpmn.SyncRecordProcess.OPERATION;
import static io.github.sfactions.bpmn.SyncRecordProcess.RECORD_ID;
import static io.github.sfactions.bpmn.SyncRecordProcess.RECORD_IDS;
import static io.github.sfactions.bpmn.SyncRecordProcess.RECORD_MATCHERS;
import static io.github.sfactions.bpmn.SyncRecordProcess.RESOLVER_GROUP;
import static io.github.sfactions.bpmn.SyncRecordProcess.RESOLVE_DUPLICATE;
import static io.github.sfactions.bpmn.SyncRecordProcess.RESULT;
import static io.github.sfactions.bpmn.SyncRecordProcess.SOBJECT;
import static io.github.sfactions.bpmn.SyncRecordProcess.SYNC_MODE;
import static io.github.sfactions.bpmn.SyncRecordProcess.VAR_FIND_API_CALLS;
import static io.github.sfactions.bpmn.SyncRecordProcess.VAR_OPERATION;
import static io.github.sfactions.bpmn.SyncRecordProcess.VAR_SKIP_NO_MATCH;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionMessages;
import io.github.sfactions.action.ActionType;
import io.github.sfactions.action.Operation;
import io.github.sfactions.action.OperationResolver;
import io.github.sfactions.action.RequiredFields;
import io.github.sfactions.camunda.InputValues;
import io.github.sfactions.camunda.SalesforceErrorCodes;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * First step of "Sync one record", at the start of its one job: checks the call's input the way
 * Segment's action does before any API call (operation or sync mode by the connectors' own {@link
 * OperationResolver}, object, record matchers for update / upsert / delete, the required fields of
 * Lead, Account, Contact and Opportunity for create and upsert), sets the internal variables the
 * gateways read, and clears outputs a caller passed in. Bad input ends the process with BPMN error
 * {@code 400} and Segment's message; nothing is sent to Salesforce. Optional inputs that were not
 * passed stay absent: the steps read them with {@code execution.getVariable}.
 */
public class CheckSyncInput implements JavaDelegate {

  private static final List<String> OUTPUTS =
      List.of(RECORD_ID, RESULT, MATCH_COUNT, RECORD_IDS, API_CALLS, VAR_FIND_API_CALLS);

  @Override
  public void execute(DelegateExecution execution) {
    try {
      Operation operation =
          OperationResolver.resolve(
              InputValues.text(OPERATION, execution.getVariable(OPERATION)),
              InputValues.textKeepingEmpty(SYNC_MODE, execution.getVariable(SYNC_MODE)));
      String sobject = text(execution, SOBJECT);
      if (sobject == null) {
        throw rejected(
            "Missing sobject value: the sync process needs the object API name, e.g. Lead or Invoice__c",
            ActionMessages.CODE_PAYLOAD_VALIDATION);
      }
      if (operation.needsLookup()) {
        checkMatchers(operation, execution.getVariable(RECORD_MATCHERS));
      }
      if (operation == Operation.CREATE || operation == Operation.UPSERT) {
        checkRequiredFields(sobject, execution.getVariable(FIELDS));
      }
      boolean waitsForAPerson =
          execution.getBpmnModelInstance().getModelElementById(RESOLVE_DUPLICATE) != null;
      internal(
          execution, VAR_OPERATION, Variables.stringValue(operation.v1Name(), !waitsForAPerson));
      internal(
          execution,
          VAR_SKIP_NO_MATCH,
          Variables.booleanValue(
              skipWhenNothingMatches(text(execution, ON_NO_MATCH)), !waitsForAPerson));
      if (waitsForAPerson && !execution.hasVariable(RESOLVER_GROUP)) {
        execution.setVariable(RESOLVER_GROUP, DEFAULT_RESOLVER_GROUP);
      }
    } catch (ActionException e) {
      execution.setVariable(SalesforceErrorCodes.VAR_ERROR_CODE, e.code());
      throw new BpmnError(String.valueOf(e.status()), e.getMessage(), e);
    }
    // only what a caller passed in (e.g. camunda:in variables="all"): a result of its own must not
    // pass for this call's
    for (String output : OUTPUTS) {
      if (execution.hasVariable(output)) {
        execution.setVariable(output, null);
      }
    }
  }

  /**
   * Sets an internal variable. Transient (never stored, no history) when the process runs from here
   * to its end or to the asynchronous continuation after a write in this job, which reads it no
   * more; stored in the variant whose "Resolve duplicate" task waits between the lookup and the
   * write. A stored one of the same name (passed in by a caller) goes first: the engine does not
   * turn a stored variable into a transient one.
   */
  private static void internal(DelegateExecution execution, String name, TypedValue value) {
    if (value.isTransient() && execution.hasVariableLocal(name)) {
      execution.removeVariableLocal(name);
    }
    execution.setVariableLocal(name, value);
  }

  private static void checkMatchers(Operation operation, Object value) {
    // Segment drops empty top-level values before the action runs, so '' counts as "not given"
    if (value == null || "".equals(value)) {
      throw rejected(ActionMessages.UNDEFINED_LOOKUP_TRAITS, ActionMessages.CODE_LOOKUP_TRAITS);
    }
    Map<String, Object> matchers = InputValues.map(RECORD_MATCHERS, value);
    if (matchers == null || matchers.isEmpty()) {
      throw rejected(
          ActionMessages.undefinedTraits(operation), ActionMessages.CODE_UNDEFINED_TRAITS);
    }
  }

  /**
   * Segment's required-field check for the objects it has an action for (Lead, Account, Contact,
   * Opportunity), on create and upsert, before any call: upsert checks even when the record turns
   * out to exist.
   */
  private static void checkRequiredFields(String sobject, Object fields) {
    for (ActionType type : ActionType.values()) {
      if (type.sobject().filter(sobject::equalsIgnoreCase).isPresent()) {
        Map<String, Object> values = InputValues.map(FIELDS, fields);
        RequiredFields.check(type, values == null ? Map.of() : values);
      }
    }
  }

  private static boolean skipWhenNothingMatches(String onNoMatch) {
    if (onNoMatch == null || ON_NO_MATCH_ERROR.equals(onNoMatch)) {
      return false;
    }
    if (ON_NO_MATCH_SKIP.equals(onNoMatch)) {
      return true;
    }
    throw rejected(
        "Invalid "
            + ON_NO_MATCH
            + " - "
            + onNoMatch
            + " (expected "
            + ON_NO_MATCH_ERROR
            + " or "
            + ON_NO_MATCH_SKIP
            + ")",
        ActionMessages.CODE_PAYLOAD_VALIDATION);
  }

  /** The variable as text; absent, null and empty all count as not given. */
  private static String text(DelegateExecution execution, String name) {
    String value = InputValues.text(name, execution.getVariable(name));
    return value == null || value.isEmpty() ? null : value;
  }

  private static ActionException rejected(String message, String code) {
    return new ActionException(message, code, ActionMessages.STATUS_BAD_REQUEST);
  }
}
