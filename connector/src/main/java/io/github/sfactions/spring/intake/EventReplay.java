package io.github.sfactions.spring.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfactions.spring.intake.impl.EventNormalizer;
import io.github.sfactions.spring.intake.impl.JsonMessages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Replays a JSON-lines file of events (a back-fill): one event per line, each with its {@code type}, validated
 * like a batch item and started like a live event (same triggers, same duplicate check, so running a file twice
 * starts nothing twice). Events go in groups of the configured size, one transaction each; an invalid line is
 * skipped and reported, it does not stop the replay.
 */
public class EventReplay {

  /** At most this many problems are kept for the report. */
  public static final int MAX_PROBLEMS = 20;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final SegmentEventIntake intake;
  private final int batchSize;
  private final long maxEventBytes;

  /** A replay into this intake. */
  public EventReplay(SegmentEventIntake intake, int batchSize, long maxEventBytes) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("replay batch size must be at least 1, not " + batchSize);
    }
    this.intake = intake;
    this.batchSize = batchSize;
    this.maxEventBytes = maxEventBytes;
  }

  /**
   * Reads every line and starts the events' processes, reporting progress after each group and once at the end.
   *
   * @return the final progress (also passed to {@code progress} with {@code done = true})
   * @throws IOException when reading fails (groups already committed stay committed)
   */
  public ReplayProgress replay(Reader jsonLines, Consumer<ReplayProgress> progress) throws IOException {
    BufferedReader reader = jsonLines instanceof BufferedReader b ? b : new BufferedReader(jsonLines);
    List<ObjectNode> group = new ArrayList<>(batchSize);
    List<String> problems = new ArrayList<>();
    IntakeResult total = IntakeResult.NONE;
    long lines = 0;
    long rejected = 0;
    BoundedLine line;
    while ((line = BoundedLine.read(reader, maxEventBytes)) != null) {
      lines++;
      if (!line.tooLong() && line.text().isBlank()) {
        continue;
      }
      try {
        if (line.tooLong()) {
          throw new InvalidEventException(InvalidEventException.TOO_LARGE, "line " + lines
              + " is longer than " + maxEventBytes + " bytes, the most an event may have");
        }
        group.add(parse(line.text(), lines));
      } catch (InvalidEventException e) {
        rejected++;
        if (problems.size() < MAX_PROBLEMS) {
          problems.add(e.getMessage());
        }
      }
      if (group.size() == batchSize) {
        total = total.plus(intake.accept(group));
        group.clear();
        progress.accept(new ReplayProgress(lines, total, rejected, problems, false));
      }
    }
    total = total.plus(intake.accept(group));
    ReplayProgress last = new ReplayProgress(lines, total, rejected, problems, true);
    progress.accept(last);
    return last;
  }

  /** One line of at most {@code max} characters; a longer one is skipped up to its end and only flagged. */
  private record BoundedLine(String text, boolean tooLong) {

    static BoundedLine read(BufferedReader reader, long max) throws IOException {
      StringBuilder text = new StringBuilder();
      boolean tooLong = false;
      int c = reader.read();
      if (c < 0) {
        return null;
      }
      while (c >= 0 && c != '\n') {
        if (text.length() < max) {
          text.append((char) c);
        } else {
          tooLong = true; // keep reading to the end of the line, keep nothing
        }
        c = reader.read();
      }
      int end = text.length();
      if (end > 0 && text.charAt(end - 1) == '\r') {
        text.setLength(end - 1);
      }
      return new BoundedLine(tooLong ? "" : text.toString(), tooLong);
    }
  }

  private ObjectNode parse(String line, long number) {
    String where = "line " + number;
    int bytes = line.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxEventBytes) {
      throw new InvalidEventException(InvalidEventException.TOO_LARGE, where + " is " + bytes
          + " bytes; an event may have at most " + maxEventBytes);
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw InvalidEventException.badRequest(where + ": malformed JSON at column "
          + e.getLocation().getColumnNr() + ": " + JsonMessages.clean(e.getOriginalMessage()));
    }
    return EventNormalizer.normalize(node, null, where, Instant.now());
  }
}
