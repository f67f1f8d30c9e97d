package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.V;
import static io.github.sfactions.emulator.SfHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdminAndObservationTest {
  @RegisterExtension
  static EmulatorExtension emulator =
      new EmulatorExtension(
          () ->
              SalesforceEmulator.builder()
                  .config(
                      EmulatorConfig.defaults()
                          .withRequestLog(new EmulatorConfig.RequestLog(5, 20))
                          .withRecord("Account", map("Name", "Seeded"))));

  SfHttp http;

  @BeforeEach
  void login() {
    http = new SfHttp(emulator.get()).login();
  }

  private SfHttp.Res admin(String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(emulator.get().instanceUrl() + "/__emulator" + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b);
  }

  @Test
  void recordsEndpointListsLiveRecordsIncludingSeeds() {
    http.post(V + "/sobjects/Account", map("Name", "Second"));
    JsonNode list = admin("GET", "/records/account", null).json();
    assertThat(list.findValuesAsText("Name")).containsExactly("Seeded", "Second");
    assertThat(admin("GET", "/records/Nope", null).status()).isEqualTo(404);
  }

  @Test
  void statsCountPerEndpointObjectAndOperation() {
    http.post(V + "/sobjects/Account", map("Name", "A"));
    http.get(V + "/sobjects/Account/describe");
    http.get("/services/data/");
    EmulatorStats stats = emulator.get().stats();
    assertThat(stats.totalApiCalls()).isEqualTo(2);
    assertThat(stats.byEndpoint()).containsEntry("sobjects", 2L);
    assertThat(stats.byObject()).containsEntry("Account", 2L);
    assertThat(stats.byOperation()).containsEntry("create", 1L).containsEntry("describe", 1L);
    assertThat(stats.tokenRequests()).isEqualTo(1);
    JsonNode json = admin("GET", "/stats", null).json();
    assertThat(json.get("totalApiCalls").asLong()).isEqualTo(2);
    assertThat(json.get("byOperation").get("create").asLong()).isEqualTo(1);
  }

  @Test
  void requestLogIsBoundedRedactsSecretsAndTruncatesBodies() {
    for (int i = 0; i < 7; i++) {
      http.post(V + "/sobjects/Account", map("Name", "Account number " + i));
    }
    List<RecordedRequest> log = emulator.get().requests();
    assertThat(log).hasSize(5);
    RecordedRequest last = log.get(4);
    assertThat(last.method()).isEqualTo("POST");
    assertThat(last.path()).isEqualTo(V + "/sobjects/Account");
    assertThat(last.status()).isEqualTo(201);
    assertThat(last.headers().get("Authorization")).containsExactly("[redacted]");
    assertThat(last.body()).startsWith("{\"Name\":\"Account num...").contains("[truncated");
    JsonNode json = admin("GET", "/requests?limit=2", null).json();
    assertThat(json).hasSize(2);
    assertThat(json.toString()).doesNotContain(http.token);
  }

  @Test
  void tokenRequestPasswordsNeverReachTheLog() {
    emulator.get().reset();
    new SfHttp(emulator.get()).login();
    RecordedRequest token = emulator.get().requests().get(0);
    assertThat(token.path()).isEqualTo("/services/oauth2/token");
    assertThat(token.body()).doesNotContain("demoTOKEN").doesNotContain("sfactions-demo-secret");
  }

  @Test
  void faultsEndpointAppliesRulesLimitAndSessionExpiry() {
    SfHttp.Res set =
        admin(
            "POST",
            "/faults",
            "{\"rules\":[{\"type\":\"SERVER_UNAVAILABLE\",\"count\":1,"
                + "\"object\":\"Case\"}],\"dailyApiLimit\":50}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json().get("rules").get(0).get("type").asText()).isEqualTo("SERVER_UNAVAILABLE");
    assertThat(http.post(V + "/sobjects/Case", map()).status()).isEqualTo(503);
    assertThat(http.get(V + "/limits").header("Sforce-Limit-Info")).endsWith("/50");
    admin("POST", "/faults", "{\"expireSessions\":true}");
    assertThat(http.get(V + "/limits").status()).isEqualTo(401);
    SfHttp.Res rows =
        admin(
            "POST",
            "/faults",
            "{\"rowFaults\":[{\"errorCode\":\"UNABLE_TO_LOCK_ROW\",\"count\":1}]}");
    assertThat(rows.json().get("rowFaults").get(0).get("count").asInt()).isEqualTo(1);
    SfHttp.Res bad = admin("POST", "/faults", "{\"rules\":[{\"type\":\"NOPE\"}]}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(admin("POST", "/faults", "{broken").status()).isEqualTo(400);
    assertThat(admin("DELETE", "/faults", null).json().get("rules")).isEmpty();
  }

  @Test
  void resetEndpointRestoresSeedsAndClearsCounters() {
    http.post(V + "/sobjects/Account", map("Name", "Extra"));
    assertThat(admin("POST", "/reset", null).status()).isEqualTo(200);
    assertThat(emulator.get().records("Account"))
        .extracting(m -> m.get("Name"))
        .containsExactly("Seeded");
    assertThat(emulator.get().stats().totalApiCalls()).isZero();
    assertThat(admin("GET", "/reset", null).status()).isEqualTo(405);
  }

  @Test
  void refreshTokenEndpointIssuesUsableTokens() {
    String refresh =
        admin("POST", "/refresh-token", "{\"username\":\"demo@sfactions.local\"}")
            .json()
            .get("refresh_token")
            .asText();
    SfHttp.Res r =
        http.token(
            Map.of(
                "grant_type",
                "refresh_token",
                "client_id",
                SalesforceEmulator.DEMO_CLIENT_ID,
                "refresh_token",
                refresh));
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void adminCallsAreNotApiCallsAndNotLogged() {
    emulator.get().reset();
    admin("GET", "/stats", null);
    assertThat(emulator.get().stats().totalApiCalls()).isZero();
    assertThat(emulator.get().requests()).isEmpty();
  }
}
