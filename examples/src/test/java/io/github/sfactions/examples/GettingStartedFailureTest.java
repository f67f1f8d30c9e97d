package io.github.sfactions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.emulator.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/**
 * Step 5 of docs/getting-started.md as a user does it: the org answers 503 to every Case request, a
 * ticket event arrives, the Create Case job fails until it becomes an incident; the outage ends,
 * the incident is retried, the Case is created once. The number of attempts and their spacing are
 * measured, and the page must state them.
 */
class GettingStartedFailureTest extends AppTestSupport {

  private static final Path GUIDE = Path.of("..", "docs", "getting-started.md");

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aCaseOutageBecomesAnIncidentAfterTheAttemptsTheGuideStatesAndRetryCreatesTheCaseOnce()
      throws Exception {
    // the two commands of the guide, over HTTP
    assertThat(
            send(
                    "POST",
                    salesforce.instanceUrl() + "/__emulator/faults",
                    "{\"rules\":[{\"type\":\"SERVER_UNAVAILABLE\",\"object\":\"Case\"}]}")
                .statusCode())
        .isEqualTo(200);
    String subject = "Engine stuck " + messageId("s");
    assertThat(
            intake
                .post(
                    "/v1/track",
                    "{\"userId\":\"u-2001\",\"event\":\"Support Ticket Opened\","
                        + "\"properties\":{\"subject\":\""
                        + subject
                        + "\"}}")
                .statusCode())
        .isEqualTo(200);

    List<Integer> retriesAfterEachAttempt = new ArrayList<>();
    // the next attempt is due R3/PT10S after the failure, which happened between 'before' and
    // 'after' an attempt
    List<Instant[]> attemptWindowsAndDueDates = new ArrayList<>();
    Job job = createCaseJob();
    while (job.getRetries() > 0) {
      Instant before = Instant.now();
      try {
        management.executeJob(job.getId());
      } catch (RuntimeException expected) {
        // the 503: the job executor would log it and schedule the next attempt
      }
      Instant after = Instant.now();
      job = createCaseJob();
      retriesAfterEachAttempt.add(job.getRetries());
      if (job.getRetries() > 0) {
        attemptWindowsAndDueDates.add(new Instant[] {before, after, job.getDuedate().toInstant()});
      }
    }
    int attempts = retriesAfterEachAttempt.size();

    assertThat(attempts).isEqualTo(3);
    assertThat(retriesAfterEachAttempt).containsExactly(2, 1, 0);
    Duration cycle = Duration.ofSeconds(10);
    Duration timestampSlack = Duration.ofMillis(5);
    assertThat(attemptWindowsAndDueDates)
        .hasSize(2)
        .allSatisfy(
            window ->
                assertThat(window[2])
                    .isBetween(
                        window[0].plus(cycle).minus(timestampSlack),
                        window[1].plus(cycle).plus(timestampSlack)));
    assertThat(casePosts())
        .hasSize(attempts)
        .allSatisfy(post -> assertThat(post.status()).isEqualTo(503));
    Incident incident = runtime.createIncidentQuery().configuration(job.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("CreateCase");
    assertThat(incident.getIncidentMessage()).contains("503").contains("SERVER_UNAVAILABLE");
    assertThat(records("Case", "Subject", subject)).isEmpty();
    String step5 = guideSection("## 5.", "## 6.");
    assertThat(step5)
        .contains(attempts + " attempts")
        .contains("ten seconds apart")
        .contains("R3/PT10S")
        .contains("SERVER_UNAVAILABLE")
        .contains("Case");

    // end the outage, then what Cockpit's retry button does: one more retry for the incident's job
    assertThat(send("DELETE", salesforce.instanceUrl() + "/__emulator/faults", null).statusCode())
        .isEqualTo(200);
    management.setJobRetries(incident.getConfiguration(), 1);
    assertThat(jobs.runAll()).isZero();

    assertThat(records("Case", "Subject", subject)).hasSize(1);
    assertThat(runtime.createIncidentQuery().count()).isZero();
  }

  private Job createCaseJob() {
    return management.createJobQuery().activityId("CreateCase").singleResult();
  }

  private List<RecordedRequest> casePosts() {
    return salesforce.requests().stream()
        .filter(r -> r.method().equals("POST") && r.path().endsWith("/sobjects/Case"))
        .toList();
  }

  /** The guide's text from one heading to the next. */
  static String guideSection(String from, String to) throws IOException {
    String guide = Files.readString(GUIDE);
    int start = guide.indexOf(from);
    int end = guide.indexOf(to, start);
    assertThat(start).as("section %s of %s", from, GUIDE).isNotNegative();
    return guide.substring(start, end < 0 ? guide.length() : end);
  }

  private HttpResponse<String> send(String method, String url, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
