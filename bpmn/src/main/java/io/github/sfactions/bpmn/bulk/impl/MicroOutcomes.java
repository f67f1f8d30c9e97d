package io.github.sfactions.bpmn.bulk.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionResult;
import io.github.sfactions.bpmn.bulk.MicroBatchVariables;
import io.github.sfactions.client.SalesforceApiException;

/** A micro-batch record's stored outcome from what its group's execution gave it. */
final class MicroOutcomes {

  /** The status stored for a failure no retry mends and that REST would have made an incident. */
  static final int STATUS_TECHNICAL = 500;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private MicroOutcomes() {}

  static MicroOutcome written(MicroBatchStore.Claimed row, ActionResult result) {
    return new MicroOutcome(
        row.seq(),
        row.processInstanceId(),
        result.outcome().value(),
        result.recordId(),
        result.matchCount(),
        result.statusCode(),
        null,
        null,
        null);
  }

  /** A business outcome: REST's BPMN error 300 / 400 / 404, with its message and code. */
  static MicroOutcome rejected(MicroBatchStore.Claimed row, ActionException e) {
    return new MicroOutcome(
        row.seq(),
        row.processInstanceId(),
        MicroBatchVariables.RESULT_FAILED,
        null,
        e.matchCount(),
        e.status(),
        e.code(),
        e.getMessage(),
        e.matchCount() == null ? null : json(e));
  }

  /** A technical failure no retry mends: REST's incident at once. */
  static MicroOutcome failed(MicroBatchStore.Claimed row, SalesforceApiException e) {
    return new MicroOutcome(
        row.seq(),
        row.processInstanceId(),
        MicroBatchVariables.RESULT_FAILED,
        null,
        null,
        STATUS_TECHNICAL,
        e.errorCode() == null ? "HTTP_" + e.status() : e.errorCode(),
        e.getMessage(),
        null);
  }

  /** A queue row whose request cannot be read back (changed outside sfactions). */
  static MicroOutcome unreadable(MicroBatchStore.Claimed row, RuntimeException e) {
    return new MicroOutcome(
        row.seq(),
        row.processInstanceId(),
        MicroBatchVariables.RESULT_FAILED,
        null,
        null,
        STATUS_TECHNICAL,
        "UNREADABLE_QUEUE_ROW",
        "The queued record " + row.seq() + " cannot be read back: " + e.getMessage(),
        null);
  }

  private static String json(ActionException e) {
    try {
      return MAPPER.writeValueAsString(e.recordIds());
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
