package io.github.sfactions.bpmn.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.emulator.EmulatorConfig;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The emulated orgs of the bulk tests, shared by every test class in the JVM, and the connections
 * that reach them. {@link #CONNECTION} is an org that processes bulk jobs at once; {@link
 * #SLOW_CONNECTION} one whose jobs stay {@code InProgress} for minutes (poll timeouts). Our own
 * connection names keep these tests independent of other tests that configure the {@code default}
 * connection.
 */
public final class BulkTestOrg {

  /** Connection to the fast org. */
  public static final String CONNECTION = "bulktest";

  /** Connection to the slow org. */
  public static final String SLOW_CONNECTION = "bulkslow";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static SalesforceEmulator fast;
  private static SalesforceEmulator slow;

  private BulkTestOrg() {}

  /** The fast org, started on first use and reset (records, jobs, counters, faults). */
  public static synchronized SalesforceEmulator fresh() {
    if (fast == null) {
      fast = start(0L);
      SalesforceConnections.global().register(CONNECTION, settings(fast));
    }
    fast.reset();
    return fast;
  }

  /** The slow org (jobs stay InProgress for 10 minutes), started on first use. */
  public static synchronized SalesforceEmulator slow() {
    if (slow == null) {
      slow = start(TimeUnit.MINUTES.toMillis(10));
      SalesforceConnections.global().register(SLOW_CONNECTION, settings(slow));
    }
    return slow;
  }

  private static SalesforceEmulator start(long stateDwellMs) {
    EmulatorConfig config =
        EmulatorConfig.defaults()
            .withObject(
                new EmulatorConfig.SObject(
                    "Lead", List.of(EmulatorConfig.Field.externalId("Ext__c"))))
            .withBulk(new EmulatorConfig.Bulk(0L, stateDwellMs, null));
    SalesforceEmulator emulator = SalesforceEmulator.builder().config(config).start();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(emulator::close, "sfactions-bulk-test-emulator-stop"));
    return emulator;
  }

  /** Password-flow settings for an emulator (local instance allowed). */
  public static ConnectionSettings settings(SalesforceEmulator emulator) {
    return settings(emulator.loginUrl());
  }

  /** Password-flow settings for the emulator at this login URL (local instance allowed). */
  public static ConnectionSettings settings(String loginUrl) {
    return settings(loginUrl, Duration.ofSeconds(20));
  }

  /** Password-flow settings for the emulator at this login URL, with this read timeout. */
  public static ConnectionSettings settings(String loginUrl, Duration readTimeout) {
    return ConnectionSettings.builder()
        .loginUrl(loginUrl)
        .allowLocalInstance(true)
        .readTimeout(readTimeout)
        .auth(
            new PasswordFlow(
                SalesforceEmulator.DEMO_CLIENT_ID,
                SalesforceEmulator.DEMO_CLIENT_SECRET,
                SalesforceEmulator.DEMO_USERNAME,
                SalesforceEmulator.DEMO_PASSWORD,
                SalesforceEmulator.DEMO_SECURITY_TOKEN))
        .build();
  }

  /** The emulator's bulk jobs (admin endpoint: no API call). */
  public static List<JsonNode> jobs(SalesforceEmulator emulator) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(emulator.instanceUrl() + "/__emulator/jobs"))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(r.body());
      JsonNode list = body.isArray() ? body : body.path("jobs");
      List<JsonNode> jobs = new ArrayList<>();
      list.forEach(jobs::add);
      return jobs;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits (bounded) until no bulk job of the emulator is UploadComplete or InProgress. */
  public static void awaitJobsSettled(SalesforceEmulator emulator, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (jobs(emulator).stream()
        .map(j -> j.path("state").asText())
        .anyMatch(s -> s.equals("UploadComplete") || s.equals("InProgress"))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Emulator bulk jobs still running after " + timeout + ": " + jobs(emulator));
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }
}
