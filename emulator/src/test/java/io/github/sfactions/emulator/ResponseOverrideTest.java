package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.V;
import static io.github.sfactions.emulator.SfHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Response overrides: the request takes effect, the client sees the rewritten status and/or body.
 */
class ResponseOverrideTest {
  @RegisterExtension static EmulatorExtension emulator = new EmulatorExtension();
  SfHttp http;

  @BeforeEach
  void login() {
    http = new SfHttp(emulator.get()).login();
  }

  @Test
  void aCreateAnsweredWithAnEmptyObjectStillCreatesTheRecord() {
    emulator.get().faults().overrideNext(1, "POST", "/sobjects/Lead", null, "{}");
    SfHttp.Res r = http.post(V + "/sobjects/Lead", map("LastName", "Quiet", "Company", "Acme"));

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.text()).isEqualTo("{}");
    assertThat(emulator.get().records("Lead")).extracting(x -> x.get("LastName")).contains("Quiet");
    SfHttp.Res next = http.post(V + "/sobjects/Lead", map("LastName", "Loud", "Company", "Acme"));
    assertThat(next.json().get("success").asBoolean()).as("the count is used up").isTrue();
  }

  @Test
  void anEmptyBodyOverrideSendsNoBody() {
    emulator.get().faults().overrideNext(1, "POST", "/sobjects/Lead", 200, "");
    SfHttp.Res r = http.post(V + "/sobjects/Lead", map("LastName", "Empty", "Company", "Acme"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text()).isEmpty();
    assertThat(emulator.get().requests()).last().extracting(RecordedRequest::status).isEqualTo(200);
  }

  @Test
  void theTokenEndpointIsRewrittenOnlyByAnOverrideNamingItsPath() {
    emulator.get().faults().overrideNext(1, null, null, 500, null);
    SfHttp.Res untouched = tokenRequest();
    assertThat(untouched.status()).isEqualTo(200);

    emulator.get().faults().clear().overrideNext(1, "POST", "/services/oauth2/token", 201, null);
    SfHttp.Res created = tokenRequest();
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("access_token").asText()).isNotBlank();
    http.token = created.json().get("access_token").asText();
    assertThat(http.get(V + "/limits").status()).as("the issued token is real").isEqualTo(200);
  }

  @Test
  void anOverrideNeedsAStatusOrABodyAndAValidStatus() {
    assertThatThrownBy(() -> new ResponseOverride(null, null, 1, null, null))
        .hasMessageContaining("needs a status, a body or both");
    assertThatThrownBy(() -> new ResponseOverride(42, null, 1, null, null))
        .hasMessageContaining("100..599");
    assertThatThrownBy(() -> new ResponseOverride(200, null, 0, null, null))
        .hasMessageContaining("at least 1");
  }

  private SfHttp.Res tokenRequest() {
    return http.token(
        Map.of(
            "grant_type",
            "password",
            "client_id",
            SalesforceEmulator.DEMO_CLIENT_ID,
            "client_secret",
            SalesforceEmulator.DEMO_CLIENT_SECRET,
            "username",
            SalesforceEmulator.DEMO_USERNAME,
            "password",
            SalesforceEmulator.DEMO_PASSWORD + SalesforceEmulator.DEMO_SECURITY_TOKEN));
  }
}
