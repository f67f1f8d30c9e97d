package io.github.sfactions.bpmn.bulk.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.action.ActionException;
import io.github.sfactions.bpmn.bulk.MicroBatchVariables;
import io.github.sfactions.camunda.OutcomeErrors;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * "Raise the record's error" in "Await micro-batch outcome": a record that was not written ends the
 * wait the way the REST action connector would have ended its task: BPMN error {@code 300}, {@code
 * 400} or {@code 404} with the reference's message (and {@code sfErrorCode}, {@code matchCount},
 * {@code recordIds} set in the calling instance too, as REST sets them), or an incident when
 * nothing catches that error or the failure was technical.
 */
public class RaiseMicroOutcomeStep implements JavaDelegate {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<List<String>> IDS = new TypeReference<>() {};

  @Override
  public void execute(DelegateExecution execution) {
    Number status = (Number) execution.getVariable(MicroBatchVariables.STATUS_CODE);
    String code = (String) execution.getVariable(MicroBatchVariables.ERROR_CODE);
    String message = (String) execution.getVariable(MicroBatchVariables.ERROR_MESSAGE);
    Number matchCount = (Number) execution.getVariable(MicroBatchVariables.MATCH_COUNT);
    String ids = (String) execution.getVariable(MicroBatchVariables.RECORD_IDS);
    int httpStatus = status == null ? MicroOutcomes.STATUS_TECHNICAL : status.intValue();
    ActionException outcome =
        matchCount == null
            ? new ActionException(message, code, httpStatus)
            : ActionException.lookup(message, code, httpStatus, matchCount.intValue(), ids(ids));
    copyToCaller(execution, code, matchCount, ids);
    throw OutcomeErrors.raise(
        MicroBatchVariables.AWAIT_PROCESS_KEY,
        "entry " + execution.getVariable(MicroBatchVariables.ENTRY_ID),
        outcome);
  }

  /** REST sets these on the instance whose task failed: here, the instance that called the wait. */
  private static void copyToCaller(
      DelegateExecution execution, String code, Number matchCount, String ids) {
    ExecutionEntity caller = ((ExecutionEntity) execution).getProcessInstance().getSuperExecution();
    if (caller == null) {
      return;
    }
    caller.setVariable(MicroBatchVariables.ERROR_CODE, code);
    if (matchCount != null) {
      caller.setVariable(MicroBatchVariables.MATCH_COUNT, matchCount);
      caller.setVariable(MicroBatchVariables.RECORD_IDS, ids);
    }
  }

  private static List<String> ids(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return MAPPER.readValue(json, IDS);
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }
}
