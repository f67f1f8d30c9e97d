package io.github.sfactions.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.AuthFlow;
import io.github.sfactions.client.ClientCredentialsFlow;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.JwtBearerFlow;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.client.RefreshTokenFlow;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failed logins give clear, classified errors that never carry a secret, even when the server
 * echoes one.
 */
class LoginFailureTest {

  private static final String SECRET = "Cl1ent-Secret+value/1";
  private static final String PASSWORD = "Pa55word&more";
  private static final String SECURITY_TOKEN = "SecTok3nXYZ";
  private static final String REFRESH = "5Aep861refresh.token==";
  private static PrivateKey key;

  private MockWebServer server;

  @BeforeAll
  static void generateKey() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    key = gen.generateKeyPair().getPrivate();
  }

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  /** Every token request gets the answer the function gives for it. */
  private void onToken(Function<RecordedRequest, MockResponse> answer) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return OrgAnswers.TOKEN_PATH.equals(request.getPath())
                ? answer.apply(request)
                : OrgAnswers.json(404, "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"no route\"}]");
          }
        });
  }

  private RecordedRequest tokenRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a token request").isNotNull();
    assertThat(request.getMethod() + " " + request.getPath())
        .isEqualTo("POST " + OrgAnswers.TOKEN_PATH);
    return request;
  }

  private List<AuthFlow> flows() {
    return List.of(
        new PasswordFlow("cid", SECRET, "user@acme.com", PASSWORD, SECURITY_TOKEN),
        new RefreshTokenFlow("cid", SECRET, REFRESH),
        new ClientCredentialsFlow("cid", SECRET),
        new JwtBearerFlow("cid", "user@acme.com", key));
  }

  private SalesforceApiException loginFailure(AuthFlow flow) {
    try (SalesforceClient client =
        SalesforceClient.create(
            ConnectionSettings.builder()
                .loginUrl(OrgAnswers.loginUrl(server))
                .allowLocalInstance(true)
                .auth(flow)
                .build())) {
      AtomicReference<SalesforceApiException> error = new AtomicReference<>();
      assertThatThrownBy(client::authenticate)
          .isInstanceOfSatisfying(SalesforceApiException.class, error::set);
      return error.get();
    }
  }

  @Test
  void wrongCredentialsGiveAClearPermanentErrorNamingTheFlow() throws Exception {
    onToken(
        req ->
            OrgAnswers.json(
                400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}"));
    for (AuthFlow flow : flows()) {
      SalesforceApiException e = loginFailure(flow);
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.errorCode()).isEqualTo("400");
      assertThat(e.retryable()).isFalse();
      assertThat(e.getMessage()).isEqualTo("authentication failure");
      assertThat(e.context())
          .contains(
              "POST /services/oauth2/token",
              flow.flowName() + " flow",
              "client id cid",
              "OAuth error invalid_grant");
      // a permanent failure is not retried by the client itself
      tokenRequest();
    }
    assertThat(server.getRequestCount()).isEqualTo(flows().size());
  }

  @Test
  void messagesNeverContainSecretsEvenWhenTheServerEchoesTheRequest() {
    List<String> assertions = new CopyOnWriteArrayList<>();
    onToken(
        req -> {
          Map<String, String> form = OrgAnswers.form(req);
          if (form.containsKey("assertion")) {
            assertions.add(form.get("assertion"));
          }
          return OrgAnswers.json(
              400,
              "{\"error\":\"invalid_client\",\"error_description\":\"echo "
                  + OrgAnswers.body(req)
                  + " / "
                  + String.join(" ", form.values())
                  + "\"}");
        });
    for (AuthFlow flow : flows()) {
      SalesforceApiException e = loginFailure(flow);
      List<String> secrets =
          new ArrayList<>(
              List.of(SECRET, PASSWORD, SECURITY_TOKEN, REFRESH, PASSWORD + SECURITY_TOKEN));
      secrets.addAll(assertions);
      String everything = e.getMessage() + " " + e.salesforceMessage() + " " + e;
      for (String secret : secrets) {
        assertThat(everything).as(flow.flowName()).doesNotContain(secret);
        assertThat(everything).doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8));
      }
    }
    assertThat(assertions).hasSize(1);
  }

  @Test
  void concurrentRefreshSignalsAreRetryable() {
    for (String description :
        List.of("token request is already being processed", "expired authorization code")) {
      onToken(
          req ->
              OrgAnswers.json(
                  400,
                  "{\"error\":\"invalid_grant\",\"error_description\":\"" + description + "\"}"));
      SalesforceApiException e = loginFailure(new RefreshTokenFlow("cid", SECRET, REFRESH));
      assertThat(e.retryable()).isTrue();
      assertThat(e.getMessage())
          .isEqualTo("Concurrent token refresh error. This request will be retried");
      assertThat(e.errorCode()).isEqualTo("RETRYABLE_ERROR");
      assertThat(e.authFlow()).isEqualTo("refresh token");
    }
  }

  @Test
  void tokenEndpointOutagesAreRetryable() {
    onToken(req -> OrgAnswers.typed(503, "text/html", "<html>Service Unavailable</html>"));
    SalesforceApiException e = loginFailure(new ClientCredentialsFlow("cid", SECRET));
    assertThat(e.status()).isEqualTo(503);
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).isEqualTo("Failed to refresh access token");
    assertThat(e.errorCode()).isEqualTo("503");
    assertThat(e.context()).contains("status 503", "client credentials flow");
  }

  @Test
  void aTokenAnswerWithoutAccessTokenIsAClearError() {
    onToken(req -> OrgAnswers.json(200, "{\"instance_url\":\"https://na1.salesforce.com\"}"));
    SalesforceApiException e = loginFailure(new ClientCredentialsFlow("cid", SECRET));
    assertThat(e.getMessage()).contains("no access_token");
    assertThat(e.retryable()).isFalse();
  }
}
