package io.github.sfactions.spring.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfactions.client.BoundedLines;
import io.github.sfactions.spring.intake.ReplayProgress.SkippedLine;
import io.github.sfactions.spring.intake.impl.EventNormalizer;
import io.github.sfactions.spring.intake.impl.IntakeJson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Replays a JSON-lines file of events (a back-fill): one event per line, each with its {@code
 * type}, validated like a batch item and started like a live event (same triggers, same duplicate
 * check, so running a file twice starts nothing twice). Events go in groups of the configured size,
 * one transaction each. A line that is not a valid event (malformed, beyond a JSON limit, longer
 * than an event may be, invalid) is skipped, counted and reported; it does not stop the replay.
 * Memory stays bounded by one line and one group, whatever the file's size.
 */
public class EventReplay {

  /** At most this many skipped lines are listed in the report (all are counted). */
  public static final int MAX_SKIPPED_LISTED = 20;

  /**
   * Progress is also reported after this many lines without a group being started (e.g. only
   * invalid ones).
   */
  public static final int PROGRESS_EVERY_LINES = 100_000;

  private final SegmentEventIntake intake;
  private final IntakeMetrics metrics;
  private final IntakeJson json;
  private final int batchSize;
  private final int maxEventBytes;

  /** A replay into this intake, counting skipped lines in these metrics. */
  public EventReplay(
      SegmentEventIntake intake, int batchSize, long maxEventBytes, IntakeMetrics metrics) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("replay batch size must be at least 1, not " + batchSize);
    }
    if (maxEventBytes < 1 || maxEventBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "the largest event must be between 1 byte and 2 GB, not " + maxEventBytes);
    }
    this.intake = intake;
    this.metrics = metrics;
    this.json = new IntakeJson(maxEventBytes);
    this.batchSize = batchSize;
    this.maxEventBytes = (int) maxEventBytes;
  }

  /** A replay into this intake. */
  public EventReplay(SegmentEventIntake intake, int batchSize, long maxEventBytes) {
    this(intake, batchSize, maxEventBytes, IntakeMetrics.NONE);
  }

  /**
   * Reads every line (UTF-8) and starts the events' processes, reporting progress after each group,
   * after {@value #PROGRESS_EVERY_LINES} lines without one, and once at the end.
   *
   * @return the final progress (also passed to {@code progress} with {@code done = true})
   * @throws IOException when reading fails (groups already committed stay committed)
   */
  public ReplayProgress replay(InputStream jsonLines, Consumer<ReplayProgress> progress)
      throws IOException {
    Totals totals = new Totals();
    List<ObjectNode> group = new ArrayList<>(batchSize);
    BoundedLines lines = new BoundedLines(jsonLines, maxEventBytes);
    long reportedAt = 0;
    while (lines.next()) {
      if (!lines.blank()) {
        try {
          group.add(event(lines));
        } catch (InvalidEventException e) {
          totals.skip(lines.number(), e);
          metrics.invalid(e.reason(), 1);
        }
      }
      if (group.size() == batchSize) {
        totals.add(intake.accept(group));
        group.clear();
      } else if (lines.number() - reportedAt < PROGRESS_EVERY_LINES) {
        continue;
      }
      reportedAt = lines.number();
      progress.accept(totals.progress(reportedAt, false));
    }
    totals.add(intake.accept(group));
    ReplayProgress last = totals.progress(lines.number(), true);
    progress.accept(last);
    return last;
  }

  private ObjectNode event(BoundedLines lines) {
    String where = "line " + lines.number();
    if (lines.tooLong()) {
      throw new InvalidEventException(
          InvalidEventException.TOO_LARGE,
          where + " is longer than " + maxEventBytes + " bytes, the most an event may have");
    }
    JsonNode node = json.parseLine(lines.bytes(), lines.length(), lines.number());
    return EventNormalizer.normalize(node, null, where, Instant.now());
  }

  /** What a replay did so far. */
  private static final class Totals {

    private final List<SkippedLine> skipped = new ArrayList<>();
    private long events;
    private long started;
    private long duplicates;
    private long unmatched;
    private long rejected;

    void add(IntakeResult result) {
      events += result.events();
      started += result.started();
      duplicates += result.duplicates();
      unmatched += result.unmatched();
    }

    void skip(long line, InvalidEventException e) {
      rejected++;
      if (skipped.size() < MAX_SKIPPED_LISTED) {
        skipped.add(new SkippedLine(line, e.getMessage()));
      }
    }

    ReplayProgress progress(long lines, boolean done) {
      return new ReplayProgress(
          lines, events, started, duplicates, unmatched, rejected, skipped, done);
    }
  }
}
