package io.github.sfactions.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.camunda.ArrivalOrder;
import io.github.sfactions.camunda.ConcurrentJobs;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Twenty "Sync one record" upserts of one new e-mail, event k with arrival number base + k and
 * {@code LastName} "Arrival k" (event 1 alone carries a {@code City}), their lookup-and-write jobs
 * run at once; and what must come of them: one Lead, created once and updated nineteen times, with
 * the last arrival's {@code LastName} and the first one's {@code City}.
 */
final class ConcurrentSyncs {

  static final int EVENTS = 20;

  private ConcurrentSyncs() {}

  /** Starts the twenty callers (the caller model must be deployed) and runs all their jobs. */
  static List<ProcessInstance> runTwenty(ProcessEngine engine, String email) throws Exception {
    long base = ArrivalOrder.next();
    List<ProcessInstance> callers = new ArrayList<>();
    for (int k = 1; k <= EVENTS; k++) {
      Map<String, Object> vars = new HashMap<>();
      vars.put(SyncRecordProcess.SOBJECT, "Lead");
      vars.put("syncMode", "upsert");
      vars.put(SyncRecordProcess.RECORD_MATCHERS, "{\"Email\": \"" + email + "\"}");
      vars.put(
          SyncRecordProcess.FIELDS,
          "{\"LastName\": \"Arrival "
              + k
              + "\", \"Company\": \"Acme\", \"Email\": \""
              + email
              + "\""
              + (k == 1 ? ", \"City\": \"Early City\"" : "")
              + "}");
      vars.put(ArrivalOrder.VARIABLE, base + k);
      callers.add(engine.getRuntimeService().startProcessInstanceByKey(SyncCaller.KEY, vars));
    }
    List<Job> jobs = engine.getManagementService().createJobQuery().list();
    assertThat(jobs).hasSize(EVENTS);
    ConcurrentJobs.runAtOnce(engine.getManagementService(), jobs.stream().map(Job::getId).toList());
    SyncCaller.runJobs(engine);
    return callers;
  }

  static void assertOneLeadWrittenInArrivalOrder(
      ProcessEngine engine, List<ProcessInstance> callers, SalesforceEmulator org, String email) {
    List<Map<String, Object>> leads =
        org.records("Lead").stream().filter(l -> email.equals(l.get("Email"))).toList();
    assertThat(leads).hasSize(1);
    assertThat(leads.get(0))
        .containsEntry("LastName", "Arrival " + EVENTS)
        .containsEntry("City", "Early City");
    Map<String, Long> results = new HashMap<>();
    for (ProcessInstance caller : callers) {
      results.merge(
          String.valueOf(SyncCaller.variables(engine, caller).get("result")), 1L, Long::sum);
    }
    assertThat(results).containsEntry("created", 1L).containsEntry("updated", 19L).hasSize(2);
  }
}
