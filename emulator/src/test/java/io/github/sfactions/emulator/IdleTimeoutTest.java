package io.github.sfactions.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The emulator closes keep-alive connections left idle for its idle timeout, like Salesforce's
 * servers.
 */
class IdleTimeoutTest {

  private static final Duration IDLE = Duration.ofMillis(500);
  private static final String VERSIONS = "GET /services/data/ HTTP/1.1\r\nHost: localhost\r\n\r\n";

  @Test
  void closesAConnectionIdleForTheTimeoutOnBothHosts() throws Exception {
    try (SalesforceEmulator emulator = SalesforceEmulator.builder().idleTimeout(IDLE).start()) {
      for (String url : new String[] {emulator.loginUrl(), emulator.instanceUrl()}) {
        try (Socket socket = connect(url)) {
          assertThat(exchange(socket, VERSIONS)).startsWith("HTTP/1.1 200");
          long idleStart = System.nanoTime();
          assertThat(socket.getInputStream().read())
              .as("server closes the idle connection")
              .isEqualTo(-1);
          Duration closedAfter = Duration.ofNanos(System.nanoTime() - idleStart);
          assertThat(closedAfter).isBetween(IDLE.minusMillis(50), IDLE.multipliedBy(3));
        }
      }
    }
  }

  @Test
  void keepsAConnectionThatIsUsedWithinTheTimeoutAndNeverCutsASlowAnswer() throws Exception {
    try (SalesforceEmulator emulator = SalesforceEmulator.builder().idleTimeout(IDLE).start()) {
      SfHttp http = new SfHttp(emulator).login();
      emulator.faults().latency(IDLE.multipliedBy(3));
      try (Socket socket = connect(emulator.instanceUrl())) {
        for (int i = 0; i < 2; i++) {
          // each request is answered after 1.5 s: the connection waits for the server, it is not
          // idle
          assertThat(
                  exchange(
                      socket,
                      "GET /services/data/v62.0/limits HTTP/1.1\r\nHost: x\r\n"
                          + "Authorization: Bearer "
                          + http.token
                          + "\r\n\r\n"))
              .startsWith("HTTP/1.1 200");
          Thread.sleep(IDLE.toMillis() / 3);
        }
      }
    }
  }

  @Test
  void withoutAnIdleTimeoutTheJdkServersLongerIdleRuleApplies() throws Exception {
    try (SalesforceEmulator emulator = SalesforceEmulator.startDemo();
        Socket socket = connect(emulator.loginUrl())) {
      assertThat(exchange(socket, VERSIONS)).startsWith("HTTP/1.1 200");
      Thread.sleep(IDLE.multipliedBy(3).toMillis());
      assertThat(exchange(socket, VERSIONS))
          .as("same connection, still open")
          .startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void theCommandLineSetsTheIdleTimeoutAndRejectsANonPositiveOne() throws Exception {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (SalesforceEmulator emulator =
            EmulatorMain.start(new String[] {"--port", "0", "--idle-timeout", "1"}, quiet);
        Socket socket = connect(emulator.instanceUrl())) {
      assertThat(exchange(socket, VERSIONS)).startsWith("HTTP/1.1 200");
      long idleStart = System.nanoTime();
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
      assertThat(Duration.ofNanos(System.nanoTime() - idleStart))
          .isBetween(Duration.ofMillis(950), Duration.ofSeconds(3));
    }
    assertThatThrownBy(() -> SalesforceEmulator.builder().idleTimeout(Duration.ZERO))
        .hasMessage("idleTimeout must be positive, got PT0S");
  }

  @Test
  void dataSurvivesTheRelay() {
    try (SalesforceEmulator emulator = SalesforceEmulator.builder().idleTimeout(IDLE).start()) {
      SfHttp http = new SfHttp(emulator).login();
      String big = "x".repeat(30_000);
      SfHttp.Res created =
          http.post(SfHttp.V + "/sobjects/Account", Map.of("Name", "Relayed", "Description", big));
      assertThat(created.status()).isEqualTo(201);
      String id = created.json().get("id").asText();
      assertThat(http.get(SfHttp.V + "/sobjects/Account/" + id).json().get("Description").asText())
          .isEqualTo(big);
    }
  }

  private static Socket connect(String url) throws IOException {
    URI uri = URI.create(url);
    Socket socket = new Socket(uri.getHost(), uri.getPort());
    socket.setSoTimeout(10_000);
    return socket;
  }

  /** Sends one request and reads its whole answer (Content-Length or chunked). */
  private static String exchange(Socket socket, String request) throws IOException {
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    InputStream in = socket.getInputStream();
    StringBuilder text = new StringBuilder();
    while (!complete(text)) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed after " + text.length() + " bytes");
      }
      text.append((char) b);
    }
    return text.toString();
  }

  private static boolean complete(StringBuilder text) {
    int headerEnd = text.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
      return false;
    }
    String headers = text.substring(0, headerEnd).toLowerCase(java.util.Locale.ROOT);
    int length = headers.indexOf("content-length:");
    if (length >= 0) {
      int eol = headers.indexOf("\r\n", length);
      int n =
          Integer.parseInt(headers.substring(length + 15, eol < 0 ? headers.length() : eol).trim());
      return text.length() >= headerEnd + 4 + n;
    }
    return text.toString().endsWith("\r\n0\r\n\r\n");
  }
}
