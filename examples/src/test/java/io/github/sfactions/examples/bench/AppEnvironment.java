package io.github.sfactions.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.emulator.SalesforceEmulator;
import io.github.sfactions.examples.ExamplesApplication;
import io.github.sfactions.examples.IntakeClient;
import io.github.sfactions.examples.bench.BenchOptions.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * A scenario on the examples app (a fresh Spring Boot context in this JVM on a free port, with its
 * emulated org), fed over HTTP through the event intake: {@code /v1/batch} for {@code intake},
 * {@code /v1/backfill} for {@code backfill}. Job executor, history and pool are set like {@link
 * BenchEngine}'s, so the ratio to the ceiling compares like with like.
 */
final class AppEnvironment extends Environment {

  private static final String WRITE_KEY = "bench-write-key";
  private static final int BATCH_EVENTS = 100;
  private static final int INTAKE_CLIENTS = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Scenario scenario;
  private final ConfigurableApplicationContext app;
  private final BenchDatabase database;
  private final Path dataDirectory;
  private final BenchRecords records;
  private final IntakeClient client;

  private AppEnvironment(
      Scenario scenario,
      ConfigurableApplicationContext app,
      BenchDatabase database,
      Path dataDirectory,
      BenchOrg org,
      RecordProbe probe,
      BenchRecords records,
      int window) {
    super(org, probe, window);
    this.scenario = scenario;
    this.app = app;
    this.database = database;
    this.dataDirectory = dataDirectory;
    this.records = records;
    this.client = new IntakeClient(((WebServerApplicationContext) app).getWebServer().getPort());
  }

  /**
   * Starts the app for {@code intake} (identify-lead) or {@code backfill} (records straight into
   * the bulk queue; the probe watches backfill-leads, which no back-fill record starts).
   */
  static AppEnvironment start(Scenario scenario, BenchOptions options, BenchRecords records) {
    String processKey =
        switch (scenario) {
          case INTAKE -> "identify-lead";
          case BACKFILL -> "backfill-leads";
          default -> throw new IllegalArgumentException(scenario.label() + " runs on an engine");
        };
    RecordProbe probe = new RecordProbe(Set.of(processKey));
    BenchDatabase database = BenchDatabase.create(options.database(), scenario.label());
    Path dataDirectory = null;
    try {
      dataDirectory = Files.createTempDirectory("sfa-bench-app");
      ConfigurableApplicationContext app =
          new SpringApplicationBuilder(ExamplesApplication.class)
              .profiles(options.database() == Database.POSTGRES ? "postgres" : "default")
              .initializers(
                  context ->
                      context.getBeanFactory().registerSingleton("benchRecordProbe", plugin(probe)))
              // as command line arguments: they win over the app's application.yaml
              .run(
                  properties(options, database, dataDirectory).entrySet().stream()
                      .map(e -> "--" + e.getKey() + "=" + e.getValue())
                      .toArray(String[]::new));
      int window =
          scenario == Scenario.BACKFILL
              ? Integer.MAX_VALUE
              : Math.max(4 * options.threads(), 2 * INTAKE_CLIENTS * BATCH_EVENTS);
      BenchOrg org = BenchOrg.of(app.getBean(SalesforceEmulator.class), options.latencyMs());
      return new AppEnvironment(
          scenario, app, database, dataDirectory, org, probe, records, window);
    } catch (IOException e) {
      database.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      database.close();
      delete(dataDirectory);
      throw e;
    }
  }

  private static Map<String, Object> properties(
      BenchOptions options, BenchDatabase database, Path dataDirectory) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("server.port", 0);
    p.put("spring.main.banner-mode", "off");
    p.put("logging.level.root", "WARN");
    p.put("examples.data-dir", dataDirectory.toString());
    p.put("examples.emulator.port", 0);
    p.put("examples.emulator.persistent", false);
    p.put("examples.emulator.seed-duplicate-leads", false);
    p.put("spring.datasource.url", database.url());
    p.put("spring.datasource.username", database.user());
    // the postgres profile insists on a password; a local server that trusts its users ignores it
    p.put(
        "spring.datasource.password",
        database.type() == Database.POSTGRES && database.password().isEmpty()
            ? "unused"
            : database.password());
    p.put("spring.datasource.driver-class-name", database.driverClassName());
    p.put("spring.datasource.hikari.maximum-pool-size", options.poolSize());
    p.put("camunda.bpm.admin-user.password", "bench-" + UUID.randomUUID());
    p.put("camunda.bpm.history-level", "full");
    p.put("camunda.bpm.job-execution.core-pool-size", options.threads());
    p.put("camunda.bpm.job-execution.max-pool-size", options.threads());
    p.put("camunda.bpm.job-execution.queue-capacity", options.threads());
    p.put("camunda.bpm.job-execution.max-jobs-per-acquisition", options.threads());
    p.put("camunda.bpm.job-execution.wait-time-in-millis", BenchEngine.ACQUISITION_WAIT_MS);
    p.put("camunda.bpm.job-execution.max-wait", BenchEngine.ACQUISITION_MAX_WAIT_MS);
    p.put("sfactions.intake.write-key", WRITE_KEY);
    p.put("sfactions.bulk.flush-interval", BenchEngine.FLUSH_INTERVAL.toString());
    p.put("sfactions.bulk.poll-interval", BenchEngine.POLL_INTERVAL.toString());
    return p;
  }

  /** Adds the probe to the app's engine beside the database history handler. */
  private static AbstractProcessEnginePlugin plugin(RecordProbe probe) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler> handlers =
            configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(probe);
        configuration.setCustomHistoryEventHandlers(handlers);
      }
    };
  }

  @Override
  ProcessEngine engine() {
    return app.getBean(ProcessEngine.class);
  }

  @Override
  String note() {
    return scenario == Scenario.BACKFILL
        ? "one /v1/backfill request per round, no instance per record"
        : BATCH_EVENTS + " events/request, " + INTAKE_CLIENTS + " clients";
  }

  @Override
  void put(Round round, int roundNumber) throws Exception {
    if (scenario == Scenario.BACKFILL) {
      backfill(round, roundNumber);
    } else {
      batches(round, roundNumber);
    }
  }

  /**
   * One {@code POST /v1/backfill} of the round's Leads (records, no events, no process instance
   * each), then its summary asked every 20 ms: a record has ended when its batch has settled
   * (created, updated or failed), its latency counted from the round's start.
   */
  private void backfill(Round round, int roundNumber) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < round.records(); i++) {
      lines.append(records.leadRecord(roundNumber, i)).append('\n');
    }
    round.admit(round.records());
    long start = System.nanoTime();
    HttpResponse<String> answer =
        client.post(
            "/v1/backfill?object=Lead&operation=insert&name=bench-round-" + roundNumber,
            lines.toString().getBytes(StandardCharsets.UTF_8),
            WRITE_KEY,
            null);
    JsonNode loaded = JSON.readTree(answer.body());
    if (answer.statusCode() != 200 || loaded.path("queued").asInt() != round.records()) {
      throw new IllegalStateException(
          "/v1/backfill answered " + answer.statusCode() + ": " + answer.body());
    }
    String id = loaded.path("backfillId").asText();
    int settled = 0;
    while (settled < round.records()) {
      JsonNode summary = JSON.readTree(client.get("/v1/backfill/" + id, WRITE_KEY, "").body());
      int now =
          summary.path("created").asInt()
              + summary.path("updated").asInt()
              + summary.path("failed").asInt();
      for (; settled < now; settled++) {
        round.ended(System.nanoTime() - start);
      }
      if (settled < round.records()) {
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      }
    }
  }

  private void batches(Round round, int roundNumber) throws Exception {
    Starters.run(
        INTAKE_CLIENTS,
        round.records(),
        BATCH_EVENTS,
        from -> {
          int to = Math.min(round.records(), from + BATCH_EVENTS);
          round.admit(to - from);
          send(roundNumber, from, to);
        });
  }

  private void send(int roundNumber, int from, int to) {
    StringBuilder batch = new StringBuilder("{\"batch\":[");
    for (int i = from; i < to; i++) {
      batch.append(i == from ? "" : ",").append(records.identifyEvent(roundNumber, i));
    }
    batch.append("]}");
    HttpResponse<String> answer =
        client.post(
            "/v1/batch", batch.toString().getBytes(StandardCharsets.UTF_8), WRITE_KEY, null);
    if (answer.statusCode() != 200 || !answer.body().contains("\"started\":" + (to - from) + ",")) {
      throw new IllegalStateException(
          "/v1/batch answered " + answer.statusCode() + ": " + answer.body());
    }
  }

  @Override
  public void close() {
    try {
      app.close();
    } finally {
      database.close();
      delete(dataDirectory);
    }
  }

  private static void delete(Path directory) {
    if (directory == null) {
      return;
    }
    try {
      FileSystemUtils.deleteRecursively(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
