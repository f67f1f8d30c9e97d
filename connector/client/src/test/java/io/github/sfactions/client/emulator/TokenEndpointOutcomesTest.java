package io.github.sfactions.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.RefreshTokenFlow;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.emulator.EmulatorExtension;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Spec §1.4 against the emulator's token endpoint: any 2xx with an access token logs in; every
 * failure carries the reference message with the context in fields; no message ever holds a token
 * the answer carried.
 */
class TokenEndpointOutcomesTest {

  private static final String TOKEN = "/services/oauth2/token";
  private static final String ACCESS = "00D000000000001!AQ4AQFakeAccessTokenValue.x9";
  private static final String REFRESH = "5Aep861FakeRefreshTokenValue.QwErTy==";

  @RegisterExtension static final EmulatorExtension EMULATOR = new EmulatorExtension();

  private SalesforceEmulator emulator() {
    return EMULATOR.get();
  }

  private static String tokenBody(String instanceUrl) {
    return "{\"access_token\":\""
        + ACCESS
        + "\",\"refresh_token\":\""
        + REFRESH
        + "\""
        + (instanceUrl == null ? "" : ",\"instance_url\":\"" + instanceUrl + "\"")
        + ",\"token_type\":\"Bearer\",\"id\":\"https://login.salesforce.com/id/00D/005\"}";
  }

  private SalesforceApiException loginFailure() {
    try (SalesforceClient client = EmulatorClients.client(emulator())) {
      List<SalesforceApiException> caught = new ArrayList<>();
      assertThatThrownBy(client::authenticate)
          .isInstanceOfSatisfying(SalesforceApiException.class, caught::add);
      return caught.get(0);
    }
  }

  /** Everything a failure exposes: message, fields, context, toString and the whole cause chain. */
  private static String exposed(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t).append(' ').append(t.getMessage()).append(' ');
      if (t instanceof SalesforceApiException s) {
        all.append(s.salesforceMessage())
            .append(' ')
            .append(s.detail())
            .append(' ')
            .append(s.context());
      }
    }
    return all.toString();
  }

  @Test
  void anyTwoHundredStatusWithAnAccessTokenLogsIn() {
    for (int status : List.of(201, 202, 203)) {
      emulator().faults().overrideNext(1, "POST", TOKEN, status, null);
      try (SalesforceClient client = EmulatorClients.client(emulator())) {
        String id = client.create("Account", Map.of("Name", "Logged in with " + status)).id();
        assertThat(emulator().record("Account", id)).as("status %d", status).isPresent();
      }
    }
  }

  @Test
  void aTwoHundredStatusWithoutAccessTokenIsNoLogin() {
    emulator()
        .faults()
        .overrideNext(1, "POST", TOKEN, 201, "{\"refresh_token\":\"" + REFRESH + "\"}");
    SalesforceApiException e = loginFailure();
    assertThat(e.getMessage())
        .isEqualTo(
            "Salesforce login failed (username-password flow): the token response"
                + " has no access_token [POST /services/oauth2/token]");
    assertThat(e.status()).isEqualTo(201);
    assertThat(e.retryable()).isFalse();
    assertThat(exposed(e)).doesNotContain(REFRESH);
  }

  @Test
  void aServerErrorCarryingTokensIsRetryableAndNeverShowsThem() {
    emulator().faults().overrideNext(1, "POST", TOKEN, 500, tokenBody(emulator().instanceUrl()));
    SalesforceApiException e = loginFailure();

    assertThat(e.getMessage()).isEqualTo("Failed to refresh access token");
    assertThat(e.errorCode()).isEqualTo("500");
    assertThat(e.status()).isEqualTo(500);
    assertThat(e.retryable()).isTrue();
    assertThat(e.method()).isEqualTo("POST");
    assertThat(e.path()).isEqualTo(TOKEN);
    assertThat(e.authFlow()).isEqualTo("username-password");
    assertThat(e.clientId()).isEqualTo(SalesforceEmulator.DEMO_CLIENT_ID);
    assertThat(exposed(e)).doesNotContain(ACCESS, REFRESH, "access_token", "Fake");
  }

  @Test
  void aDescriptionEchoingATokenOfTheAnswerIsScrubbed() {
    emulator()
        .faults()
        .overrideNext(
            1,
            "POST",
            TOKEN,
            503,
            "{\"error\":\"server_error\",\"error_description\":"
                + "\"could not persist "
                + ACCESS
                + "\",\"access_token\":\""
                + ACCESS
                + "\"}");
    SalesforceApiException e = loginFailure();

    assertThat(e.getMessage()).isEqualTo("could not persist ***");
    assertThat(e.retryable()).isTrue();
    assertThat(exposed(e)).doesNotContain(ACCESS);
  }

  @Test
  void aTwoHundredOneCarryingTokensWithAForeignInstanceUrlIsRejectedWithoutShowingThem() {
    emulator().faults().overrideNext(1, "POST", TOKEN, 201, tokenBody("https://evil.example.com"));
    SalesforceApiException invalid = loginFailure();
    assertThat(invalid.getMessage())
        .isEqualTo("Invalid Salesforce instance URL. Please login through OAuth again.");
    assertThat(invalid.errorCode()).isEqualTo("INVALID_INSTANCE_URL");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.retryable()).isFalse();
    assertThat(invalid.detail()).contains("evil.example.com", "not a Salesforce host");
    assertThat(exposed(invalid)).doesNotContain(ACCESS, REFRESH);

    emulator().faults().overrideNext(1, "POST", TOKEN, 201, tokenBody(null));
    SalesforceApiException empty = loginFailure();
    assertThat(empty.getMessage())
        .isEqualTo("Empty Salesforce instance URL. Please login through OAuth.");
    assertThat(empty.errorCode()).isEqualTo("INVALID_INSTANCE_URL");
    assertThat(exposed(empty)).doesNotContain(ACCESS, REFRESH);
  }

  @Test
  void badRequestAndUnauthorizedAreNotRetryableRateLimitIs() {
    String body =
        "{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}";
    for (int status : List.of(400, 401)) {
      emulator().faults().overrideNext(1, "POST", TOKEN, status, body);
      SalesforceApiException e = loginFailure();
      assertThat(e.getMessage()).isEqualTo("invalid client credentials");
      assertThat(e.errorCode()).isEqualTo(String.valueOf(status));
      assertThat(e.retryable()).as("status %d", status).isFalse();
      assertThat(e.detail()).isEqualTo("OAuth error invalid_client");
    }
    emulator().faults().overrideNext(1, "POST", TOKEN, 429, "");
    SalesforceApiException limited = loginFailure();
    assertThat(limited.getMessage()).isEqualTo("Failed to refresh access token");
    assertThat(limited.errorCode()).isEqualTo("429");
    assertThat(limited.retryable()).isTrue();
  }

  @Test
  void theTwoConcurrentRefreshAnswersAreTheRetryableReferenceError() {
    String refresh = emulator().issueRefreshToken(SalesforceEmulator.DEMO_USERNAME);
    for (String description :
        List.of("token request is already being processed", "expired authorization code")) {
      emulator()
          .faults()
          .overrideNext(
              1,
              "POST",
              TOKEN,
              400,
              "{\"error\":\"invalid_grant\",\"error_description\":\"" + description + "\"}");
      try (SalesforceClient client =
          SalesforceClient.create(
              EmulatorClients.settings(
                      emulator(),
                      new RefreshTokenFlow(
                          SalesforceEmulator.DEMO_CLIENT_ID,
                          SalesforceEmulator.DEMO_CLIENT_SECRET,
                          refresh))
                  .build())) {
        assertThatThrownBy(client::authenticate)
            .isInstanceOfSatisfying(
                SalesforceApiException.class,
                e -> {
                  assertThat(e.getMessage())
                      .isEqualTo("Concurrent token refresh error. This request will be retried");
                  assertThat(e.errorCode()).isEqualTo("RETRYABLE_ERROR");
                  assertThat(e.retryable()).isTrue();
                  assertThat(e.authFlow()).isEqualTo("refresh token");
                  assertThat(e.context()).contains("POST /services/oauth2/token", "status 400");
                });
        // the next attempt (the job's retry) gets a token
        client.authenticate();
        assertThat(client.instanceUrl()).isPresent();
      }
    }
  }
}
