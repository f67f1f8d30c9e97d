package io.github.sfactions.bpmn;

import java.util.List;
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

  SyncRecordConcurrencyTest() {
    super(SyncRecordProcess.PROCESS_KEY);
  }

  @Test
  void twentyConcurrentSyncsForOneNewEmailCreateOneLeadAndUpdateItNineteenTimesInArrivalOrder()
      throws Exception {
    List<ProcessInstance> callers = ConcurrentSyncs.runTwenty(engine, EMAIL);

    ConcurrentSyncs.assertOneLeadWrittenInArrivalOrder(engine, callers, ORG, EMAIL);
  }
}
