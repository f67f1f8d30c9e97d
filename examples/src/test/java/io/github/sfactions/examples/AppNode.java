package io.github.sfactions.examples;

import io.github.sfactions.bpmn.bulk.PostgresTestDatabase;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One node of a cluster: the examples app in a JVM of its own (the test's class path, the {@code
 * test} and {@code postgres} profiles), its job executor on, on a shared PostgreSQL database and a
 * shared emulated org. {@link #kill()} stops it the hard way (SIGKILL: no shutdown hook, its
 * database connections drop and PostgreSQL rolls back what they had not committed, its job locks
 * stay until they expire); {@link #close()} shuts it down gracefully. Its output goes to {@code
 * target/nodes/<name>.log}.
 */
final class AppNode implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofMinutes(4);

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;

  private AppNode(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts a node and waits until its health endpoint answers.
   *
   * @param settings further {@code --name=value} arguments (e.g. the job executor's lock time)
   */
  static AppNode start(
      String name,
      PostgresTestDatabase database,
      SalesforceEmulator org,
      Map<String, String> settings) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-cp", classPath()));
    command.add(ExamplesApplication.class.getName());
    String c = "sfactions.connections.default.";
    Map<String, String> arguments = new java.util.LinkedHashMap<>();
    arguments.put("spring.profiles.active", "test,postgres");
    arguments.put("server.port", String.valueOf(port));
    arguments.put("spring.datasource.url", database.url());
    arguments.put("spring.datasource.username", PostgresTestDatabase.USER);
    arguments.put("spring.datasource.password", "unused");
    arguments.put("examples.emulator.enabled", "false");
    arguments.put(c + "login-url", org.loginUrl());
    arguments.put(c + "auth.flow", "client-credentials");
    arguments.put(c + "auth.client-id", SalesforceEmulator.DEMO_CLIENT_ID);
    arguments.put(c + "auth.client-secret", SalesforceEmulator.DEMO_CLIENT_SECRET);
    arguments.put(c + "allow-local-instance", "true");
    arguments.put("camunda.bpm.job-execution.enabled", "true");
    arguments.put("camunda.bpm.job-execution.wait-time-in-millis", "100");
    arguments.put("camunda.bpm.job-execution.max-wait", "500");
    // the name this node's job log entries carry (ACT_HI_JOB_LOG.HOSTNAME_)
    arguments.put("camunda.bpm.generic-properties.properties.hostname", name);
    arguments.put("logging.level.io.github.sfactions.camunda.JobFailures", "WARN");
    arguments.putAll(settings);
    arguments.forEach((key, value) -> command.add("--" + key + "=" + value));
    try {
      Path log = Path.of("target", "nodes", name + ".log");
      Files.createDirectories(log.getParent());
      Files.writeString(log, String.join(" ", command) + System.lineSeparator());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      AppNode node = new AppNode(name, port, process, log);
      node.awaitHealthy();
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start node " + name, e);
    }
  }

  /** This node's intake, waiting up to {@code timeout} for each answer. */
  IntakeClient intake(Duration timeout) {
    return new IntakeClient(port, timeout);
  }

  String name() {
    return name;
  }

  /** Stops the JVM at once (SIGKILL), as a machine failure or {@code kill -9} would. */
  void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** Shuts the node down gracefully (SIGTERM: Spring closes the engine and its connections). */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      waitForExit();
    }
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping node " + name, e);
    }
  }

  private void awaitHealthy() {
    IntakeClient probe = new IntakeClient(port, Duration.ofSeconds(5));
    Waits.until(
        "node " + name + " answers /actuator/health",
        STARTUP,
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError(
                "Node " + name + " exited with " + process.exitValue() + ":\n" + logTail());
          }
          try {
            HttpResponse<String> health = probe.get("/actuator/health", null, null);
            return health.statusCode() == 200;
          } catch (IllegalStateException notYet) {
            return false;
          }
        },
        this::logTail);
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /**
   * The test's class path (Surefire's forked JVM has it in {@code java.class.path}) without empty
   * entries: an empty entry means the working directory, where Spring would find the example
   * diagrams a second time under {@code src/main/resources}.
   */
  private static String classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
