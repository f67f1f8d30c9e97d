package io.github.sfactions.spring.intake;

import io.github.sfactions.camunda.trigger.TriggeredProcess;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Events per second through {@code /v1/batch} with one client and with several concurrent ones, for
 * the developer's own measuring (the official figures come from the benchmark harness, {@code
 * examples/bench/run intake}). The intake runs in a Spring Boot application on embedded Tomcat with
 * the engine on H2 in memory and full history; every event starts a process whose first task is
 * asynchronous (the job executor is off, so the start transaction only stores the instance and its
 * job, as the intake's docs advise). Each client posts batches of 100 events with messageIds of its
 * own; per round it runs one client, then the concurrent clients, with the same number of events,
 * and prints events/s and the cores the JVM used; at the end the medians.
 *
 * <p>Run (after {@code ./mvnw -B -q -o -pl connector -am test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}): {@code java -cp
 * connector/target/test-classes:connector/target/classes:$(cat connector/target/cp.txt)
 * io.github.sfactions.spring.intake.IntakeBenchmark [events] [clients] [rounds]}.
 */
public final class IntakeBenchmark {

  private static final String WRITE_KEY = "intake-benchmark-key";
  private static final int BATCH = 100;

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI batchUri;
  private final String authorization =
      "Basic "
          + Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));

  private IntakeBenchmark(int port) {
    this.batchUri = URI.create("http://127.0.0.1:" + port + "/v1/batch");
  }

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(IntakeTestApplication.class)
            .properties(
                "server.port=0",
                "logging.level.root=WARN",
                "camunda.bpm.generate-unique-process-engine-name=true",
                "spring.datasource.generate-unique-name=true",
                "camunda.bpm.job-execution.enabled=false",
                "camunda.bpm.auto-deployment-enabled=false",
                "camunda.bpm.history-level=full",
                "camunda.bpm.generic-properties.properties.enforce-history-time-to-live=false",
                "sfactions.intake.enabled=true",
                "sfactions.intake.write-key=" + WRITE_KEY)
            .run()) {
      app.getBean(RepositoryService.class)
          .createDeployment()
          .addString(
              "on-track.bpmn",
              TriggeredProcess.xml(
                  "on-track",
                  "type = \"track\"",
                  "<bpmn:serviceTask id=\"Work\" camunda:asyncBefore=\"true\""
                      + " camunda:expression=\"${true}\"/>"))
          .deploy();
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      IntakeBenchmark bench = new IntakeBenchmark(port);
      System.out.printf(
          Locale.ROOT,
          "events=%d batch=%d clients=1,%d rounds=%d (H2 in memory, history full)%n",
          events,
          BATCH,
          clients,
          rounds);
      bench.run("warmup", 1, events / 2);
      bench.run("warmup", clients, events / 2);
      Map<Integer, List<Double>> rates = new LinkedHashMap<>();
      Map<Integer, List<Double>> cores = new LinkedHashMap<>();
      for (int round = 1; round <= rounds; round++) {
        for (int n : List.of(1, clients)) {
          double[] result = bench.run("r" + round, n, events);
          rates.computeIfAbsent(n, k -> new ArrayList<>()).add(result[0]);
          cores.computeIfAbsent(n, k -> new ArrayList<>()).add(result[1]);
        }
      }
      System.out.println("medians:");
      for (int n : rates.keySet()) {
        System.out.printf(
            Locale.ROOT,
            "clients=%d events_per_s=%.0f cores_used=%.2f%n",
            n,
            median(rates.get(n)),
            median(cores.get(n)));
      }
    }
  }

  /**
   * Posts {@code events} events with {@code clients} concurrent clients; events/s and cores used.
   */
  private double[] run(String label, int clients, int events) throws Exception {
    List<List<String>> bodies = new ArrayList<>();
    int batchesPerClient = Math.max(1, events / BATCH / clients);
    for (int c = 0; c < clients; c++) {
      List<String> own = new ArrayList<>();
      for (int b = 0; b < batchesPerClient; b++) {
        StringBuilder body = new StringBuilder("{\"batch\": [");
        for (int e = 0; e < BATCH; e++) {
          String messageId = label + "-" + clients + "-" + c + "-" + b + "-" + e;
          body.append(e == 0 ? "" : ",")
              .append("{\"type\": \"track\", \"userId\": \"u")
              .append(e)
              .append("\", \"event\": \"Signed Up\", \"messageId\": \"")
              .append(messageId)
              .append("\"}");
        }
        own.add(body.append("]}").toString());
      }
      bodies.add(own);
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    List<Future<Integer>> started = new ArrayList<>();
    for (List<String> own : bodies) {
      started.add(pool.submit(() -> post(own)));
    }
    int total = 0;
    for (Future<Integer> f : started) {
      total += f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cores = (processCpuNanos() - cpuStart) / 1e9 / seconds;
    pool.shutdown();
    int sent = clients * batchesPerClient * BATCH;
    if (total != sent) {
      throw new IllegalStateException(label + ": " + total + " of " + sent + " events started");
    }
    double rate = sent / seconds;
    System.out.printf(
        Locale.ROOT,
        "run=%s clients=%d events=%d seconds=%.2f events_per_s=%.0f cores_used=%.2f%n",
        label,
        clients,
        sent,
        seconds,
        rate,
        cores);
    return new double[] {rate, cores};
  }

  /** Posts the batches one after the other; the events started. */
  private int post(List<String> bodies) throws Exception {
    int started = 0;
    for (String body : bodies) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(batchUri)
                  .timeout(Duration.ofMinutes(2))
                  .header("Content-Type", "application/json")
                  .header("Authorization", authorization)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
      String answer = response.body();
      int at = answer.indexOf("\"started\":") + "\"started\":".length();
      int end = at;
      while (Character.isDigit(answer.charAt(end))) {
        end++;
      }
      started += Integer.parseInt(answer.substring(at, end));
    }
    return started;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
