package io.github.sfactions.bpmn.bulk.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.bpmn.bulk.BulkTestOrg;
import io.github.sfactions.bpmn.bulk.PostgresTestDatabase;
import io.github.sfactions.emulator.EmulatorConfig;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB batch goes through the bulk queue in a JVM with a 256 MB heap: 1000 instances queue a
 * 100,000-character Lead each, the batch's CSV is written from the queue rows a page at a time,
 * uploaded from a file, its 100 MB results file is matched to the records while it streams, and
 * every instance ends with its record. The queue runs in a child JVM ({@link WideBatchMain} at
 * {@code -Xmx256m}, on a PostgreSQL test database); the emulator runs here and is reached over
 * HTTP.
 */
class WideBatchMemoryTest {

  private static final int RECORDS = Integer.getInteger("sfactions.test.wideRecords", 1000);
  private static final int CHARS = 100_000;

  @Test
  void aHundredMegabyteBatchTravelsThroughTheQueueInA256MegabyteHeap(@TempDir Path dir)
      throws Exception {
    EmulatorConfig config =
        EmulatorConfig.defaults()
            .withObject(
                new EmulatorConfig.SObject(
                    "Lead",
                    List.of(
                        EmulatorConfig.Field.builder("Notes__c")
                            .type("textarea")
                            .length(131_072)
                            .build())))
            .withBulk(new EmulatorConfig.Bulk(0L, 0L, null));
    try (SalesforceEmulator sf = SalesforceEmulator.builder().config(config).start();
        PostgresTestDatabase database = PostgresTestDatabase.create("widebatch")) {
      Path output = dir.resolve("child.log");
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  WideBatchMain.class.getName(),
                  sf.loginUrl(),
                  database.url(),
                  Integer.toString(RECORDS),
                  Integer.toString(CHARS))
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      boolean ended = child.waitFor(8, TimeUnit.MINUTES);
      if (!ended) {
        child.destroyForcibly();
      }
      String log = Files.readString(output, StandardCharsets.UTF_8);
      assertThat(ended).as("child ended within 8 minutes:%n%s", tail(log)).isTrue();
      assertThat(child.exitValue()).as("child exit code:%n%s", tail(log)).isZero();
      Matcher line = Pattern.compile("(?m)^wide-batch records=.*$").matcher(log);
      assertThat(line.find()).isTrue();
      System.out.println(line.group());
      assertThat(log).doesNotContain("OutOfMemoryError");
      assertThat(sf.records("Lead")).hasSize(RECORDS);
      // one job, one upload of the whole batch
      assertThat(BulkTestOrg.jobs(sf))
          .singleElement()
          .satisfies(j -> assertThat(j.path("uploadedBytes").asLong()).isGreaterThan(100_000_000L));
    }
  }

  private static String tail(String log) {
    return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
  }
}
