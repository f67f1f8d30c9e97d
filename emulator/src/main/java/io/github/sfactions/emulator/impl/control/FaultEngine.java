package io.github.sfactions.emulator.impl.control;

import io.github.sfactions.emulator.EmulatorConfig;
import io.github.sfactions.emulator.FaultType;
import io.github.sfactions.emulator.ResponseOverride;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Decides per request which injected failure and how much latency apply. */
public final class FaultEngine {
  /** Default upper bound for a response that never comes. */
  public static final long DEFAULT_HANG_CAP_MILLIS = 30_000;

  private final CopyOnWriteArrayList<ActiveRule> rules = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<ActiveRowFault> rowFaults = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<ActiveOverride> overrides = new CopyOnWriteArrayList<>();
  private volatile EmulatorConfig.Latency latency;
  private volatile long hangCapMillis = DEFAULT_HANG_CAP_MILLIS;

  private static final class ActiveRule {
    final EmulatorConfig.FaultRule config;
    final FaultType type;
    final AtomicInteger remaining;

    ActiveRule(EmulatorConfig.FaultRule config) {
      this.config = config;
      this.type = parseType(config.type());
      if (config.rate() != null && (config.rate() < 0 || config.rate() > 1)) {
        throw new IllegalArgumentException("Fault rate must be between 0 and 1: " + config.rate());
      }
      this.remaining = config.count() == null ? null : new AtomicInteger(config.count());
    }
  }

  private static final class ActiveRowFault {
    final EmulatorConfig.RowFault config;
    final AtomicInteger remaining;

    ActiveRowFault(EmulatorConfig.RowFault config) {
      if (config.errorCode() == null || config.errorCode().isBlank()) {
        throw new IllegalArgumentException("A row fault needs an errorCode");
      }
      if (config.rate() != null && (config.rate() < 0 || config.rate() > 1)) {
        throw new IllegalArgumentException(
            "Row fault rate must be between 0 and 1: " + config.rate());
      }
      this.config = config;
      this.remaining = config.count() == null ? null : new AtomicInteger(config.count());
    }
  }

  private static final class ActiveOverride {
    final ResponseOverride config;
    final AtomicInteger remaining;

    ActiveOverride(ResponseOverride config) {
      this.config = config;
      this.remaining = config.count() == null ? null : new AtomicInteger(config.count());
    }
  }

  /** The message Salesforce gives for common per-record failures. */
  private static String defaultRowMessage(String code) {
    return switch (code) {
      case "UNABLE_TO_LOCK_ROW" -> "unable to obtain exclusive access to this record or 1 records";
      case "DUPLICATES_DETECTED" ->
          "You're creating a duplicate record. We recommend you use an existing record instead.";
      case "REQUEST_LIMIT_EXCEEDED" -> "TotalRequests Limit exceeded.";
      default -> "Injected failure";
    };
  }

  public void addRowFault(EmulatorConfig.RowFault fault) {
    rowFaults.add(new ActiveRowFault(fault));
  }

  /**
   * The error code and message to fail this record with, consuming one count of a counted row
   * fault.
   */
  public Optional<String[]> pickRow(String object) {
    for (ActiveRowFault f : rowFaults) {
      if (f.config.object() != null && !f.config.object().equalsIgnoreCase(object)) {
        continue;
      }
      double rate = f.config.rate() == null ? 1.0 : f.config.rate();
      if (rate < 1.0 && ThreadLocalRandom.current().nextDouble() >= rate) {
        continue;
      }
      if (!takeOne(f.remaining, () -> rowFaults.remove(f))) {
        continue;
      }
      String message =
          f.config.message() != null ? f.config.message() : defaultRowMessage(f.config.errorCode());
      return Optional.of(new String[] {f.config.errorCode(), message});
    }
    return Optional.empty();
  }

  /**
   * Takes one use of a counted entry (null: unlimited), removing it with its last use; false when
   * another thread took the last one first.
   */
  private static boolean takeOne(AtomicInteger remaining, Runnable remove) {
    if (remaining == null) {
      return true;
    }
    int left = remaining.getAndDecrement();
    if (left <= 1) {
      remove.run();
    }
    return left > 0;
  }

  private static FaultType parseType(String name) {
    if (name == null) {
      throw new IllegalArgumentException("A fault rule needs a type");
    }
    try {
      return FaultType.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Unknown fault type '"
              + name
              + "'; known: "
              + java.util.Arrays.toString(FaultType.values()),
          e);
    }
  }

  public void addRule(EmulatorConfig.FaultRule rule) {
    rules.add(new ActiveRule(rule));
  }

  public void latency(EmulatorConfig.Latency l) {
    if (l != null) {
      long min = l.minMs() == null ? 0 : l.minMs();
      long max = l.maxMs() == null ? min : l.maxMs();
      if (min < 0 || max < min || (l.fixedMs() != null && l.fixedMs() < 0)) {
        throw new IllegalArgumentException("Latency needs 0 <= minMs <= maxMs and fixedMs >= 0");
      }
    }
    this.latency = l;
  }

  public void hangCapMillis(long cap) {
    if (cap < 0) {
      throw new IllegalArgumentException("hangCapMillis must not be negative");
    }
    this.hangCapMillis = cap;
  }

  public long hangCapMillis() {
    return hangCapMillis;
  }

  public void addOverride(ResponseOverride override) {
    overrides.add(new ActiveOverride(override));
  }

  /**
   * The override for the answer to this request, consuming one count of a counted override. With
   * {@code onlyExplicitPath} only overrides naming a path apply (the token endpoint).
   */
  public Optional<ResponseOverride> pickOverride(
      String method, String path, boolean onlyExplicitPath) {
    for (ActiveOverride o : overrides) {
      if (onlyExplicitPath && o.config.path() == null) {
        continue;
      }
      if (!matches(o.config.method(), o.config.path(), null, method, path, null)) {
        continue;
      }
      if (!takeOne(o.remaining, () -> overrides.remove(o))) {
        continue;
      }
      return Optional.of(o.config);
    }
    return Optional.empty();
  }

  public void clear() {
    rules.clear();
    rowFaults.clear();
    overrides.clear();
    latency = null;
    hangCapMillis = DEFAULT_HANG_CAP_MILLIS;
  }

  /** Applies a settings object: rules are added, latency replaced, when given. */
  public void apply(EmulatorConfig.FaultSettings s) {
    if (s == null) {
      return;
    }
    if (Boolean.TRUE.equals(s.clear())) {
      clear();
    }
    if (s.latency() != null) {
      latency(s.latency());
    }
    if (s.hangCapMillis() != null) {
      hangCapMillis(s.hangCapMillis());
    }
    if (s.rules() != null) {
      List<ActiveRule> parsed = new ArrayList<>();
      for (EmulatorConfig.FaultRule r : s.rules()) {
        parsed.add(new ActiveRule(r));
      }
      rules.addAll(parsed);
    }
    if (s.rowFaults() != null) {
      List<ActiveRowFault> parsed = new ArrayList<>();
      for (EmulatorConfig.RowFault f : s.rowFaults()) {
        parsed.add(new ActiveRowFault(f));
      }
      rowFaults.addAll(parsed);
    }
  }

  /**
   * The failure to inject before this data API request is processed, consuming one count of a
   * counted rule.
   */
  public Optional<FaultType> pick(String method, String path, String object) {
    return pick(method, path, object, false);
  }

  /**
   * As {@link #pick(String, String, String)}; with {@code onlyExplicitPath} only rules naming a
   * path apply (the token endpoint fails only when a rule targets it). Rules of a type that hits
   * {@linkplain FaultType#afterProcessing() after processing} are left for {@link
   * #pickAfterProcessing}.
   */
  public Optional<FaultType> pick(
      String method, String path, String object, boolean onlyExplicitPath) {
    return pick(method, path, object, onlyExplicitPath, false);
  }

  /**
   * The failure to inject once this request has been processed (its effect stays and the answer is
   * lost), consuming one count of a counted rule; {@code onlyExplicitPath} as in {@link
   * #pick(String, String, String, boolean)}.
   */
  public Optional<FaultType> pickAfterProcessing(
      String method, String path, String object, boolean onlyExplicitPath) {
    return pick(method, path, object, onlyExplicitPath, true);
  }

  private Optional<FaultType> pick(
      String method, String path, String object, boolean onlyExplicitPath, boolean after) {
    for (ActiveRule r : rules) {
      if (r.type.afterProcessing() != after) {
        continue;
      }
      if (onlyExplicitPath && r.config.path() == null) {
        continue;
      }
      if (!matches(r.config.method(), r.config.path(), r.config.object(), method, path, object)) {
        continue;
      }
      double rate = r.config.rate() == null ? 1.0 : r.config.rate();
      if (rate < 1.0 && ThreadLocalRandom.current().nextDouble() >= rate) {
        continue;
      }
      if (!takeOne(r.remaining, () -> rules.remove(r))) {
        continue;
      }
      return Optional.of(r.type);
    }
    return Optional.empty();
  }

  /** Milliseconds to delay this response. */
  public long latencyMillis(String method, String path, String object) {
    EmulatorConfig.Latency l = latency;
    if (l == null || !matches(l.method(), l.path(), l.object(), method, path, object)) {
      return 0;
    }
    long fixed = l.fixedMs() == null ? 0 : l.fixedMs();
    long min = l.minMs() == null ? 0 : l.minMs();
    long max = l.maxMs() == null ? min : l.maxMs();
    long random = max > min ? ThreadLocalRandom.current().nextLong(min, max + 1) : min;
    return fixed + random;
  }

  private static boolean matches(
      String wantMethod,
      String wantPath,
      String wantObject,
      String method,
      String path,
      String object) {
    if (wantMethod != null && !wantMethod.equalsIgnoreCase(method)) {
      return false;
    }
    if (wantPath != null && (path == null || !path.contains(wantPath))) {
      return false;
    }
    return wantObject == null || wantObject.equalsIgnoreCase(object);
  }

  public EmulatorConfig.FaultSettings snapshot(long dailyApiLimit) {
    List<EmulatorConfig.FaultRule> active = new ArrayList<>();
    for (ActiveRule r : rules) {
      EmulatorConfig.FaultRule c = r.config;
      Integer left = r.remaining == null ? null : Math.max(0, r.remaining.get());
      active.add(
          new EmulatorConfig.FaultRule(
              r.type.name(), c.rate(), left, c.path(), c.object(), c.method()));
    }
    List<EmulatorConfig.RowFault> rows = new ArrayList<>();
    for (ActiveRowFault f : rowFaults) {
      EmulatorConfig.RowFault c = f.config;
      Integer left = f.remaining == null ? null : Math.max(0, f.remaining.get());
      rows.add(new EmulatorConfig.RowFault(c.errorCode(), c.message(), c.rate(), left, c.object()));
    }
    return new EmulatorConfig.FaultSettings(
        latency, active, dailyApiLimit, null, null, hangCapMillis, rows);
  }
}
