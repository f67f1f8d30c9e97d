package io.github.sfactions.emulator.impl.control;

import io.github.sfactions.emulator.RecordedRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Bounded rolling log of requests; the oldest entry goes when the log is full. */
public final class RequestLog {
  private static final String REDACTED = "[redacted]";

  private final int maxEntries;
  private final int maxBodyChars;
  private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();

  public RequestLog(int maxEntries, int maxBodyChars) {
    this.maxEntries = Math.max(1, maxEntries);
    this.maxBodyChars = Math.max(0, maxBodyChars);
  }

  public int maxBodyChars() {
    return maxBodyChars;
  }

  public void add(RecordedRequest r) {
    synchronized (entries) {
      if (entries.size() >= maxEntries) {
        entries.removeFirst();
      }
      entries.addLast(r);
    }
  }

  public List<RecordedRequest> snapshot() {
    synchronized (entries) {
      return new ArrayList<>(entries);
    }
  }

  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  /** Headers with credentials redacted. */
  public static Map<String, List<String>> redact(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (k, v) -> {
          String lower = k.toLowerCase(Locale.ROOT);
          boolean secret = lower.equals("authorization") || lower.equals("cookie");
          out.put(k, secret ? List.of(REDACTED) : List.copyOf(v));
        });
    return out;
  }

  /** The body text truncated at the cap, with passwords and secrets in form bodies masked. */
  public String truncate(String body) {
    if (body == null) {
      return "";
    }
    String masked = FormSecrets.mask(body);
    return masked.length() <= maxBodyChars
        ? masked
        : masked.substring(0, maxBodyChars)
            + "...[truncated "
            + (masked.length() - maxBodyChars)
            + " chars]";
  }
}
