package io.github.sfactions.bpmn.sync;

import static io.github.sfactions.bpmn.SyncRecordProcess.CHOSEN_RECORD_ID;
import static io.github.sfactions.bpmn.SyncRecordProcess.RECORD_ID;
import static io.github.sfactions.bpmn.SyncRecordProcess.RECORD_IDS;
import static io.github.sfactions.bpmn.SyncRecordProcess.SKIP_RECORD;

import io.github.sfactions.camunda.InputValues;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;

/**
 * Complete listener of "Resolve duplicate": the person either skips the record or picks one of the
 * candidate Ids; anything else refuses the completion (the task stays open, Tasklist and REST show
 * the message), so a typo never updates or deletes a record that was not among the matches.
 */
public class ChosenRecordCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (Boolean.TRUE.equals(InputValues.bool(SKIP_RECORD, task.getVariable(SKIP_RECORD)))) {
      return;
    }
    String chosen = InputValues.text(CHOSEN_RECORD_ID, task.getVariable(CHOSEN_RECORD_ID));
    List<Object> candidates = InputValues.list(RECORD_IDS, task.getVariable(RECORD_IDS));
    if (chosen == null) {
      throw new NotValidException(
          "Choose one of the matching records ("
              + CHOSEN_RECORD_ID
              + ") or set "
              + SKIP_RECORD
              + " to true; candidates: "
              + candidates);
    }
    String id = chosen.trim();
    if (candidates == null || !candidates.contains(id)) {
      throw new NotValidException(
          CHOSEN_RECORD_ID + " " + id + " is not one of the matching records " + candidates);
    }
    task.getExecution().setVariable(RECORD_ID, id);
  }
}
