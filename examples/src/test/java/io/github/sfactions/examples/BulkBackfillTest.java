package io.github.sfactions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * A replayed JSON-lines file of back-fill events goes to Salesforce through the bulk queue and Bulk
 * API jobs.
 */
class BulkBackfillTest extends AppTestSupport {

  @Test
  void backfillFileCreatesItsLeadsThroughTheBulkApiAndARejectedOneGoesToReview() throws Exception {
    HttpResponse<String> replay =
        intake.post("/v1/replay", Files.readString(Path.of("events/backfill-leads.jsonl")));
    assertThat(replay.body())
        .contains("\"events\":101")
        .contains("\"started\":101")
        .contains("\"done\":true");

    jobs.runAll();
    assertThat(salesforce.records("Lead")).isEmpty();
    runtime.createMessageCorrelation(BulkIngestVariables.FLUSH_MESSAGE).correlateStartMessage();
    jobs.runAll();

    assertThat(salesforce.records("Lead")).hasSize(100);
    assertThat(records("Lead", "Email", "ada.lovelace.001@legacy.example"))
        .singleElement()
        .satisfies(
            lead ->
                assertThat(lead)
                    .containsEntry("Company", "Legacy Customer 1")
                    .containsEntry("City", "London"));
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("identify-lead")
                .processInstanceBusinessKeyLike("backfill-%")
                .count())
        .as("back-fill events do not take the REST path")
        .isZero();
    assertThat(
            salesforce.requests().stream().filter(r -> r.path().contains("/sobjects/Lead")).count())
        .isZero();

    Task review = tasks.createTaskQuery().processInstanceBusinessKey("backfill-101").singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("ReviewRejectedLead");
    assertThat((String) runtime.getVariable(review.getProcessInstanceId(), "rejection"))
        .contains("REQUIRED_FIELD_MISSING");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("backfill-leads").count())
        .isEqualTo(1);
    assertThat(runtime.createIncidentQuery().count()).isZero();
    Map<String, Object> variables =
        history.createHistoricVariableInstanceQuery().variableName("bulkResult").list().stream()
            .collect(java.util.stream.Collectors.toMap(v -> v.getId(), v -> v.getValue()));
    assertThat(variables.values()).contains("created");
  }
}
