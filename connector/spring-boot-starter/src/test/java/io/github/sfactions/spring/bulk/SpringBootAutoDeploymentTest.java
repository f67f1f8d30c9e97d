package io.github.sfactions.spring.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.bpmn.SyncRecordProcess;
import io.github.sfactions.bpmn.bulk.BulkIngestExpressions;
import io.github.sfactions.bpmn.bulk.BulkIngestPlugin;
import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import io.github.sfactions.camunda.BulkQueues;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A Spring Boot application with the Camunda starter deploys the reusable processes of the
 * sfactions-bpmn jar by itself; the bulk processes get the {@link BulkIngestPlugin} and its
 * settings bean (their timer reads it) from the starter's auto-configuration.
 */
@SpringBootTest(
    classes = BulkTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "camunda.bpm.generate-unique-process-engine-name=true",
      "spring.datasource.generate-unique-name=true",
      "camunda.bpm.job-execution.enabled=false",
      // the processes of the sfactions-bpmn jar only, not the test diagrams of this module (or of
      // sfactions-connector's test classes, which a reactor build without packaging puts here)
      "camunda.bpm.deployment-resource-pattern=classpath*:io/github/sfactions/bpmn/**/*.bpmn",
      "sfactions.bulk.batch-size=1234",
      "sfactions.bulk.flush-interval=45s"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SpringBootAutoDeploymentTest {

  @Autowired RepositoryService repository;

  @Autowired BulkIngestPlugin plugin;

  @Autowired
  @Qualifier(BulkIngestVariables.SETTINGS_BEAN)
  BulkIngestExpressions settingsBean;

  @BeforeAll
  static void rememberTheBulkQueue() {
    BulkTestApplication.rememberTheBulkQueue();
  }

  @Test
  void theStarterDeploysEveryReusableProcess() {
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(SyncRecordProcess.PROCESS_KEY)
                .count())
        .isEqualTo(1);
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(SyncRecordProcess.RESOLVE_PROCESS_KEY)
                .count())
        .isEqualTo(1);
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(BulkIngestVariables.PROCESS_KEY)
                .count())
        .isEqualTo(1);
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(BulkIngestVariables.AWAIT_PROCESS_KEY)
                .count())
        .isEqualTo(1);
  }

  @Test
  void theAutoConfigurationInstallsTheBulkQueueWithTheSfactionsBulkProperties() {
    assertThat(plugin.settings().batchSize()).isEqualTo(1234);
    assertThat(settingsBean.getFlushCycle()).isEqualTo("R/PT45S");
    assertThat(BulkQueues.current()).isPresent();
  }
}
