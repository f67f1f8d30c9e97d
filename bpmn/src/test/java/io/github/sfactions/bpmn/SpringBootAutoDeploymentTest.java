package io.github.sfactions.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** A Spring Boot application with the Camunda starter deploys the reusable processes from this jar by itself. */
@SpringBootTest(classes = SpringBootAutoDeploymentTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "spring.datasource.generate-unique-name=true",
        "camunda.bpm.job-execution.enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SpringBootAutoDeploymentTest {

  /** Auto-configuration only, no component scan. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
  }

  @Autowired
  RepositoryService repository;

  @Test
  void theStarterDeploysBothSyncProcesses() {
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(SyncRecordProcess.PROCESS_KEY).count())
        .isEqualTo(1);
    assertThat(repository.createProcessDefinitionQuery()
        .processDefinitionKey(SyncRecordProcess.RESOLVE_PROCESS_KEY).count()).isEqualTo(1);
  }
}
