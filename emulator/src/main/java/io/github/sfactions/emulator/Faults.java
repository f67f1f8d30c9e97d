package io.github.sfactions.emulator;

import io.github.sfactions.emulator.impl.EmulatorCore;
import java.time.Duration;

/**
 * Run-time control of injected latency, failures, the daily API limit, session expiry and the
 * duplicate rule. Every method takes effect for the next request; {@link
 * SalesforceEmulator#reset()} returns to the configured state.
 */
public final class Faults {
  private final EmulatorCore core;

  Faults(EmulatorCore core) {
    this.core = core;
  }

  /** Every response is delayed by this much. */
  public Faults latency(Duration fixed) {
    core.faults()
        .latency(new EmulatorConfig.Latency(fixed.toMillis(), null, null, null, null, null));
    return this;
  }

  /** Every response is delayed by a random amount between min and max. */
  public Faults latency(Duration min, Duration max) {
    core.faults()
        .latency(
            new EmulatorConfig.Latency(null, min.toMillis(), max.toMillis(), null, null, null));
    return this;
  }

  /** Latency with an optional match on path, object and method. */
  public Faults latency(EmulatorConfig.Latency latency) {
    core.faults().latency(latency);
    return this;
  }

  public Faults clearLatency() {
    core.faults().latency(null);
    return this;
  }

  /** Fails matching requests with the given probability (0..1), until cleared. */
  public Faults fail(FaultType type, double rate) {
    return add(new EmulatorConfig.FaultRule(type.name(), rate, null, null, null, null));
  }

  /** Fails the next {@code count} requests. */
  public Faults failNext(FaultType type, int count) {
    return add(new EmulatorConfig.FaultRule(type.name(), null, count, null, null, null));
  }

  /**
   * Fails the next {@code count} requests that match; null matches anything.
   *
   * @param pathContains substring of the request path, e.g. {@code /sobjects/Lead}
   */
  public Faults failNext(
      FaultType type, int count, String method, String pathContains, String object) {
    return add(
        new EmulatorConfig.FaultRule(type.name(), null, count, pathContains, object, method));
  }

  /**
   * Fails single records of Bulk API 2.0 jobs and sObject Collections calls with the error code
   * (e.g. {@code UNABLE_TO_LOCK_ROW}) with the given probability, until cleared.
   */
  public Faults failRows(String errorCode, double rate) {
    core.faults().addRowFault(new EmulatorConfig.RowFault(errorCode, null, rate, null, null));
    return this;
  }

  /**
   * Fails the next {@code count} records (of {@code object}, or any when null) with the error code.
   */
  public Faults failNextRows(String errorCode, int count, String object) {
    core.faults().addRowFault(new EmulatorConfig.RowFault(errorCode, null, null, count, object));
    return this;
  }

  /**
   * Rewrites the answers to the next {@code count} requests matching {@code method} (null: any) and
   * {@code pathContains}: the request is handled normally, then {@code status} (null: the real one)
   * and {@code body} (null: the real one; {@code ""}: no body) are sent instead. See {@link
   * ResponseOverride}.
   */
  public Faults overrideNext(
      int count, String method, String pathContains, Integer status, String body) {
    return override(new ResponseOverride(status, body, count, method, pathContains));
  }

  /** Adds a response override (until its count is used up or {@link #clear()}). */
  public Faults override(ResponseOverride override) {
    core.faults().addOverride(override);
    return this;
  }

  public Faults add(EmulatorConfig.FaultRule rule) {
    core.faults().addRule(rule);
    return this;
  }

  /** Applies a settings object as {@code POST /__emulator/faults} does. */
  public Faults apply(EmulatorConfig.FaultSettings settings) {
    core.applyFaults(settings);
    return this;
  }

  /** Changes the daily API allocation; calls beyond it get 403 REQUEST_LIMIT_EXCEEDED. */
  public Faults dailyApiLimit(long max) {
    if (max < 0) {
      throw new IllegalArgumentException("dailyApiLimit must not be negative");
    }
    core.counters().limit(max);
    return this;
  }

  public long dailyApiLimit() {
    return core.counters().limit();
  }

  /** How long a {@link FaultType#NO_RESPONSE} request is held before its connection is closed. */
  public Faults hangCap(Duration cap) {
    core.faults().hangCapMillis(cap.toMillis());
    return this;
  }

  /** Turns the Lead/Contact duplicate rule on Email on or off. */
  public Faults duplicateRules(boolean on) {
    core.records().duplicateRules(on);
    return this;
  }

  /** Every issued access token becomes invalid. */
  public void expireSessions() {
    core.sessions().expireAll();
  }

  /** Removes every failure rule, row fault, response override and the latency. */
  public Faults clear() {
    core.faults().clear();
    return this;
  }

  /** The active settings. */
  public EmulatorConfig.FaultSettings current() {
    return core.faults().snapshot(core.counters().limit());
  }
}
