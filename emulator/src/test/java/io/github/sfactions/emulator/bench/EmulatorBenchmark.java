package io.github.sfactions.emulator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.emulator.EmulatorConfig;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of the emulator on loopback: simple REST calls per second with a few concurrent
 * clients, and the processing time of a 100,000-record Bulk API 2.0 upsert. Prints the median of
 * several runs. Run with (see docs/emulator.md):
 *
 * <pre>
 * ./mvnw -q -o -pl emulator test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp emulator/target/classes:emulator/target/test-classes:$(cat emulator/target/cp.txt) \
 *     io.github.sfactions.emulator.bench.EmulatorBenchmark [runs] [clients] [secondsPerRun] [bulkRows]
 * </pre>
 */
public final class EmulatorBenchmark {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String V = "/services/data/v62.0";

  private final SalesforceEmulator emulator;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String token;

  private EmulatorBenchmark(SalesforceEmulator emulator) throws Exception {
    this.emulator = emulator;
    String form =
        "grant_type=password&client_id="
            + SalesforceEmulator.DEMO_CLIENT_ID
            + "&client_secret="
            + SalesforceEmulator.DEMO_CLIENT_SECRET
            + "&username="
            + URLEncoder.encode(SalesforceEmulator.DEMO_USERNAME, StandardCharsets.UTF_8)
            + "&password="
            + SalesforceEmulator.DEMO_PASSWORD
            + SalesforceEmulator.DEMO_SECURITY_TOKEN;
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(emulator.loginUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    this.token = MAPPER.readTree(r.body()).get("access_token").asText();
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int bulkRows = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
    EmulatorConfig config =
        EmulatorConfig.defaults()
            .withDailyApiLimit(Long.MAX_VALUE)
            .withRequestLog(new EmulatorConfig.RequestLog(1000, 256))
            .withBulk(new EmulatorConfig.Bulk(null, 0L, null))
            .withObject(
                new EmulatorConfig.SObject(
                    "Item__c",
                    List.of(
                        EmulatorConfig.Field.externalId("Ext__c"),
                        EmulatorConfig.Field.text("Label__c", 80),
                        EmulatorConfig.Field.of("Qty__c", "int"))));
    try (SalesforceEmulator emulator = SalesforceEmulator.builder().config(config).start()) {
      EmulatorBenchmark bench = new EmulatorBenchmark(emulator);
      bench.restRate(clients, 5);
      List<Double> rates = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        double rate = bench.restRate(clients, seconds);
        rates.add(rate);
        System.out.printf(
            "run %d: %.0f REST calls/s (%d clients, GET+PATCH mix)%n", i + 1, rate, clients);
      }
      System.out.printf("REST median: %.0f calls/s over %d runs%n", median(rates), runs);
      List<Double> bulkTimes = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        emulator.reset();
        double s = bench.bulkUpsertSeconds(bulkRows, i % 2 == 1);
        bulkTimes.add(s);
        System.out.printf(
            "run %d: bulk upsert of %d rows (%s) processed in %.2f s%n",
            i + 1, bulkRows, i % 2 == 1 ? "updates" : "inserts", s);
      }
      System.out.printf(
          "Bulk median: %.2f s for %d rows over %d runs%n", median(bulkTimes), bulkRows, runs);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private double restRate(int clients, int seconds) throws Exception {
    String id = emulator.createRecord("Account", Map.of("Name", "Bench"));
    String path = V + "/sobjects/Account/" + id;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicLong calls = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(
          pool.submit(
              () -> {
                long n = 0;
                try (KeepAliveClient own =
                    new KeepAliveClient(URI.create(emulator.instanceUrl()))) {
                  while (System.nanoTime() < end) {
                    int status =
                        n % 4 == 3
                            ? own.call("PATCH", path, token, "{\"Phone\":\"" + n + "\"}")
                            : own.call("GET", path, token, null);
                    if (status >= 300) {
                      throw new IllegalStateException("HTTP " + status);
                    }
                    n++;
                  }
                }
                calls.addAndGet(n);
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return calls.get() / ((System.nanoTime() - start) / 1e9);
  }

  private double bulkUpsertSeconds(int rows, boolean preload) throws Exception {
    if (preload) {
      runBulk(rows);
    }
    return runBulk(rows);
  }

  private double runBulk(int rows) throws Exception {
    JsonNode job =
        json(
            send(
                "POST",
                V + "/jobs/ingest",
                "application/json",
                "{\"object\":\"Item__c\",\"operation\":\"upsert\",\"externalIdFieldName\":\"Ext__c\","
                    + "\"contentType\":\"CSV\",\"lineEnding\":\"LF\"}"));
    String jobId = job.get("id").asText();
    StringBuilder csv = new StringBuilder(rows * 30).append("Ext__c,Label__c,Qty__c\n");
    for (int i = 0; i < rows; i++) {
      csv.append("X-")
          .append(i)
          .append(",Item ")
          .append(i)
          .append(',')
          .append(i % 1000)
          .append('\n');
    }
    send("PUT", V + "/jobs/ingest/" + jobId + "/batches", "text/csv", csv.toString());
    long start = System.nanoTime();
    send(
        "PATCH", V + "/jobs/ingest/" + jobId, "application/json", "{\"state\":\"UploadComplete\"}");
    long deadline = start + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      JsonNode info = json(send("GET", V + "/jobs/ingest/" + jobId, null, null));
      String state = info.get("state").asText();
      if (state.equals("JobComplete") || state.equals("Failed") || state.equals("Aborted")) {
        if (!state.equals("JobComplete") || info.get("numberRecordsFailed").asInt() != 0) {
          throw new IllegalStateException("Bulk job ended " + state + ": " + info);
        }
        return (System.nanoTime() - start) / 1e9;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("Bulk job " + jobId + " did not finish within 2 minutes");
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(emulator.instanceUrl() + path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws IOException {
    return MAPPER.readTree(r.body());
  }
}
