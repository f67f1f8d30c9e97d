package io.github.sfactions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.emulator.FaultType;
import java.util.List;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;

/**
 * Salesforce down: jobs retry, become incidents; once it is back and the incidents are retried, all
 * lands once.
 */
class SalesforceOutageTest extends AppTestSupport {

  @Test
  void outageBecomesIncidentsAndAfterRetryEveryEventLandsExactlyOnce() {
    salesforce.faults().fail(FaultType.SERVER_UNAVAILABLE, 1.0);
    List<String> emails =
        List.of(
            messageId("o1") + "@down.example",
            messageId("o2") + "@down.example",
            messageId("o3") + "@down.example");
    for (String email : emails) {
      assertThat(
              intake
                  .post(
                      "/v1/identify",
                      "{\"userId\": \""
                          + email
                          + "\", \"traits\": {\"email\": \""
                          + email
                          + "\", \"last_name\": \"Down\", \"company\": \"Outage Inc\"}}")
                  .statusCode())
          .isEqualTo(200);
    }
    String groupId = "OUT-" + messageId("g").substring(2, 12);
    intake.post(
        "/v1/group",
        "{\"userId\": \"u\", \"groupId\": \""
            + groupId
            + "\", \"traits\": {\"name\": \"Down "
            + "Corp\"}}");

    int failedRuns = jobs.runAll();

    List<Incident> incidents = runtime.createIncidentQuery().list();
    assertThat(failedRuns).isGreaterThanOrEqualTo(4 * 3);
    assertThat(incidents)
        .hasSize(4)
        .allSatisfy(
            incident ->
                assertThat(incident.getIncidentMessage())
                    .contains("503")
                    .contains("SERVER_UNAVAILABLE"));
    assertThat(salesforce.records("Lead")).isEmpty();
    assertThat(salesforce.records("Account")).isEmpty();

    salesforce.faults().clear();
    // what an operator does in Cockpit: "Retry" on each incident
    incidents.forEach(incident -> management.setJobRetries(incident.getConfiguration(), 1));
    int failedAfterRecovery = jobs.runAll();

    assertThat(failedAfterRecovery).isZero();
    assertThat(runtime.createIncidentQuery().count()).isZero();
    emails.forEach(email -> assertThat(records("Lead", "Email", email)).hasSize(1));
    assertThat(salesforce.records("Lead")).hasSize(3);
    assertThat(records("Account", "AccountNumber", groupId)).hasSize(1);
    assertThat(runtime.createProcessInstanceQuery().count()).isZero();
  }
}
