package io.github.sfactions.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.ApiCall;
import io.github.sfactions.client.ApiOperation;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.emulator.EmulatorExtension;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calls after a pause longer than the server's idle timeout: the emulator closes connections idle
 * for 1 s, as Salesforce closes them after its own idle time.
 */
class StaleConnectionTest {

  private static final Duration SERVER_IDLE_TIMEOUT = Duration.ofSeconds(1);

  /** Long enough for the server to have closed every connection. */
  private static final Duration PAUSE = Duration.ofMillis(1_600);

  @RegisterExtension
  static final EmulatorExtension EMULATOR =
      new EmulatorExtension(
          () ->
              SalesforceEmulator.builder()
                  .idleTimeout(SERVER_IDLE_TIMEOUT)
                  .object(EmulatorClients.LEAD_WITH_EXT_ID));

  private final List<ApiCall> calls = new CopyOnWriteArrayList<>();
  private SalesforceClient client;

  @AfterEach
  void disconnect() {
    if (client != null) {
      client.close();
    }
  }

  private SalesforceClient client(Duration keepAlive) {
    client =
        SalesforceClient.create(
            EmulatorClients.settings(EMULATOR.get(), EmulatorClients.demoPassword())
                .keepAlive(keepAlive)
                .readTimeout(Duration.ofSeconds(5))
                .build(),
            calls::add);
    return client;
  }

  private static void pause() throws InterruptedException {
    Thread.sleep(PAUSE.toMillis());
  }

  /** The data calls the listener saw, as "OPERATION status". */
  private List<String> dataCalls() {
    return calls.stream()
        .filter(c -> c.operation() != ApiOperation.TOKEN)
        .map(c -> c.operation() + " " + c.status())
        .toList();
  }

  private static Map<String, Object> lead(String lastName) {
    return Map.of("LastName", lastName, "Company", "Acme");
  }

  @Test
  void withTheKeepAliveBelowTheServerIdleTimeoutEveryCallAfterAPauseSucceedsAtTheFirstAttempt()
      throws Exception {
    SalesforceClient sf = client(Duration.ofMillis(500));
    String id = sf.create("Lead", lead("Before")).id();
    pause();
    assertThat(sf.get("Lead", id, List.of("LastName"))).containsEntry("LastName", "Before");
    pause();
    sf.update("Lead", id, Map.of("LastName", "After"));
    pause();
    sf.delete("Lead", id);
    pause();
    String second = sf.create("Lead", lead("Second")).id();

    assertThat(dataCalls())
        .containsExactly("CREATE 201", "GET 200", "UPDATE 204", "DELETE 204", "CREATE 201");
    assertThat(EMULATOR.get().stats().totalApiCalls()).isEqualTo(5);
    assertThat(EMULATOR.get().records("Lead"))
        .extracting(r -> r.get("Id"))
        .contains(second)
        .doesNotContain(id);
  }

  @Test
  void aGetPatchOrDeleteOnAConnectionTheServerClosedIsSentOnceMoreOnANewConnection()
      throws Exception {
    SalesforceEmulator emulator = EMULATOR.get();
    String id = emulator.createRecord("Lead", lead("Before"));
    // a keep-alive longer than the server's idle timeout: the pool hands out connections the server
    // closed
    SalesforceClient sf = client(Duration.ofMinutes(5));
    sf.get("Lead", id, List.of("LastName"));
    pause();
    assertThat(sf.get("Lead", id, List.of("LastName"))).containsEntry("LastName", "Before");
    pause();
    sf.update("Lead", id, Map.of("LastName", "After"));
    assertThat(emulator.record("Lead", id).orElseThrow()).containsEntry("LastName", "After");
    pause();
    sf.delete("Lead", id);
    assertThat(emulator.record("Lead", id)).isEmpty();
    pause();
    // an upsert by external id is a PATCH too: sent again, it still leaves one record
    assertThat(sf.upsert("Lead", "Ext__c", "EXT-1", lead("Upserted")).created()).isTrue();
    assertThat(emulator.records("Lead"))
        .filteredOn(r -> "EXT-1".equals(r.get("Ext__c")))
        .hasSize(1);

    // each dead attempt is reported (no answer, retryable), then the attempt that reached the
    // server
    assertThat(dataCalls())
        .containsExactly(
            "GET 200",
            "GET 0",
            "GET 200",
            "UPDATE 0",
            "UPDATE 204",
            "DELETE 0",
            "DELETE 204",
            "UPSERT 0",
            "UPSERT 201");
    // the dead attempts never reached Salesforce: it counted each call once
    assertThat(emulator.stats().byOperation())
        .containsEntry("retrieve", 2L)
        .containsEntry("update", 1L)
        .containsEntry("delete", 1L)
        .containsEntry("upsert", 1L);
    assertThat(emulator.stats().totalApiCalls()).isEqualTo(5);
  }

  @Test
  void aPostOnAConnectionTheServerClosedFailsRetryablyAndIsNeverSentTwice() throws Exception {
    SalesforceEmulator emulator = EMULATOR.get();
    SalesforceClient sf = client(Duration.ofMinutes(5));
    sf.limits();
    int leadsBefore = emulator.records("Lead").size();
    pause();

    assertThatThrownBy(() -> sf.create("Lead", lead("Once")))
        .isInstanceOfSatisfying(
            SalesforceApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(SalesforceApiException.NO_RESPONSE);
              assertThat(e.errorCode()).isEqualTo(SalesforceApiException.IO_ERROR);
              assertThat(e.retryable()).isTrue();
            });
    assertThat(emulator.records("Lead")).hasSize(leadsBefore);
    assertThat(EmulatorClients.requests(emulator, "POST", "/sobjects/Lead")).isEmpty();

    // the job executor's retry: one record, created once
    String id = sf.create("Lead", lead("Once")).id();
    assertThat(emulator.records("Lead"))
        .hasSize(leadsBefore + 1)
        .filteredOn(r -> "Once".equals(r.get("LastName")))
        .extracting(r -> r.get("Id"))
        .containsExactly(id);
    assertThat(dataCalls()).containsExactly("LIMITS 200", "CREATE 0", "CREATE 201");
  }

  @Test
  void severalDeadPooledConnectionsCostOneReplayNotOneEach() throws Exception {
    SalesforceEmulator emulator = EMULATOR.get();
    SalesforceClient sf = client(Duration.ofMinutes(5));
    sf.authenticate();
    // four calls at once leave four connections in the pool
    emulator.faults().latency(Duration.ofMillis(200));
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<?>> parallel = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      parallel.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                sf.limits();
              }));
    }
    start.countDown();
    CompletableFuture.allOf(parallel.toArray(CompletableFuture[]::new)).join();
    emulator.faults().clearLatency();
    pause();

    for (int i = 0; i < 4; i++) {
      sf.limits();
    }
    assertThat(dataCalls()).filteredOn(c -> c.endsWith(" 0")).hasSize(1);
    assertThat(emulator.stats().byOperation()).containsEntry("limits", 8L);
  }

  @Test
  void aTimeoutOnAPooledConnectionIsNeverSentAgain() throws Exception {
    SalesforceEmulator emulator = EMULATOR.get();
    client =
        SalesforceClient.create(
            EmulatorClients.settings(emulator, EmulatorClients.demoPassword())
                .readTimeout(Duration.ofMillis(300))
                .build(),
            calls::add);
    client.limits();
    emulator.faults().latency(Duration.ofMillis(700));

    assertThatThrownBy(() -> client.limits())
        .isInstanceOfSatisfying(
            SalesforceApiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(SalesforceApiException.TIMEOUT));
    Thread.sleep(900); // the server finishes the slow answer
    assertThat(EmulatorClients.requests(emulator, "GET", "/limits")).hasSize(2);
    assertThat(dataCalls()).containsExactly("LIMITS 200", "LIMITS 0");
  }
}
