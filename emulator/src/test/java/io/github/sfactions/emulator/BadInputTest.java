package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.V;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hostile or broken requests get Salesforce's error format: no stack trace, no hang, no 500. */
class BadInputTest {
  @RegisterExtension
  static EmulatorExtension emulator = new EmulatorExtension(TestOrgs::withCustomObjects);

  SfHttp http;

  @BeforeEach
  void login() {
    http = new SfHttp(emulator.get()).login();
  }

  private void assertCleanError(SfHttp.Res r, int status) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.text())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("io.github");
    JsonNode body = r.json();
    JsonNode first = body.isArray() ? body.get(0) : body;
    assertThat(first.has("errorCode") || first.has("error")).as(r.text()).isTrue();
  }

  @Test
  void brokenRequestsOfEveryKindGetErrorArrays() {
    List<Object[]> cases =
        List.of(
            new Object[] {"POST", V + "/sobjects/Case", "{\"Subject\":", 400},
            new Object[] {"POST", V + "/sobjects/Case", "null", 400},
            new Object[] {"POST", V + "/sobjects/Case", "\"text\"", 400},
            new Object[] {"PATCH", V + "/sobjects/Case/500Dn0000000001AAA", "{]", 400},
            new Object[] {"POST", V + "/composite/sobjects", "{\"records\":[1,2]}", 200},
            new Object[] {
              "PATCH", V + "/composite/sobjects/Foo__c/Ext__c", "{\"records\":[\"x\"]}", 200
            },
            new Object[] {"GET", V + "/query?q=SELECT", null, 400},
            new Object[] {"GET", V + "/query?q=%27%27%27", null, 400},
            new Object[] {
              "GET", V + "/query?q=SELECT+Id+FROM+Case+WHERE+Subject+=+%27unterminated", null, 400
            },
            new Object[] {"GET", V + "/query/garbage", null, 400},
            new Object[] {"GET", V + "/sobjects/Case/" + "9".repeat(300), null, 404},
            new Object[] {
              "GET", V + "/sobjects/Case/500Dn0000000001AAA/Too/Many/Segments", null, 404
            },
            new Object[] {"GET", V + "/nothing-here", null, 404},
            new Object[] {"GET", "/services/data/vX.Y/sobjects", null, 404},
            new Object[] {"GET", "/services/data/v62.5/sobjects", null, 404},
            new Object[] {"DELETE", V + "/composite/sobjects", null, 400},
            new Object[] {"GET", V + "/composite/sobjects/Case", null, 400},
            new Object[] {
              "POST", V + "/jobs/ingest", "{\"object\":\"Nope\",\"operation\":\"insert\"}", 400
            },
            new Object[] {"POST", V + "/jobs/ingest", "not json", 400},
            new Object[] {
              "PATCH", V + "/jobs/ingest/750Dn0000000001AAA", "{\"state\":\"UploadComplete\"}", 404
            },
            new Object[] {"GET", "/__emulator/unknown", null, 404},
            new Object[] {"POST", "/__emulator/refresh-token", "{\"username\":\"nobody@x\"}", 400},
            new Object[] {"GET", "/services/oauth2/token", null, 400});
    for (Object[] c : cases) {
      String method = (String) c[0];
      String body = (String) c[2];
      SfHttp.Res r =
          http.send(
              http.authed((String) c[1])
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .method(
                      method,
                      body == null
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString(body)));
      if ((int) c[3] == 200) {
        assertThat(r.status()).as(method + " " + c[1]).isEqualTo(200);
        assertThat(r.json().get(0).get("success").asBoolean()).isFalse();
        assertThat(r.text()).doesNotContain("Exception");
      } else {
        assertCleanError(r, (int) c[3]);
      }
    }
  }

  @Test
  void tokenEndpointRejectsGarbageWithOAuthErrors() {
    SfHttp.Res r =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.get().loginUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));
    assertCleanError(r, 400);
    SfHttp.Res basic =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.get().loginUrl() + "/services/oauth2/token"))
                .header("Authorization", "Basic %%%")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    assertCleanError(basic, 400);
  }

  @Test
  void invalidUtf8AndBinaryBodiesAreParserErrors() {
    SfHttp.Res r =
        http.send(
            http.authed(V + "/sobjects/Case")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2})));
    assertCleanError(r, 400);
    assertThat(r.errorCode()).isEqualTo("JSON_PARSER_ERROR");
  }
}
