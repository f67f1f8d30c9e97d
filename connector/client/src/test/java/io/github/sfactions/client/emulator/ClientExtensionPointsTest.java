package io.github.sfactions.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.ApiCall;
import io.github.sfactions.client.ApiOperation;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.emulator.EmulatorExtension;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A base {@link OkHttpClient} of the user's and per-call listeners, over real HTTP against the
 * emulator (which closes connections idle for 1 s, as Salesforce closes them after its own idle
 * time).
 */
class ClientExtensionPointsTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR =
      new EmulatorExtension(
          () ->
              SalesforceEmulator.builder()
                  .idleTimeout(Duration.ofSeconds(1))
                  .object(EmulatorClients.LEAD_WITH_EXT_ID));

  private final List<SalesforceClient> clients = new ArrayList<>();

  @AfterEach
  void disconnect() {
    clients.forEach(SalesforceClient::close);
  }

  private SalesforceClient client(OkHttpClient base, Duration keepAlive, Duration readTimeout) {
    SalesforceClient client =
        SalesforceClient.builder(
                EmulatorClients.settings(EMULATOR.get(), EmulatorClients.demoPassword())
                    .keepAlive(keepAlive)
                    .readTimeout(readTimeout)
                    .build())
            .httpClient(base)
            .build();
    clients.add(client);
    return client;
  }

  @Test
  void theBaseClientsInterceptorAndEventListenerSeeEveryCallTheTokenRequestIncluded() {
    List<String> intercepted = new CopyOnWriteArrayList<>();
    AtomicInteger callsStarted = new AtomicInteger();
    OkHttpClient base =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  intercepted.add(
                      chain.request().method() + " " + chain.request().url().encodedPath());
                  return chain.proceed(
                      chain.request().newBuilder().header("X-Tenant", "blue").build());
                })
            .eventListener(
                new EventListener() {
                  @Override
                  public void callStart(Call call) {
                    callsStarted.incrementAndGet();
                  }
                })
            .build();
    SalesforceClient sf = client(base, Duration.ofSeconds(30), Duration.ofSeconds(30));

    String id = sf.create("Lead", Map.of("LastName", "Intercepted", "Company", "Acme")).id();
    sf.get("Lead", id, List.of("LastName"));

    assertThat(intercepted).hasSize(3);
    assertThat(intercepted.get(0)).isEqualTo("POST /services/oauth2/token");
    assertThat(intercepted.get(1)).startsWith("POST /services/data/").endsWith("/sobjects/Lead");
    assertThat(intercepted.get(2))
        .startsWith("GET /services/data/")
        .endsWith("/sobjects/Lead/" + id);
    assertThat(callsStarted).hasValue(3);
    assertThat(EMULATOR.get().requests())
        .hasSize(3)
        .allSatisfy(
            r ->
                assertThat(r.headers().entrySet())
                    .anySatisfy(
                        h ->
                            assertThat(h.getKey() + "=" + h.getValue())
                                .isEqualToIgnoringCase("X-Tenant=[blue]")));
  }

  @Test
  void theBaseClientsProxyCarriesTheCalls() throws Exception {
    try (ServerSocket proxy = new ServerSocket(0)) {
      CompletableFuture<String> firstLine =
          CompletableFuture.supplyAsync(
              () -> {
                try (Socket socket = proxy.accept()) {
                  return new BufferedReader(
                          new InputStreamReader(
                              socket.getInputStream(), StandardCharsets.ISO_8859_1))
                      .readLine();
                } catch (Exception e) {
                  return e.toString();
                }
              });
      OkHttpClient base =
          new OkHttpClient.Builder()
              .proxy(
                  new Proxy(
                      Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxy.getLocalPort())))
              .build();
      SalesforceClient sf = client(base, Duration.ofSeconds(30), Duration.ofSeconds(30));

      // the stand-in proxy reads the request line and hangs up: no answer, no token
      assertThatThrownBy(sf::authenticate).isInstanceOf(SalesforceApiException.class);
      assertThat(firstLine.get(10, TimeUnit.SECONDS))
          .isEqualTo("POST " + EMULATOR.get().loginUrl() + "/services/oauth2/token HTTP/1.1");
      assertThat(EMULATOR.get().requests()).isEmpty();
    }
  }

  @Test
  void aProxyInTheSettingsReplacesTheBaseClients() throws Exception {
    try (ServerSocket deadEnd = new ServerSocket(0)) {
      OkHttpClient base =
          new OkHttpClient.Builder()
              .proxy(
                  new Proxy(
                      Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", deadEnd.getLocalPort())))
              .build();
      SalesforceClient sf =
          SalesforceClient.builder(
                  EmulatorClients.settings(EMULATOR.get(), EmulatorClients.demoPassword())
                      .proxy(Proxy.NO_PROXY)
                      .build())
              .httpClient(base)
              .build();
      clients.add(sf);

      sf.authenticate();
      assertThat(EMULATOR.get().requests())
          .singleElement()
          .satisfies(r -> assertThat(r.path()).isEqualTo("/services/oauth2/token"));
    }
  }

  @Test
  void theSettingsTimeoutsReplaceTheBaseClients() {
    EMULATOR.get().faults().latency(Duration.ofMillis(400));
    OkHttpClient impatient = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(50)).build();
    SalesforceClient patient = client(impatient, Duration.ofSeconds(30), Duration.ofSeconds(5));
    // the emulator's answer, 400 ms late, arrived although the base client would give up after 50
    // ms
    assertThat(patient.limits().dailyApiUsage())
        .hasValueSatisfying(usage -> assertThat(usage.max()).isPositive());

    OkHttpClient lenient = new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(1)).build();
    SalesforceClient strict = client(lenient, Duration.ofSeconds(30), Duration.ofMillis(150));
    assertThatThrownBy(strict::authenticate)
        .isInstanceOfSatisfying(
            SalesforceApiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(SalesforceApiException.TIMEOUT));
  }

  @Test
  void aPostOnAStaleConnectionIsNeverResentEvenIfTheBaseClientWouldRetry() throws Exception {
    SalesforceEmulator emulator = EMULATOR.get();
    List<ApiCall> calls = new CopyOnWriteArrayList<>();
    OkHttpClient retrying = new OkHttpClient.Builder().retryOnConnectionFailure(true).build();
    // a keep-alive longer than the server's idle timeout: the pool hands out connections the server
    // closed
    SalesforceClient sf =
        client(retrying, Duration.ofMinutes(5), Duration.ofSeconds(5)).withCallListener(calls::add);
    String id = sf.create("Lead", Map.of("LastName", "First", "Company", "Acme")).id();
    Thread.sleep(1_600);

    assertThatThrownBy(() -> sf.create("Lead", Map.of("LastName", "Once", "Company", "Acme")))
        .isInstanceOfSatisfying(
            SalesforceApiException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(EmulatorClients.requests(emulator, "POST", "/sobjects/Lead")).hasSize(1);

    // our own replay of an idempotent call still works with the base's event listener in place
    sf.get("Lead", id, List.of("LastName"));
    Thread.sleep(1_600);
    assertThat(sf.get("Lead", id, List.of("LastName"))).containsEntry("LastName", "First");
    assertThat(calls)
        .extracting(c -> c.operation() + " " + c.status())
        .containsExactly("CREATE 201", "CREATE 0", "GET 200", "GET 0", "GET 200");
  }

  @Test
  void closingTheClientLeavesTheBaseClientUsable() throws Exception {
    OkHttpClient base = new OkHttpClient();
    SalesforceClient sf = client(base, Duration.ofSeconds(30), Duration.ofSeconds(30));
    sf.authenticate();
    sf.close();

    assertThat(base.dispatcher().executorService().isShutdown()).isFalse();
    try (Response response =
        base.newCall(
                new Request.Builder()
                    .url(EMULATOR.get().loginUrl() + "/services/oauth2/token")
                    .get()
                    .build())
            .execute()) {
      assertThat(response.code()).isGreaterThanOrEqualTo(400);
    }
  }

  @Test
  void eachViewCountsOnlyItsOwnCallsWhileThreadsShareOneClient() throws Exception {
    List<ApiCall> all = new CopyOnWriteArrayList<>();
    SalesforceClient shared =
        SalesforceClient.create(
            EmulatorClients.settings(EMULATOR.get(), EmulatorClients.demoPassword()).build(),
            call -> {
              all.add(call);
              throw new IllegalStateException(
                  "a failing client listener must not stop the views' counting");
            });
    clients.add(shared);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> counts = new ArrayList<>();
      for (int worker = 1; worker <= 6; worker++) {
        int callsToMake = worker;
        counts.add(
            pool.submit(
                () -> {
                  AtomicInteger mine = new AtomicInteger();
                  SalesforceClient view =
                      shared.withCallListener(
                          call -> {
                            if (call.operation() != ApiOperation.TOKEN) {
                              mine.incrementAndGet();
                            }
                          });
                  start.await();
                  for (int i = 0; i < callsToMake; i++) {
                    view.limits();
                  }
                  return mine.get();
                }));
      }
      start.countDown();
      for (int worker = 1; worker <= 6; worker++) {
        assertThat(counts.get(worker - 1).get(30, TimeUnit.SECONDS)).isEqualTo(worker);
      }
    } finally {
      pool.shutdownNow();
    }
    // the client's own listener saw every call, the single token request included
    assertThat(all).filteredOn(c -> c.operation() == ApiOperation.LIMITS).hasSize(21);
    assertThat(all).filteredOn(c -> c.operation() == ApiOperation.TOKEN).hasSize(1);
  }
}
