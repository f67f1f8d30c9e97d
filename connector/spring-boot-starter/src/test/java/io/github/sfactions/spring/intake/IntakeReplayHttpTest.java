package io.github.sfactions.spring.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.spring.intake.impl.MicrometerIntakeMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** {@code /v1/replay} skips and reports every bad line, goes on, and keeps its memory bounded. */
class IntakeReplayHttpTest extends IntakeHttpTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MB = 1024 * 1024;

  @Test
  void everyKindOfBadLineIsSkippedAndReportedAndTheLinesAfterItStart() throws Exception {
    String before = messageId("replay-before");
    String after = messageId("replay-after");
    double limitBefore = count(MicrometerIntakeMetrics.INVALID, "reason", "json_limit");
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (String line :
        List.of(
            track(before),
            "{\"type\": \"track\", \"userId\":",
            "{\"type\": \"track\", \"userId\": \"u\", \"event\": \"e\", \"properties\": "
                + "[".repeat(3000)
                + "]".repeat(3000)
                + "}",
            "{\"type\": \"track\", \"userId\": \"u\", \"event\": \"e\", \"properties\": {\"n\": "
                + "9".repeat(3000)
                + "}}",
            "{\"type\": \"track\", \"userId\": \"u\", \"type\": \"page\"}",
            "{\"type\": \"track\", \"event\": \"no user\"}",
            "{\"type\": \"page\", \"anonymousId\": \"a\", \"name\": \""
                + "w".repeat(40 * 1024)
                + "\"}",
            "",
            "[1, 2]")) {
      file.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    file.write(new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}', '\n'});
    file.write(track(after).getBytes(StandardCharsets.UTF_8)); // the last line without a line end

    HttpResponse<String> response = post("/v1/replay", file.toByteArray(), null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
    JsonNode done = lastLine(response.body());
    assertThat(done.path("done").asBoolean()).as(response.body()).isTrue();
    assertThat(done.path("lines").asLong()).isEqualTo(11);
    assertThat(done.path("events").asLong()).isEqualTo(2);
    assertThat(done.path("started").asLong()).isEqualTo(2);
    assertThat(done.path("rejected").asLong()).isEqualTo(8);
    List<String> skipped = new ArrayList<>();
    done.path("skipped")
        .forEach(s -> skipped.add(s.path("line").asLong() + " " + s.path("reason").asText()));
    assertThat(skipped).hasSize(8);
    assertThat(skipped.get(0))
        .startsWith("2 line 2: malformed JSON at column")
        .contains("end-of-input");
    assertThat(skipped.get(1))
        .startsWith("3 line 3: JSON beyond a limit at column")
        .contains("nesting depth (101) exceeds the maximum allowed (100)");
    assertThat(skipped.get(2))
        .startsWith("4 line 4: JSON beyond a limit at column")
        .contains("Number value length (3000) exceeds the maximum allowed (100)");
    assertThat(skipped.get(3))
        .startsWith("5 line 5: malformed JSON at column")
        .contains("Duplicate field 'type'");
    assertThat(skipped.get(4)).isEqualTo("6 line 6: userId or anonymousId is required");
    assertThat(skipped.get(5))
        .isEqualTo("7 line 7 is longer than 32768 bytes, the most an event may have");
    assertThat(skipped.get(6)).isEqualTo("9 line 9 must be a JSON object, not an array");
    assertThat(skipped.get(7))
        .startsWith("10 line 10: malformed JSON at column")
        .contains("Invalid UTF-8");
    assertThat(processesStartedBy(before)).containsExactly("on-track");
    assertThat(processesStartedBy(after)).containsExactly("on-track");
    assertThat(count(MicrometerIntakeMetrics.INVALID, "reason", "json_limit"))
        .isEqualTo(limitBefore + 2);
  }

  /**
   * A small gzip body that expands to 2 GB: a 2 GB line without a line end, a million invalid
   * lines, then a valid event. The answer is right, and the heap that stays in use (measured after
   * a full collection every 256 MB of decompressed body) does not grow with the body.
   */
  @Test
  void aGzipBodyExpandingToGigabytesIsReplayedInBoundedMemory() throws Exception {
    String last = messageId("replay-last");
    byte[] endlessLineMember = gzipMember("x".repeat((int) (64 * MB)));
    StringBuilder invalid = new StringBuilder();
    while (invalid.length() < 16 * MB) {
      invalid.append("{\"type\": \"nope\", \"userId\": \"u\"}\n");
    }
    byte[] invalidLinesMember = gzipMember(invalid.toString());
    int invalidLinesPerMember =
        invalid.length() / "{\"type\": \"nope\", \"userId\": \"u\"}\n".length();
    List<byte[]> members = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      members.add(endlessLineMember);
    }
    members.add(gzipMember("\n"));
    for (int i = 0; i < 2; i++) {
      members.add(invalidLinesMember);
    }
    members.add(gzipMember(track(last) + "\n"));
    long compressed = members.stream().mapToLong(m -> m.length).sum();
    HeapProbe probe = new HeapProbe();
    long baseline = probe.usedAfterCollection();

    HttpResponse<String> response =
        send(
            "/v1/replay",
            HttpRequest.BodyPublishers.ofInputStream(
                () -> new MemberStream(members, 256 * MB, probe)),
            "gzip");

    JsonNode done = lastLine(response.body());
    long expanded = 32 * 64 * MB + 1 + 2L * invalid.length() + track(last).length() + 1;
    long peakGrowth = probe.peak - baseline;
    System.out.printf(
        "replay of %d MB gzip expanding to %d MB: heap in use after collections grew by at most %d MB "
            + "(baseline %d MB, %d samples); process RSS now %s, peak %s%n",
        compressed / MB,
        expanded / MB,
        peakGrowth / MB,
        baseline / MB,
        probe.samples,
        status("VmRSS"),
        status("VmHWM"));
    assertThat(compressed).isLessThan(16 * MB);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(done.path("done").asBoolean()).as(response.body()).isTrue();
    assertThat(done.path("lines").asLong()).isEqualTo(2 + 2L * invalidLinesPerMember);
    assertThat(done.path("rejected").asLong()).isEqualTo(1 + 2L * invalidLinesPerMember);
    assertThat(done.path("started").asLong()).isEqualTo(1);
    assertThat(done.path("skipped")).hasSize(EventReplay.MAX_SKIPPED_LISTED);
    assertThat(done.path("skipped").get(0).path("reason").asText())
        .isEqualTo("line 1 is longer than 32768 bytes, the most an event may have");
    assertThat(response.body().lines().count())
        .as("progress while only invalid lines come")
        .isGreaterThanOrEqualTo(2L * invalidLinesPerMember / EventReplay.PROGRESS_EVERY_LINES);
    assertThat(processesStartedBy(last)).containsExactly("on-track");
    assertThat(probe.samples).isGreaterThanOrEqualTo(8);
    assertThat(peakGrowth).as("heap growth while 2 GB are replayed").isLessThan(48 * MB);
  }

  private static JsonNode lastLine(String ndjson) throws IOException {
    List<String> lines = ndjson.lines().toList();
    return JSON.readTree(lines.get(lines.size() - 1));
  }

  private static byte[] gzipMember(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static String status(String field) throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return "n/a";
    }
    return Files.readAllLines(status).stream()
        .filter(l -> l.startsWith(field + ":"))
        .map(l -> l.substring(field.length() + 1).trim())
        .findFirst()
        .orElse("n/a");
  }

  /** Heap in use after a full collection: what is really held, garbage aside. */
  private static final class HeapProbe {

    volatile long peak;
    volatile int samples;

    long usedAfterCollection() {
      System.gc();
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    void sample() {
      long used = usedAfterCollection();
      peak = Math.max(peak, used);
      samples++;
    }
  }

  /**
   * Concatenated gzip members (a valid gzip stream), generated as they are sent: memory holds the
   * members, not the body. Samples the heap every {@code every} decompressed bytes sent.
   */
  private static final class MemberStream extends InputStream {

    private final List<byte[]> members;
    private final List<Long> expandedSizes = new ArrayList<>();
    private final long every;
    private final HeapProbe probe;
    private int member;
    private int position;
    private long expandedSent;
    private long nextSample;

    MemberStream(List<byte[]> members, long every, HeapProbe probe) {
      this.members = members;
      this.every = every;
      this.probe = probe;
      this.nextSample = every;
      members.forEach(m -> expandedSizes.add(expandedSize(m)));
    }

    private static long expandedSize(byte[] member) {
      int n = member.length; // gzip trailer: ISIZE, little-endian, the input size modulo 2^32
      return (member[n - 4] & 0xFFL)
          | (member[n - 3] & 0xFFL) << 8
          | (member[n - 2] & 0xFFL) << 16
          | (member[n - 1] & 0xFFL) << 24;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (member == members.size()) {
        return -1;
      }
      byte[] current = members.get(member);
      int n = Math.min(len, current.length - position);
      System.arraycopy(current, position, b, off, n);
      position += n;
      if (position == current.length) {
        expandedSent += expandedSizes.get(member);
        member++;
        position = 0;
        if (expandedSent >= nextSample) {
          nextSample += every;
          probe.sample();
        }
      }
      return n;
    }
  }
}
