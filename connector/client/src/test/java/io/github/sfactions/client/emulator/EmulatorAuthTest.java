package io.github.sfactions.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.AuthFlow;
import io.github.sfactions.client.ClientCredentialsFlow;
import io.github.sfactions.client.JwtBearerFlow;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.client.RefreshTokenFlow;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.emulator.EmulatorExtension;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every auth flow, wrong credentials, and token expiry against the emulator over real HTTP. */
class EmulatorAuthTest {

  private static final String JWT_APP = "jwt-app";
  private static final String JWT_USER = "jwt.user@sfactions.local";
  private static final KeyPair JWT_KEYS = rsaKeys();
  private static final KeyPair OTHER_KEYS = rsaKeys();

  @RegisterExtension
  static final EmulatorExtension EMULATOR =
      new EmulatorExtension(
          () ->
              SalesforceEmulator.builder()
                  .connectedApp(JWT_APP, "jwt-app-secret-value", JWT_KEYS.getPublic())
                  .user(JWT_USER, "unused-password-1", null));

  private static KeyPair rsaKeys() {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(2048);
      return gen.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private SalesforceEmulator emulator() {
    return EMULATOR.get();
  }

  private void assertWorks(AuthFlow flow) {
    try (SalesforceClient client =
        SalesforceClient.create(EmulatorClients.settings(emulator(), flow).build())) {
      String id = client.create("Account", Map.of("Name", "Acme " + flow.flowName())).id();
      assertThat(emulator().record("Account", id)).isPresent();
      assertThat(client.instanceUrl())
          .hasValueSatisfying(
              url ->
                  assertThat(url)
                      .startsWith(emulator().instanceUrl())
                      .doesNotStartWith(emulator().loginUrl()));
    }
  }

  @Test
  void passwordFlowWorks() {
    assertWorks(EmulatorClients.demoPassword());
  }

  @Test
  void refreshTokenFlowWorks() {
    String refresh = emulator().issueRefreshToken(SalesforceEmulator.DEMO_USERNAME);
    assertWorks(
        new RefreshTokenFlow(
            SalesforceEmulator.DEMO_CLIENT_ID, SalesforceEmulator.DEMO_CLIENT_SECRET, refresh));
  }

  @Test
  void clientCredentialsFlowWorks() {
    assertWorks(
        new ClientCredentialsFlow(
            SalesforceEmulator.DEMO_CLIENT_ID, SalesforceEmulator.DEMO_CLIENT_SECRET));
  }

  @Test
  void jwtBearerFlowWorksWithTheRegisteredKey() {
    assertWorks(new JwtBearerFlow(JWT_APP, JWT_USER, JWT_KEYS.getPrivate()));
  }

  @Test
  void jwtSignedWithAnotherKeyIsRejected() {
    SalesforceApiException e =
        loginFailure(new JwtBearerFlow(JWT_APP, JWT_USER, OTHER_KEYS.getPrivate()));
    assertThat(e.errorCode()).isEqualTo("400");
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).isEqualTo("invalid assertion");
    assertThat(e.authFlow()).isEqualTo("JWT bearer");
    assertThat(e.detail()).isEqualTo("OAuth error invalid_grant");
  }

  private SalesforceApiException loginFailure(AuthFlow flow) {
    try (SalesforceClient client =
        SalesforceClient.create(EmulatorClients.settings(emulator(), flow).build())) {
      List<SalesforceApiException> caught = new ArrayList<>();
      assertThatThrownBy(client::authenticate)
          .isInstanceOfSatisfying(SalesforceApiException.class, caught::add);
      return caught.get(0);
    }
  }

  @Test
  void wrongCredentialsGiveClearErrorsWithoutSecrets() {
    String wrongSecret = "wrong-client-secret-42";
    String wrongPassword = "wrong-password-42";
    String wrongRefresh = "wrong-refresh-token-42";
    List<AuthFlow> flows =
        List.of(
            new PasswordFlow(
                SalesforceEmulator.DEMO_CLIENT_ID,
                SalesforceEmulator.DEMO_CLIENT_SECRET,
                SalesforceEmulator.DEMO_USERNAME,
                wrongPassword,
                SalesforceEmulator.DEMO_SECURITY_TOKEN),
            new PasswordFlow(
                SalesforceEmulator.DEMO_CLIENT_ID,
                wrongSecret,
                SalesforceEmulator.DEMO_USERNAME,
                SalesforceEmulator.DEMO_PASSWORD,
                SalesforceEmulator.DEMO_SECURITY_TOKEN),
            new RefreshTokenFlow(
                SalesforceEmulator.DEMO_CLIENT_ID,
                SalesforceEmulator.DEMO_CLIENT_SECRET,
                wrongRefresh),
            new ClientCredentialsFlow(SalesforceEmulator.DEMO_CLIENT_ID, wrongSecret),
            new ClientCredentialsFlow("unknown-client", wrongSecret));
    List<String> expectedErrors =
        List.of(
            "invalid_grant",
            "invalid_client",
            "invalid_grant",
            "invalid_client",
            "invalid_client_id");
    List<String> expectedMessages =
        List.of(
            "authentication failure",
            "invalid client credentials",
            "expired access/refresh token",
            "invalid client credentials",
            "client identifier invalid");
    for (int i = 0; i < flows.size(); i++) {
      SalesforceApiException e = loginFailure(flows.get(i));
      // spec §1.4: the message is the error_description, the code the status; the rest is in fields
      assertThat(e.getMessage()).isEqualTo(expectedMessages.get(i));
      assertThat(e.errorCode()).isEqualTo("400");
      assertThat(e.detail()).isEqualTo("OAuth error " + expectedErrors.get(i));
      assertThat(e.authFlow()).isEqualTo(flows.get(i).flowName());
      assertThat(e.clientId()).isEqualTo(flows.get(i).clientId());
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.retryable()).isFalse();
      assertThat(e.getMessage() + " " + e.context())
          .doesNotContain(
              wrongSecret,
              wrongPassword,
              wrongRefresh,
              SalesforceEmulator.DEMO_CLIENT_SECRET,
              SalesforceEmulator.DEMO_PASSWORD + SalesforceEmulator.DEMO_SECURITY_TOKEN);
    }
  }

  @Test
  void expiredSessionCostsExactlyOneReloginAndOneReplay() {
    try (SalesforceClient client = EmulatorClients.client(emulator())) {
      String id = client.create("Account", Map.of("Name", "Before")).id();
      long tokensBefore = emulator().stats().tokenRequests();
      emulator().expireSessions();

      client.update("Account", id, Map.of("Name", "After"));

      assertThat(emulator().record("Account", id).orElseThrow()).containsEntry("Name", "After");
      assertThat(emulator().stats().tokenRequests()).isEqualTo(tokensBefore + 1);
      assertThat(EmulatorClients.requests(emulator(), "PATCH", "/sobjects/Account/"))
          .extracting(r -> r.status())
          .containsExactly(401, 204);
    }
  }

  @Test
  void concurrentCallersAfterExpiryShareOneTokenRequest() throws Exception {
    try (SalesforceClient client = EmulatorClients.client(emulator())) {
      String id = client.create("Account", Map.of("Name", "Shared")).id();
      emulator().expireSessions();
      long tokensBefore = emulator().stats().tokenRequests();
      int threads = 8;
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          results.add(
              pool.submit(
                  () -> {
                    start.await(5, TimeUnit.SECONDS);
                    return client.get("Account", id, List.of("Name")).get("Name");
                  }));
        }
        start.countDown();
        for (Future<Object> f : results) {
          assertThat(f.get(20, TimeUnit.SECONDS)).isEqualTo("Shared");
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(emulator().stats().tokenRequests()).isEqualTo(tokensBefore + 1);
    }
  }

  @Test
  void listenerSeesTheTokenCallsAndTheReplay() {
    List<io.github.sfactions.client.ApiCall> calls = new CopyOnWriteArrayList<>();
    try (SalesforceClient client = EmulatorClients.client(emulator(), calls::add)) {
      client.describeGlobal();
      emulator().expireSessions();
      client.describe("Lead");
    }
    assertThat(calls)
        .extracting(c -> c.operation().name() + ":" + c.status())
        .containsExactly(
            "TOKEN:200", "DESCRIBE_GLOBAL:200", "DESCRIBE:401", "TOKEN:200", "DESCRIBE:200");
    assertThat(calls.get(2).retryable()).isTrue();
    assertThat(calls.get(4).pathTemplate())
        .isEqualTo("/services/data/{version}/sobjects/{sobject}/describe");
    assertThat(calls.get(4).sobject()).isEqualTo("Lead");
  }
}
