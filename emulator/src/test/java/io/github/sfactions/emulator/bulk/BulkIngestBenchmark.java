package io.github.sfactions.emulator.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;

/**
 * Measures how long a 100,000-row upsert takes from close to JobComplete with an in-memory store.
 * Run: {@code java -cp <test-classpath> io.github.sfactions.emulator.bulk.BulkIngestBenchmark
 * [rows] [runs]}.
 */
public final class BulkIngestBenchmark {

  private BulkIngestBenchmark() {}

  /** Runs the benchmark and prints one line per run. */
  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String csv = LargeJobFixture.upsertCsv(rows);
    for (int run = 1; run <= runs; run++) {
      try (BulkIngestApi api =
          new BulkIngestApi(
              new IndexedRecordStore(), BulkSettings.builder().stateDwell(Duration.ZERO).build())) {
        BulkTestClient client = new BulkTestClient(api);
        String id = client.create(LargeJobFixture.UPSERT_ACCOUNTS);
        long uploadStart = System.nanoTime();
        client.upload(id, csv);
        long closeAt = System.nanoTime();
        client.patchState(id, "UploadComplete");
        JsonNode job =
            client.awaitState(
                id, Set.of("JobComplete", "Failed", "Aborted"), Duration.ofMinutes(5));
        long doneAt = System.nanoTime();
        client.results(id, "successfulResults");
        long resultsAt = System.nanoTime();
        System.out.printf(
            "run %d: %d rows (%.1f MB) upload %d ms, close->%s %d ms (active %d ms), successfulResults %d ms%n",
            run,
            rows,
            csv.length() / 1e6,
            (closeAt - uploadStart) / 1_000_000,
            job.get("state").asText(),
            (doneAt - closeAt) / 1_000_000,
            job.get("apiActiveProcessingTime").asLong(),
            (resultsAt - doneAt) / 1_000_000);
      }
    }
  }
}
