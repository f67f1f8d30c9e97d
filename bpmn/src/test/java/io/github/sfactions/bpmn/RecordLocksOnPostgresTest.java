package io.github.sfactions.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.bpmn.bulk.PostgresTestDatabase;
import io.github.sfactions.camunda.SalesforceConnectorPlugin;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.connect.plugin.impl.ConnectProcessEnginePlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Record locks on PostgreSQL (a fresh database): concurrent syncs of one new record take turns
 * there as on H2, and a turn held elsewhere (another node, a stuck job) makes a job give its thread
 * back after two seconds instead of waiting without end, which PostgreSQL does by default.
 */
class RecordLocksOnPostgresTest {

  private static final SalesforceEmulator ORG = TestSalesforce.get();
  private static PostgresTestDatabase database;
  private static ProcessEngine engine;

  @BeforeAll
  static void engineOnPostgres() {
    database = PostgresTestDatabase.create("record_locks");
    StandaloneInMemProcessEngineConfiguration c = new StandaloneInMemProcessEngineConfiguration();
    c.setProcessEngineName("sfactions-record-locks-postgres");
    c.setJdbcUrl(database.url());
    c.setJdbcDriver("org.postgresql.Driver");
    c.setJdbcUsername(PostgresTestDatabase.USER);
    c.setJdbcPassword("");
    c.setDatabaseSchemaUpdate(ProcessEngineConfigurationImpl.DB_SCHEMA_UPDATE_TRUE);
    c.setJobExecutorActivate(false);
    c.setHistory("full");
    c.setJavaSerializationFormatEnabled(false);
    c.setEnableExceptionsAfterUnhandledBpmnError(true);
    SalesforceConnectorPlugin salesforce = new SalesforceConnectorPlugin();
    salesforce.setLoginUrl(ORG.loginUrl());
    salesforce.setAllowLocalInstance("true");
    salesforce.setClientId(SalesforceEmulator.DEMO_CLIENT_ID);
    salesforce.setClientSecret(SalesforceEmulator.DEMO_CLIENT_SECRET);
    salesforce.setUsername("demo@sfactions.local");
    salesforce.setPassword("demo");
    salesforce.setSecurityToken("TOKEN");
    c.setProcessEnginePlugins(
        new ArrayList<>(List.of(new ConnectProcessEnginePlugin(), salesforce)));
    engine = c.buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .addClasspathResource(SyncRecordProcess.RESOURCE)
        .addModelInstance("sync-caller.bpmn", SyncCaller.model(SyncRecordProcess.PROCESS_KEY))
        .deploy();
  }

  @AfterAll
  static void dropDatabase() {
    if (engine != null) {
      engine.close();
    }
    database.close();
  }

  @BeforeEach
  void freshOrg() {
    TestSalesforce.fresh();
  }

  @Test
  void twentyConcurrentSyncsOfOneNewEmailMakeOneLeadWrittenInArrivalOrder() throws Exception {
    List<ProcessInstance> callers = ConcurrentSyncs.runTwenty(engine, "twenty@postgres.example");

    ConcurrentSyncs.assertOneLeadWrittenInArrivalOrder(
        engine, callers, ORG, "twenty@postgres.example");
  }

  @Test
  void aTurnHeldElsewhereMakesTheJobGiveBackItsThreadAfterTwoSecondsKeepingItsRetries()
      throws Exception {
    ProcessInstance caller =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                SyncCaller.KEY,
                Map.of(
                    SyncRecordProcess.SOBJECT,
                    "Lead",
                    "syncMode",
                    "upsert",
                    SyncRecordProcess.RECORD_MATCHERS,
                    "{\"Email\": \"held@postgres.example\"}",
                    SyncRecordProcess.FIELDS,
                    "{\"LastName\": \"Held\", \"Company\": \"Acme\", \"Email\": \"held@postgres.example\"}"));
    Job job = engine.getManagementService().createJobQuery().singleResult();
    int retries = job.getRetries();

    try (Connection other = database.connect()) {
      other.setAutoCommit(false);
      other.createStatement().executeUpdate("UPDATE sfa_record_lock SET turns_ = turns_ + 1");
      long start = System.nanoTime();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
          .hasStackTraceContaining(
              "Another job held the turn of this Lead record too long (55P03)");
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(waitedMillis).isBetween(1_900L, 30_000L);
      assertThat(engine.getManagementService().createJobQuery().singleResult().getRetries())
          .isEqualTo(retries);
      assertThat(TestSalesforce.dataCalls()).as("nothing sent").isEmpty();
      other.rollback();
    }

    engine.getManagementService().executeJob(job.getId());
    SyncCaller.runJobs(engine);
    assertThat(SyncCaller.variables(engine, caller)).containsEntry("result", "created");
  }
}
