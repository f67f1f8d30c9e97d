package io.github.sfactions.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.camunda.ArrivalOrder;
import io.github.sfactions.camunda.ConcurrentJobs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/**
 * Twenty "Sync one record" upserts for one new e-mail, their lookup-and-write jobs all run at the
 * same moment: the lookup ({@code salesforce-find-records}) takes the record's turn and holds it
 * through the write, so one Lead is created and updated nineteen times, never twice and never a
 * {@code 300}; and the writes keep the callers' arrival order.
 */
@Deployment(resources = {SyncRecordProcess.RESOURCE, SyncRecordProcess.RESOLVE_RESOURCE})
class SyncRecordConcurrencyTest extends SyncProcessTestSupport {

  private static final String EMAIL = "twenty@sync.example";
  private static final int EVENTS = 20;

  SyncRecordConcurrencyTest() {
    super(SyncRecordProcess.PROCESS_KEY);
  }

  @Test
  void twentyConcurrentSyncsForOneNewEmailCreateOneLeadAndUpdateItNineteenTimesInArrivalOrder()
      throws Exception {
    long base = ArrivalOrder.next();
    List<ProcessInstance> callers = new ArrayList<>();
    for (int k = 1; k <= EVENTS; k++) {
      Map<String, Object> vars = new HashMap<>();
      vars.put(SyncRecordProcess.SOBJECT, "Lead");
      vars.put("syncMode", "upsert");
      vars.put(SyncRecordProcess.RECORD_MATCHERS, "{\"Email\": \"" + EMAIL + "\"}");
      vars.put(
          SyncRecordProcess.FIELDS,
          "{\"LastName\": \"Arrival "
              + k
              + "\", \"Company\": \"Acme\", \"Email\": \""
              + EMAIL
              + "\""
              + (k == 1 ? ", \"City\": \"Early City\"" : "")
              + "}");
      vars.put(ArrivalOrder.VARIABLE, base + k);
      callers.add(engine.getRuntimeService().startProcessInstanceByKey(SyncCaller.KEY, vars));
    }

    // every lookup-and-write job at the same moment
    List<Job> jobs = new ArrayList<>(engine.getManagementService().createJobQuery().list());
    assertThat(jobs).hasSize(EVENTS);
    ConcurrentJobs.runAtOnce(engine.getManagementService(), jobs.stream().map(Job::getId).toList());
    SyncCaller.runJobs(engine);

    List<Map<String, Object>> leads = ORG.records("Lead");
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
