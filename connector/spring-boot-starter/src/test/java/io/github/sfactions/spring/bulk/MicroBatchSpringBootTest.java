package io.github.sfactions.spring.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.emulator.SalesforceEmulator;
import io.github.sfactions.spring.EmulatorConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Micro-batch delivery in a Spring Boot application: the collector's process deploys (its sweep
 * timer reads the settings bean), the depth gauges read the queue from the engine's database, and a
 * flush to the emulator is recorded by the meters the starter registered on the plugin. The job
 * executor is off; the test runs the jobs.
 */
@SpringBootTest(
    classes = BulkTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "camunda.bpm.generate-unique-process-engine-name=true",
      "spring.datasource.generate-unique-name=true",
      "camunda.bpm.job-execution.enabled=false",
      "camunda.bpm.deployment-resource-pattern=classpath*:io/github/sfactions/bpmn/**/*.bpmn,"
          + "classpath*:io/github/sfactions/spring/bulk/*.bpmn",
      "sfactions.bulk.micro-batch.max-delay=200ms"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MicroBatchSpringBootTest {

  private static final SalesforceEmulator EMULATOR = SalesforceEmulator.builder().start();

  @DynamicPropertySource
  static void connection(DynamicPropertyRegistry registry) {
    EmulatorConnection.password(registry, "default", EMULATOR);
  }

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired MeterRegistry meters;

  @BeforeAll
  static void rememberTheBulkQueue() {
    BulkTestApplication.rememberTheBulkQueue();
  }

  @AfterAll
  static void stopEmulator() {
    EMULATOR.close();
  }

  @Test
  void theGaugesReadTheQueueAndAFlushIsMeasured() throws InterruptedException {
    ProcessInstance instance =
        runtime.startProcessInstanceByKey("SpringMicroBatchLead", Map.of("lastName", "Metered"));

    assertThat(meters.get(MicroBatchMetrics.QUEUE_DEPTH).gauge().value()).isEqualTo(1);
    assertThat(meters.get(MicroBatchMetrics.QUEUE_AGE).gauge().value()).isGreaterThanOrEqualTo(0);

    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .finished()
                .count()
            == 0
        && System.nanoTime() < deadline) {
      // the trigger starts the collector once the record waited max-delay; its steps are jobs
      for (Job job : management.createJobQuery().executable().list()) {
        management.executeJob(job.getId());
      }
      Thread.sleep(50);
    }

    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .finished()
                .count())
        .isEqualTo(1);
    assertThat(EMULATOR.records("Lead"))
        .anySatisfy(lead -> assertThat(lead).containsEntry("LastName", "Metered"));
    assertThat(
            meters
                .get(MicroBatchMetrics.FLUSH_RECORDS)
                .tag("connection", "default")
                .tag("sobject", "Lead")
                .summary()
                .totalAmount())
        .isEqualTo(1);
    assertThat(meters.get(MicroBatchMetrics.FLUSH_API_CALLS).summary().totalAmount()).isPositive();
    assertThat(meters.get(MicroBatchMetrics.WAIT).timer().count()).isEqualTo(1);
    Thread.sleep(MicroBatchMetrics.DEPTH_CACHE.toMillis() + 50);
    assertThat(meters.get(MicroBatchMetrics.QUEUE_DEPTH).gauge().value()).isZero();
  }
}
