package io.github.sfactions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.emulator.FaultType;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /actuator/health/salesforce} as docs/configuration.md names it, over HTTP against the
 * emulated org: the status for everyone, the connection details only for a camunda-admin user.
 */
class HealthEndpointTest extends AppTestSupport {

  private static final String PATH = "/actuator/health/salesforce";

  @Autowired IdentityService identity;

  @Test
  void anonymousCallersGetTheStatusAndNoDetails() {
    HttpResponse<String> salesforceHealth = intake.get(PATH, null, null);
    HttpResponse<String> health = intake.get("/actuator/health", null, null);

    assertThat(salesforceHealth.statusCode()).isEqualTo(200);
    assertThat(salesforceHealth.body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body())
        .contains("\"salesforce\":{\"status\":\"UP\"}")
        .doesNotContain("loginUrl")
        .doesNotContain(salesforce.instanceUrl())
        .doesNotContain("dailyApiRequests");
  }

  @Test
  void theAdminSeesEachConnectionsDetails() {
    HttpResponse<String> response = intake.get(PATH, "admin", "test-password");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .startsWith("{\"status\":\"UP\",\"details\":{\"default\":{")
        .contains("\"loginUrl\":\"" + salesforce.loginUrl() + "\"")
        .contains("\"instanceUrl\":\"" + salesforce.instanceUrl())
        .contains("\"dailyApiRequestsRemaining\":")
        .contains("\"dailyApiRequestsMax\":")
        .doesNotContain("secret");
  }

  @Test
  void anOrgThatCannotBeReachedIsDownWith503AndTheAdminSeesWhy() {
    salesforce.faults().fail(FaultType.SERVER_UNAVAILABLE, 1.0);

    HttpResponse<String> anonymous = intake.get(PATH, null, null);
    HttpResponse<String> admin = intake.get(PATH, "admin", "test-password");

    assertThat(anonymous.statusCode()).isEqualTo(503);
    assertThat(anonymous.body()).isEqualTo("{\"status\":\"DOWN\"}");
    assertThat(admin.statusCode()).isEqualTo(503);
    assertThat(admin.body()).contains("\"status\":\"DOWN\"").contains("SERVER_UNAVAILABLE");

    salesforce.faults().clear();
    assertThat(intake.get(PATH, null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void aUserOutsideCamundaAdminSeesNoDetailsAndWrongCredentialsAreRefused() {
    if (identity.createUserQuery().userId("viewer").count() == 0) {
      User viewer = identity.newUser("viewer");
      viewer.setPassword("viewer-password");
      identity.saveUser(viewer);
    }

    assertThat(intake.get(PATH, "viewer", "viewer-password").body())
        .isEqualTo("{\"status\":\"UP\"}");
    HttpResponse<String> wrong = intake.get(PATH, "admin", "not-the-password");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic realm="));
    assertThat(wrong.body()).doesNotContain("UP");
  }
}
