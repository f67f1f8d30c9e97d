package io.github.sfactions.examples.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * What a scenario runs on (an engine, its database and its emulated org) and how its records go in.
 * Closing it stops the engine and drops the database.
 */
abstract class Environment implements AutoCloseable {

  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(120);

  private final BenchOrg org;
  private final RecordProbe probe;
  private final int window;

  /**
   * @param org the org the records are written to
   * @param probe the probe of the engine's history events
   * @param window most records in flight at once (started, not ended)
   */
  Environment(BenchOrg org, RecordProbe probe, int window) {
    this.org = org;
    this.probe = probe;
    this.window = window;
  }

  /** The org the records are written to. */
  final BenchOrg org() {
    return org;
  }

  /** Most records in flight at once (started, not ended). */
  final int window() {
    return window;
  }

  /** Puts the round's records in, respecting {@link Round#admit}; returns once all are in. */
  final void feed(Round round, int roundNumber) throws Exception {
    probe.begin(round);
    round.start();
    put(round, roundNumber);
  }

  /** Puts the records in (the round has started). */
  abstract void put(Round round, int roundNumber) throws Exception;

  /** The engine the records run on. */
  abstract ProcessEngine engine();

  /** A note for the table (e.g. how records go in), or empty. */
  String note() {
    return "";
  }

  /** What the round just run did beyond its figures, for the log (empty when nothing). */
  String roundNote() {
    return "";
  }

  /** Waits until no process instance runs (the bulk ingest runs of a round included). */
  final void awaitIdle() throws TimeoutException {
    long deadline = System.nanoTime() + IDLE_TIMEOUT.toNanos();
    RuntimeService runtime = engine().getRuntimeService();
    long running;
    while ((running = runtime.createProcessInstanceQuery().count()) > 0) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(
            running + " process instances still running after " + IDLE_TIMEOUT.toSeconds() + " s");
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  /** The engine's first incidents, or null when it has none. */
  final String incidents() {
    return incidents(engine());
  }

  /** An engine's first incidents, one line each, or null when it has none. */
  static String incidents(ProcessEngine engine) {
    RuntimeService runtime = engine.getRuntimeService();
    long count = runtime.createIncidentQuery().count();
    if (count == 0) {
      return null;
    }
    List<Incident> incidents = runtime.createIncidentQuery().listPage(0, 3);
    return count
        + " incidents"
        + incidents.stream()
            .map(i -> "; " + i.getActivityId() + ": " + i.getIncidentMessage())
            .collect(Collectors.joining());
  }

  @Override
  public abstract void close();
}
