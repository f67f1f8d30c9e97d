package io.github.sfactions.bpmn;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.CallActivityBuilder;

/**
 * A caller process (built with the model API, so it has DI) that calls a sync process with a call
 * activity the way the docs show: every input with {@code camunda:in}, every output with {@code
 * camunda:out}, and error boundary events for {@code 300}, {@code 404} and {@code 400} that keep
 * the code and message.
 */
final class SyncCaller {

  static final String KEY = "SyncCaller";
  static final String DONE = "Done";
  static final String SEVERAL = "SeveralEnd";
  static final String NOT_FOUND = "NotFoundEnd";
  static final String REJECTED = "RejectedEnd";
  static final String ERROR_CODE = "errorCode";
  static final String ERROR_MESSAGE = "errorMessage";

  private static final List<String> INPUTS =
      List.of(
          SyncRecordProcess.SOBJECT,
          SyncRecordProcess.OPERATION,
          SyncRecordProcess.SYNC_MODE,
          SyncRecordProcess.RECORD_MATCHERS,
          SyncRecordProcess.RECORD_MATCHERS_OPERATOR,
          SyncRecordProcess.FIELDS,
          SyncRecordProcess.ON_NO_MATCH,
          SyncRecordProcess.CONNECTION);
  private static final List<String> OUTPUTS =
      List.of(
          SyncRecordProcess.RECORD_ID,
          SyncRecordProcess.RESULT,
          SyncRecordProcess.MATCH_COUNT,
          SyncRecordProcess.RECORD_IDS,
          SyncRecordProcess.API_CALLS);

  private SyncCaller() {}

  /**
   * The caller of {@code calledProcessKey}, passing the standard inputs and any {@code
   * extraInputs}.
   */
  static BpmnModelInstance model(String calledProcessKey, String... extraInputs) {
    CallActivityBuilder call =
        Bpmn.createExecutableProcess(KEY)
            .camundaHistoryTimeToLive(1)
            .startEvent("CallerStart")
            .callActivity("Sync")
            .name("Sync one record")
            .calledElement(calledProcessKey);
    for (String in : INPUTS) {
      call = call.camundaIn(in, in);
    }
    for (String in : extraInputs) {
      call = call.camundaIn(in, in);
    }
    for (String out : OUTPUTS) {
      call = call.camundaOut(out, out);
    }
    return call.endEvent(DONE)
        .moveToActivity("Sync")
        .boundaryEvent("Several")
        .errorEventDefinition()
        .error("300")
        .errorCodeVariable(ERROR_CODE)
        .errorMessageVariable(ERROR_MESSAGE)
        .errorEventDefinitionDone()
        .endEvent(SEVERAL)
        .moveToActivity("Sync")
        .boundaryEvent("NotFound")
        .errorEventDefinition()
        .error("404")
        .errorCodeVariable(ERROR_CODE)
        .errorMessageVariable(ERROR_MESSAGE)
        .errorEventDefinitionDone()
        .endEvent(NOT_FOUND)
        .moveToActivity("Sync")
        .boundaryEvent("Rejected")
        .errorEventDefinition()
        .error("400")
        .errorCodeVariable(ERROR_CODE)
        .errorMessageVariable(ERROR_MESSAGE)
        .errorEventDefinitionDone()
        .endEvent(REJECTED)
        .done();
  }

  /**
   * Executes due jobs (the async steps) until none is left; bounded so a loop in a model fails the
   * test.
   */
  static void runJobs(ProcessEngine engine) {
    runJobsListing(engine);
  }

  /**
   * Executes due jobs like {@link #runJobs} and names each job executed, in order, by its activity
   * and kind, e.g. {@code "CreateRecord async-after"}.
   */
  static List<String> runJobsListing(ProcessEngine engine) {
    ManagementService management = engine.getManagementService();
    List<String> executed = new ArrayList<>();
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = management.createJobQuery().executable().list();
      if (jobs.isEmpty()) {
        return executed;
      }
      for (Job job : jobs) {
        executed.add(describe(engine, job));
        management.executeJob(job.getId());
      }
    }
    return fail("jobs still due after 50 rounds");
  }

  /** A job by its activity and kind, e.g. {@code "CreateRecord async-after"}. */
  static String describe(ProcessEngine engine, Job job) {
    JobDefinition definition =
        engine
            .getManagementService()
            .createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId())
            .singleResult();
    return definition.getActivityId() + " " + definition.getJobConfiguration();
  }

  /** Every variable the (ended) instance had at its end, from history. */
  static Map<String, Object> variables(ProcessEngine engine, ProcessInstance instance) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance v :
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .list()) {
      values.put(v.getName(), v.getValue());
    }
    return values;
  }
}
