package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.V;
import static io.github.sfactions.emulator.SfHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConcurrencyTest {
  @RegisterExtension
  static EmulatorExtension emulator = new EmulatorExtension(TestOrgs::withCustomObjects);

  @Test
  void concurrentWritersAndReadersLoseNoWriteAndSeeNoTornRecord() throws Exception {
    int writers = 8;
    int perWriter = 60;
    SfHttp shared = new SfHttp(emulator.get()).login();
    String contested =
        emulator
            .get()
            .createRecord("Foo__c", map("Ext__c", "C", "Code__c", "00000", "Count__c", 0));
    AtomicInteger torn = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      futures.add(
          pool.submit(
              () -> {
                SfHttp http = new SfHttp(emulator.get());
                http.token = shared.token;
                for (int i = 0; i < perWriter; i++) {
                  assertThat(
                          http.patch(
                                  V + "/sobjects/Foo__c/Ext__c/W" + writer + "-" + i,
                                  map("Count__c", i))
                              .status())
                      .isEqualTo(201);
                  // Code__c and Count__c always change together: a reader must never see them
                  // disagree.
                  String code = String.format("%05d", writer * 1000 + i);
                  assertThat(
                          http.patch(
                                  V + "/sobjects/Foo__c/" + contested,
                                  map("Code__c", code, "Count__c", writer * 1000 + i))
                              .status())
                      .isEqualTo(204);
                }
                return null;
              }));
    }
    for (int r = 0; r < 2; r++) {
      futures.add(
          pool.submit(
              () -> {
                SfHttp http = new SfHttp(emulator.get());
                http.token = shared.token;
                for (int i = 0; i < 80; i++) {
                  JsonNode rec = http.get(V + "/sobjects/Foo__c/" + contested).json();
                  if (Integer.parseInt(rec.get("Code__c").asText())
                      != rec.get("Count__c").asInt()) {
                    torn.incrementAndGet();
                  }
                  JsonNode q =
                      http.get(
                              V
                                  + "/query?q="
                                  + URLEncoder.encode(
                                      "SELECT Id, Code__c, Count__c FROM Foo__c WHERE Ext__c = 'C'",
                                      StandardCharsets.UTF_8))
                          .json();
                  JsonNode row = q.get("records").get(0);
                  if (Integer.parseInt(row.get("Code__c").asText())
                      != row.get("Count__c").asInt()) {
                    torn.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(torn.get()).isZero();
    assertThat(emulator.get().records("Foo__c")).hasSize(writers * perWriter + 1);
    JsonNode count =
        shared
            .get(
                V
                    + "/query?q="
                    + URLEncoder.encode("SELECT COUNT() FROM Foo__c", StandardCharsets.UTF_8))
            .json();
    assertThat(count.get("totalSize").asInt()).isEqualTo(writers * perWriter + 1);
    assertThat(emulator.get().stats().byOperation().get("upsert"))
        .isEqualTo((long) writers * perWriter);
  }

  @Test
  void allOrNoneCollectionsOverSeveralObjectsNeverDeadlock() throws Exception {
    SfHttp shared = new SfHttp(emulator.get()).login();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      boolean accountFirst = i % 2 == 0;
      boolean failing = i % 3 == 0;
      Object account =
          java.util.Map.of("attributes", java.util.Map.of("type", "Account"), "Name", "A" + i);
      Object lead =
          failing
              ? java.util.Map.of("attributes", java.util.Map.of("type", "Lead"), "LastName", "L")
              : java.util.Map.of(
                  "attributes", java.util.Map.of("type", "Lead"), "LastName", "L", "Company", "C");
      List<Object> records = accountFirst ? List.of(account, lead) : List.of(lead, account);
      results.add(
          pool.submit(
              () -> {
                SfHttp http = new SfHttp(emulator.get());
                http.token = shared.token;
                return http.post(
                        V + "/composite/sobjects", map("allOrNone", true, "records", records))
                    .status();
              }));
    }
    for (Future<Integer> f : results) {
      assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(200);
    }
    pool.shutdown();
    assertThat(emulator.get().records("Account")).hasSize(40);
    assertThat(emulator.get().records("Lead")).hasSize(40);
  }

  @Test
  void concurrentUpsertsOfTheSameExternalIdCreateExactlyOneRecord() throws Exception {
    SfHttp shared = new SfHttp(emulator.get()).login();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int n = i;
      results.add(
          pool.submit(
              () -> {
                SfHttp http = new SfHttp(emulator.get());
                http.token = shared.token;
                return http.patch(V + "/sobjects/Foo__c/Ext__c/SAME", map("Count__c", n)).status();
              }));
    }
    int created = 0;
    for (Future<Integer> f : results) {
      int status = f.get(30, TimeUnit.SECONDS);
      assertThat(status).isIn(200, 201);
      created += status == 201 ? 1 : 0;
    }
    pool.shutdown();
    assertThat(created).isEqualTo(1);
    assertThat(emulator.get().records("Foo__c")).hasSize(1);
  }
}
