package io.github.sfactions.spring.intake;

import io.github.sfactions.camunda.trigger.TriggeredProcess;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The intake in a Spring Boot application on embedded Tomcat (a free port), a real engine (H2 in
 * memory) and triggered processes that wait in a user task. Requests go over real HTTP on loopback.
 * Subclasses share one application context.
 */
@SpringBootTest(
    classes = IntakeTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.generate-unique-process-engine-name=true",
      "spring.datasource.generate-unique-name=true",
      "camunda.bpm.job-execution.enabled=false",
      "camunda.bpm.auto-deployment-enabled=false",
      "camunda.bpm.generic-properties.properties.enforce-history-time-to-live=false",
      "sfactions.intake.enabled=true",
      "sfactions.intake.write-key=" + IntakeHttpTestSupport.WRITE_KEY,
      "server.tomcat.connection-timeout=2s"
    })
abstract class IntakeHttpTestSupport {

  static final String WRITE_KEY = "intake-test-key";

  /**
   * A track event that makes the start transaction of its process fail (an unknown bean in an
   * expression).
   */
  static final String EXPLODING_EVENT = "Explode";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort int port;

  @Autowired RepositoryService repository;

  @Autowired HistoryService history;

  @Autowired MeterRegistry meters;

  @BeforeEach
  void triggeredProcesses() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("on-track").count() == 0) {
      repository
          .createDeployment()
          .name("intake-test")
          .addString(
              "on-track.bpmn",
              TriggeredProcess.xml(
                  "on-track",
                  "type = \"track\" and event != \"" + EXPLODING_EVENT + "\"",
                  TriggeredProcess.WAIT))
          .addString(
              "on-identify.bpmn",
              TriggeredProcess.xml("on-identify", "type = \"identify\"", TriggeredProcess.WAIT))
          .addString(
              "explode.bpmn",
              TriggeredProcess.xml(
                  "explode",
                  "type = \"track\" and event = \"" + EXPLODING_EVENT + "\"",
                  "<bpmn:serviceTask id=\"Work\" camunda:expression=\"${noSuchBean.go()}\"/>"))
          .deploy();
    }
  }

  /** A message id no other test uses. */
  static String messageId(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  static String track(String messageId) {
    return "{\"type\": \"track\", \"userId\": \"u1\", \"event\": \"Signed Up\", \"messageId\": \""
        + messageId
        + "\"}";
  }

  /** Processes (by definition key) started for a message id. */
  List<String> processesStartedBy(String messageId) {
    return history
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(messageId)
        .list()
        .stream()
        .map(pi -> pi.getProcessDefinitionKey())
        .sorted()
        .toList();
  }

  double count(String meter, String tag, String value) {
    Counter counter = meters.find(meter).tag(tag, value).counter();
    return counter == null ? 0 : counter.count();
  }

  HttpResponse<String> post(String path, String body) {
    return post(path, body.getBytes(StandardCharsets.UTF_8), null);
  }

  HttpResponse<String> post(String path, byte[] body, String contentEncoding, String... headers) {
    return send(path, HttpRequest.BodyPublishers.ofByteArray(body), contentEncoding, headers);
  }

  HttpResponse<String> send(
      String path, HttpRequest.BodyPublisher body, String contentEncoding, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8)))
            .POST(body);
    if (contentEncoding != null) {
      request.header("Content-Encoding", contentEncoding);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("HTTP call failed: " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  /**
   * Writes a raw HTTP/1.1 request on a socket (for what a well-behaved client cannot send) and
   * returns everything the server answers until it closes the connection or a few seconds pass.
   */
  String raw(String head, byte[] body, boolean closeOutput) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      if (closeOutput) {
        socket.shutdownOutput();
      }
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          answer.write(buffer, 0, n);
        }
      } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
        // the server keeps the connection or reset it: what arrived is the answer
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  static String authorization() {
    return "Authorization: Basic "
        + Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8))
        + "\r\n";
  }
}
