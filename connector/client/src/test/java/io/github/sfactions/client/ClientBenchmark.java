package io.github.sfactions.client;

import io.github.sfactions.emulator.SalesforceEmulator;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Client overhead against the local emulator on loopback: single-record creates (1 and 8 threads),
 * sObject Collections, and the pure CSV writer + splitter. Figures include the emulator's own work,
 * so they bound the client's overhead from above; they say nothing about a real org's latency.
 *
 * <p>Run after {@code ./mvnw -q -o -pl connector/client -am test-compile}:
 *
 * <pre>
 * java -cp connector/client/target/classes:connector/client/target/test-classes:emulator/target/classes:$(cat connector/client/cp.txt)
 *   io.github.sfactions.client.ClientBenchmark [records]</pre>
 *
 * where {@code connector/client/cp.txt} comes from {@code ./mvnw -q -o -pl connector/client -am
 * dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class ClientBenchmark {

  private ClientBenchmark() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Map<ApiOperation, ConcurrentLinkedQueue<Long>> durations = new ConcurrentHashMap<>();
    ApiCallListener listener =
        call ->
            durations
                .computeIfAbsent(call.operation(), k -> new ConcurrentLinkedQueue<>())
                .add(call.durationNanos());
    try (SalesforceEmulator emulator =
            SalesforceEmulator.builder().dailyApiLimit(10_000_000).start();
        SalesforceClient client =
            SalesforceClient.create(
                ConnectionSettings.builder()
                    .loginUrl(emulator.loginUrl())
                    .allowLocalInstance(true)
                    .auth(
                        new PasswordFlow(
                            SalesforceEmulator.DEMO_CLIENT_ID,
                            SalesforceEmulator.DEMO_CLIENT_SECRET,
                            SalesforceEmulator.DEMO_USERNAME,
                            SalesforceEmulator.DEMO_PASSWORD,
                            SalesforceEmulator.DEMO_SECURITY_TOKEN))
                    .build(),
                listener)) {
      client.authenticate();
      warmUp(client);
      durations.clear();

      long start = System.nanoTime();
      for (int i = 0; i < records; i++) {
        client.create("Account", Map.of("Name", "Bench " + i));
      }
      report(
          "create, 1 thread",
          records,
          System.nanoTime() - start,
          durations.remove(ApiOperation.CREATE));

      ExecutorService pool = Executors.newFixedThreadPool(8);
      start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < records; i++) {
        int n = i;
        futures.add(pool.submit(() -> client.create("Account", Map.of("Name", "Par " + n))));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      report(
          "create, 8 threads",
          records,
          System.nanoTime() - start,
          durations.remove(ApiOperation.CREATE));
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.SECONDS);

      List<Map<String, Object>> batch = new ArrayList<>();
      for (int i = 0; i < records; i++) {
        batch.add(Map.of("Name", "Coll " + i));
      }
      start = System.nanoTime();
      client.createAll("Account", batch, false);
      report(
          "createAll (records)",
          records,
          System.nanoTime() - start,
          durations.remove(ApiOperation.COLLECTION_CREATE));
    }
    csvWriter(100_000);
  }

  private static void warmUp(SalesforceClient client) {
    for (int i = 0; i < 200; i++) {
      client.create("Account", Map.of("Name", "Warm " + i));
    }
  }

  private static void csvWriter(int rows) throws Exception {
    List<Map<String, Object>> list = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("Ext__c", "E-" + i);
      r.put("LastName", "Name, \"quoted\" " + i);
      r.put("Company", i % 2 == 0 ? "Acme" : null);
      r.put("NumberOfEmployees", i);
      list.add(r);
    }
    long start = System.nanoTime();
    List<BulkBatch<Map<String, Object>>> batches = BulkBatchSplitter.defaults().split(list);
    long bytes = 0;
    for (BulkBatch<Map<String, Object>> b : batches) {
      b.csv().writeTo(OutputStream.nullOutputStream());
      bytes += b.csvBytes();
    }
    long nanos = System.nanoTime() - start;
    System.out.printf(
        "split+write CSV: %d rows, %d batches, %.1f MB in %.0f ms (%.0f rows/s)%n",
        rows, batches.size(), bytes / 1e6, nanos / 1e6, rows / (nanos / 1e9));
  }

  private static void report(
      String name, int count, long nanos, ConcurrentLinkedQueue<Long> calls) {
    List<Long> sorted = new ArrayList<>(calls == null ? List.of() : calls);
    sorted.sort(Long::compare);
    double seconds = nanos / 1e9;
    System.out.printf(
        "%-22s %6d in %6.0f ms = %8.0f /s; %d HTTP calls, p50 %.2f ms, p99 %.2f ms%n",
        name,
        count,
        nanos / 1e6,
        count / seconds,
        sorted.size(),
        percentile(sorted, 0.50),
        percentile(sorted, 0.99));
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1)));
    return sorted.get(index) / 1e6;
  }
}
