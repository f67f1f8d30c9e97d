package io.github.sfactions.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsTest {
  @TempDir Path dir;

  /**
   * A truststore as a user builds it from the printed PEM file (keytool -importcert does the same).
   */
  static X509TrustManager trustManagerFor(Path pem) throws Exception {
    KeyStore ts = KeyStore.getInstance("PKCS12");
    ts.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        ts.setCertificateEntry("emulator-" + i++, c);
      }
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ts);
    return (X509TrustManager) tmf.getTrustManagers()[0];
  }

  static OkHttpClient okHttpTrusting(Path pem) throws Exception {
    X509TrustManager tm = trustManagerFor(pem);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new javax.net.ssl.TrustManager[] {tm}, null);
    return new OkHttpClient.Builder().sslSocketFactory(ctx.getSocketFactory(), tm).build();
  }

  static JsonNode okLogin(OkHttpClient client, String loginUrl) throws Exception {
    Request req =
        new Request.Builder()
            .url(loginUrl + "/services/oauth2/token")
            .post(
                new FormBody.Builder()
                    .add("grant_type", "password")
                    .add("client_id", SalesforceEmulator.DEMO_CLIENT_ID)
                    .add("client_secret", SalesforceEmulator.DEMO_CLIENT_SECRET)
                    .add("username", SalesforceEmulator.DEMO_USERNAME)
                    .add(
                        "password",
                        SalesforceEmulator.DEMO_PASSWORD + SalesforceEmulator.DEMO_SECURITY_TOKEN)
                    .build())
            .build();
    try (Response r = client.newCall(req).execute()) {
      assertThat(r.code()).isEqualTo(200);
      return SfHttp.MAPPER.readTree(r.body().string());
    }
  }

  @Test
  void okHttpTrustingThePrintedPemLogsInOverHttpsAndIsSentToTheHttpsInstance() throws Exception {
    try (SalesforceEmulator sf = SalesforceEmulator.builder().tlsDirectory(dir).start()) {
      Path pem = sf.certificatePem().orElseThrow();
      assertThat(pem).isEqualTo(dir.resolve("sfactions-emulator-ca.pem"));
      assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
      String httpsLogin = sf.httpsLoginUrl().orElseThrow();
      String httpsInstance = sf.httpsInstanceUrl().orElseThrow();
      assertThat(httpsLogin).startsWith("https://localhost:");
      assertThat(httpsInstance).startsWith("https://127.0.0.1:");

      OkHttpClient client = okHttpTrusting(pem);
      JsonNode token = okLogin(client, httpsLogin);
      assertThat(token.get("instance_url").asText()).isEqualTo(httpsInstance);
      assertThat(token.get("id").asText()).startsWith(httpsLogin + "/id/");

      Request create =
          new Request.Builder()
              .url(httpsInstance + "/services/data/v62.0/sobjects/Account")
              .header("Authorization", "Bearer " + token.get("access_token").asText())
              .post(
                  okhttp3.RequestBody.create(
                      "{\"Name\":\"Acme over TLS\"}", okhttp3.MediaType.get("application/json")))
              .build();
      try (Response r = client.newCall(create).execute()) {
        assertThat(r.code()).isEqualTo(201);
        String id = SfHttp.MAPPER.readTree(r.body().string()).get("id").asText();
        assertThat(sf.record("Account", id))
            .get()
            .extracting(m -> m.get("Name"))
            .isEqualTo("Acme over TLS");
      }
      Request resources =
          new Request.Builder()
              .url(httpsInstance + "/services/data/v62.0/")
              .header("Authorization", "Bearer " + token.get("access_token").asText())
              .build();
      try (Response r = client.newCall(resources).execute()) {
        assertThat(SfHttp.MAPPER.readTree(r.body().string()).get("identity").asText())
            .startsWith(httpsLogin + "/id/");
      }
    }
  }

  @Test
  void plainHttpStaysOnAndItsLoginsGetTheHttpInstanceUrl() {
    try (SalesforceEmulator sf = SalesforceEmulator.builder().tlsDirectory(dir).start()) {
      SfHttp http = new SfHttp(sf).login();
      assertThat(http.instanceUrl).isEqualTo(sf.instanceUrl()).startsWith("http://127.0.0.1:");
      assertThat(http.get(SfHttp.V + "/limits").status()).isEqualTo(200);
    }
  }

  @Test
  void withoutHttpsNoCertificateIsMadeAndTheClientContextIsRefused() {
    try (SalesforceEmulator sf = SalesforceEmulator.startDemo()) {
      assertThat(sf.httpsLoginUrl()).isEmpty();
      assertThat(sf.certificatePem()).isEmpty();
      assertThatThrownBy(sf::clientSslContext)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("HTTPS is off");
    }
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateIsRejected() throws Exception {
    Path temporary;
    try (SalesforceEmulator sf = SalesforceEmulator.builder().https().start()) {
      temporary = sf.certificatePem().orElseThrow().getParent();
      HttpClient plain = HttpClient.newHttpClient();
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(sf.httpsLoginUrl().orElseThrow() + "/services/data/"))
              .build();
      assertThatThrownBy(() -> plain.send(req, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(SSLHandshakeException.class);
      HttpClient trusting = HttpClient.newBuilder().sslContext(sf.clientSslContext()).build();
      assertThat(trusting.send(req, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
    }
    assertThat(temporary)
        .as("a certificate made in a temporary directory goes at close")
        .doesNotExist();
  }

  @Test
  void theGeneratedCertificateIsKeptAndReusedOnTheNextStart() throws Exception {
    String first;
    try (SalesforceEmulator sf = SalesforceEmulator.builder().tlsDirectory(dir).start()) {
      first = Files.readString(sf.certificatePem().orElseThrow());
    }
    OkHttpClient trustingFirst = okHttpTrusting(dir.resolve("sfactions-emulator-ca.pem"));
    try (SalesforceEmulator sf = SalesforceEmulator.builder().tlsDirectory(dir).start()) {
      assertThat(Files.readString(sf.certificatePem().orElseThrow())).isEqualTo(first);
      assertThat(
              okLogin(trustingFirst, sf.httpsLoginUrl().orElseThrow()).get("instance_url").asText())
          .startsWith("https://");
    }
  }

  @Test
  void theCertificateSitsBesideTheDataFileWhenThereIsOne() {
    try (SalesforceEmulator sf =
        SalesforceEmulator.builder().dataFile(dir.resolve("org.json")).https().start()) {
      assertThat(sf.certificatePem()).contains(dir.resolve("sfactions-emulator-ca.pem"));
      assertThat(dir.resolve("sfactions-emulator-tls.p12")).isRegularFile();
    }
  }

  @Test
  void aGivenPkcs12KeystoreIsServed() throws Exception {
    Path made = dir.resolve("made");
    try (SalesforceEmulator ignored = SalesforceEmulator.builder().tlsDirectory(made).start()) {
      // only to obtain a keystore with a CA-signed server certificate
    }
    Path p12 = dir.resolve("mine.p12");
    Files.copy(made.resolve("sfactions-emulator-tls.p12"), p12);
    Path out = dir.resolve("out");
    try (SalesforceEmulator sf =
        SalesforceEmulator.builder()
            .tlsDirectory(out)
            .tlsKeyStore(p12, "sfactions-emulator".toCharArray())
            .start()) {
      assertThat(sf.certificatePem()).contains(out.resolve("sfactions-emulator-ca.pem"));
      assertThat(Files.readString(out.resolve("sfactions-emulator-ca.pem")))
          .isEqualTo(Files.readString(made.resolve("sfactions-emulator-ca.pem")));
      assertThat(
              okLogin(
                      okHttpTrusting(made.resolve("sfactions-emulator-ca.pem")),
                      sf.httpsLoginUrl().orElseThrow())
                  .get("access_token")
                  .asText())
          .isNotBlank();
    }
    assertThatThrownBy(
            () ->
                SalesforceEmulator.builder()
                    .tlsDirectory(out)
                    .tlsKeyStore(p12, "wrong".toCharArray())
                    .start())
        .hasMessageContaining("mine.p12");
  }

  @Test
  void givenPemFilesAreServed() throws Exception {
    Path made = dir.resolve("made");
    try (SalesforceEmulator ignored = SalesforceEmulator.builder().tlsDirectory(made).start()) {
      // only to obtain a key and chain
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(made.resolve("sfactions-emulator-tls.p12"))) {
      ks.load(in, "sfactions-emulator".toCharArray());
    }
    PrivateKey key = (PrivateKey) ks.getKey("server", "sfactions-emulator".toCharArray());
    StringBuilder chain = new StringBuilder();
    for (Certificate c : ks.getCertificateChain("server")) {
      chain.append(pem("CERTIFICATE", c.getEncoded()));
    }
    Path certFile = Files.writeString(dir.resolve("chain.pem"), chain);
    Path keyFile = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));
    try (SalesforceEmulator sf = SalesforceEmulator.builder().tlsPem(certFile, keyFile).start()) {
      assertThat(sf.certificatePem()).contains(certFile);
      X509Certificate served = (X509Certificate) ks.getCertificateChain("server")[0];
      assertThat(served.getSubjectX500Principal().getName()).contains("CN=localhost");
      assertThat(
              okLogin(
                      okHttpTrusting(made.resolve("sfactions-emulator-ca.pem")),
                      sf.httpsLoginUrl().orElseThrow())
                  .get("instance_url")
                  .asText())
          .isEqualTo(sf.httpsInstanceUrl().orElseThrow());
    }
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    assertThatThrownBy(() -> SalesforceEmulator.builder().tlsPem(certFile, empty).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No PRIVATE KEY in");
  }

  @Test
  void commandLinePrintsTheHttpsUrlsAndTheCertificatePath() throws Exception {
    var buf = new java.io.ByteArrayOutputStream();
    try (SalesforceEmulator sf =
        EmulatorMain.start(
            new String[] {"--port", "0", "--https-port", "0", "--tls-dir", dir.toString()},
            new java.io.PrintStream(buf, true, StandardCharsets.UTF_8))) {
      String printed = buf.toString(StandardCharsets.UTF_8);
      assertThat(printed)
          .contains("HTTPS login:   " + sf.httpsLoginUrl().orElseThrow())
          .contains("certificate:   " + dir.resolve("sfactions-emulator-ca.pem").toAbsolutePath());
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
