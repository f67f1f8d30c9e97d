package io.github.sfactions.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoapLoginTest {
  @TempDir Path dir;

  static String envelope(String username, String password) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        + "<env:Envelope xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\">"
        + "<env:Body><n1:login xmlns:n1=\"urn:partner.soap.sforce.com\">"
        + "<n1:username>"
        + username
        + "</n1:username><n1:password>"
        + password
        + "</n1:password>"
        + "</n1:login></env:Body></env:Envelope>";
  }

  static HttpResponse<String> post(HttpClient client, String url, String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "text/xml; charset=UTF-8")
            .header("SOAPAction", "login")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String element(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
    return m.find() ? m.group(1) : null;
  }

  @Test
  void loginIsOffByDefaultAndAnswersTheFaultOfANewOrg() throws Exception {
    try (SalesforceEmulator sf = SalesforceEmulator.startDemo()) {
      HttpResponse<String> r =
          post(
              HttpClient.newHttpClient(),
              sf.loginUrl() + "/services/Soap/u/62.0",
              envelope("demo@sfactions.local", "demoTOKEN"));
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/xml");
      assertThat(element(r.body(), "faultcode")).isEqualTo("sf:INVALID_OPERATION");
      assertThat(element(r.body(), "faultstring"))
          .startsWith("INVALID_OPERATION: SOAP API login() is disabled");
      assertThat(r.body()).doesNotContain("<sessionId>");
    }
  }

  @Test
  void whenEnabledLoginAnswersALoginResponseWhoseSessionWorksForRest() throws Exception {
    try (SalesforceEmulator sf =
        SalesforceEmulator.builder().soapLogin(true).sandbox(true).start()) {
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> r =
          post(
              client,
              sf.loginUrl() + "/services/Soap/u/62.0",
              envelope("demo@sfactions.local", "demoTOKEN"));
      assertThat(r.statusCode()).isEqualTo(200);
      String body = r.body();
      assertThat(body)
          .contains("<loginResponse>")
          .contains("xmlns=\"urn:partner.soap.sforce.com\"");
      assertThat(element(body, "serverUrl"))
          .isEqualTo(sf.instanceUrl() + "/services/Soap/u/62.0/" + sf.orgId().substring(0, 15));
      assertThat(element(body, "sandbox")).isEqualTo("true");
      assertThat(element(body, "userName")).isEqualTo("demo@sfactions.local");
      assertThat(element(body, "organizationId")).isEqualTo(sf.orgId());
      String userId = element(body, "userId");
      assertThat(userId).startsWith("005");
      String session = element(body, "sessionId");
      HttpResponse<String> rest =
          client.send(
              HttpRequest.newBuilder(
                      URI.create(sf.instanceUrl() + "/services/data/v62.0/sobjects/User/" + userId))
                  .header("Authorization", "Bearer " + session)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(rest.statusCode()).isEqualTo(200);
      assertThat(rest.body()).contains("demo@sfactions.local");
    }
  }

  @Test
  void wrongPasswordNewVersionsAndNonLoginBodiesGetFaults() throws Exception {
    try (SalesforceEmulator sf = SalesforceEmulator.builder().soapLogin(true).start()) {
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> bad =
          post(
              client,
              sf.loginUrl() + "/services/Soap/u/62.0",
              envelope("demo@sfactions.local", "demo"));
      assertThat(bad.statusCode()).isEqualTo(500);
      assertThat(element(bad.body(), "faultcode")).isEqualTo("sf:INVALID_LOGIN");
      assertThat(bad.body()).contains("sf:LoginFault").doesNotContain("demoTOKEN");
      HttpResponse<String> v65 =
          post(
              client,
              sf.loginUrl() + "/services/Soap/u/65.0",
              envelope("demo@sfactions.local", "demoTOKEN"));
      assertThat(element(v65.body(), "faultstring")).contains("not available in API version 65.0");
      HttpResponse<String> old =
          post(
              client,
              sf.loginUrl() + "/services/Soap/u/30.0",
              envelope("demo@sfactions.local", "demoTOKEN"));
      assertThat(element(old.body(), "faultcode")).isEqualTo("sf:UNSUPPORTED_API_VERSION");
      String xxe =
          "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
              + envelope("&e;", "x")
                  .substring("<?xml version=\"1.0\" encoding=\"utf-8\"?>".length());
      HttpResponse<String> entity = post(client, sf.loginUrl() + "/services/Soap/u/62.0", xxe);
      assertThat(entity.statusCode()).isEqualTo(500);
      assertThat(entity.body()).doesNotContain("root:");
      HttpResponse<String> enterprise =
          post(
              client,
              sf.instanceUrl() + "/services/Soap/c/62.0",
              envelope("demo@sfactions.local", "demoTOKEN"));
      assertThat(enterprise.statusCode()).isEqualTo(200);
      assertThat(element(enterprise.body(), "serverUrl")).contains("/services/Soap/c/62.0/");
    }
  }

  @Test
  void overHttpsTheServerUrlIsHttps() throws Exception {
    try (SalesforceEmulator sf =
        SalesforceEmulator.builder().soapLogin(true).tlsDirectory(dir).start()) {
      HttpClient client = HttpClient.newBuilder().sslContext(sf.clientSslContext()).build();
      HttpResponse<String> r =
          post(
              client,
              sf.httpsLoginUrl().orElseThrow() + "/services/Soap/u/64.0",
              envelope("demo@sfactions.local", "demoTOKEN"));
      assertThat(element(r.body(), "serverUrl")).startsWith(sf.httpsInstanceUrl().orElseThrow());
    }
  }
}
