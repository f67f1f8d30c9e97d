package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.V;
import static io.github.sfactions.emulator.SfHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsAndLimitsTest {
  @RegisterExtension static EmulatorExtension emulator = new EmulatorExtension();
  SfHttp http;

  @BeforeEach
  void login() {
    http = new SfHttp(emulator.get()).login();
  }

  @Test
  void dailyLimitGives403AfterwardsAndHeaderCountsUsage() {
    emulator.get().faults().dailyApiLimit(5);
    for (int i = 1; i <= 5; i++) {
      SfHttp.Res r = http.get(V + "/limits");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Sforce-Limit-Info")).isEqualTo("api-usage=" + i + "/5");
    }
    SfHttp.Res over = http.get(V + "/sobjects");
    assertThat(over.status()).isEqualTo(403);
    assertThat(over.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
    assertThat(over.json().get(0).get("message").asText())
        .isEqualTo("TotalRequests Limit exceeded.");
    emulator.get().faults().dailyApiLimit(100);
    assertThat(http.get(V + "/limits").status()).isEqualTo(200);
    assertThat(emulator.get().stats().rejectedByLimit()).isEqualTo(1);
  }

  @Test
  void tokenRequestsAreCountedSeparately() {
    assertThat(emulator.get().stats().tokenRequests()).isEqualTo(1);
    assertThat(emulator.get().stats().totalApiCalls()).isZero();
  }

  @Test
  void failNextInjectsEachFailureTypeThenRecovers() {
    emulator.get().faults().failNext(FaultType.SERVER_UNAVAILABLE, 1);
    SfHttp.Res r = http.get(V + "/sobjects");
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.errorCode()).isEqualTo("SERVER_UNAVAILABLE");
    assertThat(http.get(V + "/sobjects").status()).isEqualTo(200);
    emulator.get().faults().failNext(FaultType.SERVER_ERROR, 1);
    assertThat(http.get(V + "/sobjects").status()).isEqualTo(500);
    emulator.get().faults().failNext(FaultType.UNABLE_TO_LOCK_ROW, 1);
    assertThat(http.get(V + "/sobjects").errorCode()).isEqualTo("UNABLE_TO_LOCK_ROW");
    emulator.get().faults().failNext(FaultType.TOO_MANY_REQUESTS, 1);
    assertThat(http.get(V + "/sobjects").status()).isEqualTo(429);
    emulator.get().faults().failNext(FaultType.INVALID_SESSION, 1);
    assertThat(http.get(V + "/sobjects").status()).isEqualTo(401);
    assertThat(http.get(V + "/sobjects").status()).isEqualTo(200);
  }

  @Test
  void faultsMatchOnMethodPathAndObjectAndDoNotWrite() {
    emulator.get().faults().failNext(FaultType.SERVER_UNAVAILABLE, 1, "POST", null, "Case");
    assertThat(http.post(V + "/sobjects/Account", map("Name", "A")).status()).isEqualTo(201);
    assertThat(http.post(V + "/sobjects/Case", map("Subject", "x")).status()).isEqualTo(503);
    assertThat(emulator.get().records("Case")).isEmpty();
    assertThat(http.post(V + "/sobjects/Case", map("Subject", "x")).status()).isEqualTo(201);
  }

  @Test
  void rateOneFailsEveryRequestUntilCleared() {
    emulator.get().faults().fail(FaultType.SERVER_ERROR, 1.0);
    assertThat(http.get(V + "/sobjects").status()).isEqualTo(500);
    assertThat(http.get(V + "/sobjects").status()).isEqualTo(500);
    emulator.get().faults().clear();
    assertThat(http.get(V + "/sobjects").status()).isEqualTo(200);
  }

  @Test
  void droppedConnectionGivesAnIoErrorNotAnAnswer() {
    // POST: the JDK client silently retries an idempotent GET once on a dropped connection.
    emulator.get().faults().failNext(FaultType.DROP_CONNECTION, 1);
    assertThatThrownBy(() -> http.post(V + "/sobjects/Case", map("Subject", "x")))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(emulator.get().records("Case")).isEmpty();
    assertThat(http.get(V + "/sobjects").status()).isEqualTo(200);
  }

  @Test
  void responseThatNeverComesTimesOutTheClientAndFreesTheServer() {
    emulator.get().faults().hangCap(Duration.ofSeconds(2)).failNext(FaultType.NO_RESPONSE, 18);
    for (int i = 0; i < 18; i++) {
      java.net.http.HttpRequest req =
          http.authed(V + "/sobjects").timeout(Duration.ofMillis(100)).GET().build();
      assertThatThrownBy(
              () -> http.client.send(req, java.net.http.HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(HttpTimeoutException.class);
    }
    // 18 hanging requests exceed the 16 server threads: an answer proves no thread is held.
    assertThat(http.get(V + "/sobjects").status()).isEqualTo(200);
  }

  @Test
  void droppedConnectionAfterProcessingLeavesTheCreateInPlaceWithoutAnAnswer() {
    emulator
        .get()
        .faults()
        .failNext(FaultType.DROP_CONNECTION_AFTER_PROCESSING, 1, "POST", "/sobjects/Case", null);
    assertThatThrownBy(() -> http.post(V + "/sobjects/Case", map("Subject", "applied")))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(emulator.get().records("Case"))
        .singleElement()
        .satisfies(c -> assertThat(c).containsEntry("Subject", "applied"));
    assertThat(emulator.get().stats().byOperation()).containsEntry("create", 1L);
    assertThat(emulator.get().requests()).last().extracting(RecordedRequest::status).isEqualTo(0);
    // the rule was used up: the next create answers
    assertThat(http.post(V + "/sobjects/Case", map("Subject", "answered")).status()).isEqualTo(201);
  }

  @Test
  void responseLostAfterProcessingTimesOutTheClientWhileTheUpdateTookEffect() {
    String id = http.post(V + "/sobjects/Account", map("Name", "Before")).json().get("id").asText();
    emulator
        .get()
        .faults()
        .hangCap(Duration.ofSeconds(1))
        .failNext(FaultType.NO_RESPONSE_AFTER_PROCESSING, 1, "PATCH", "/sobjects/Account", null);
    java.net.http.HttpRequest update =
        http.authed(V + "/sobjects/Account/" + id)
            .timeout(Duration.ofMillis(200))
            .header("Content-Type", "application/json")
            .method(
                "PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"Name\": \"After\"}"))
            .build();

    assertThatThrownBy(
            () -> http.client.send(update, java.net.http.HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);

    assertThat(emulator.get().record("Account", id))
        .hasValueSatisfying(a -> assertThat(a).containsEntry("Name", "After"));
    assertThat(http.patch(V + "/sobjects/Account/" + id, map("Name", "Again")).status())
        .isEqualTo(204);
  }

  @Test
  void afterProcessingFaultsNeverFireBeforeProcessing() {
    emulator.get().faults().fail(FaultType.DROP_CONNECTION_AFTER_PROCESSING, 1.0);
    for (int i = 0; i < 3; i++) {
      int n = i;
      assertThatThrownBy(() -> http.post(V + "/sobjects/Case", map("Subject", "c" + n)))
          .isInstanceOf(UncheckedIOException.class);
    }
    assertThat(emulator.get().records("Case")).hasSize(3);
    emulator.get().faults().clear();
    assertThat(http.get(V + "/sobjects").status()).isEqualTo(200);
  }

  @Test
  void tokenEndpointAnswerIsLostOnlyUnderARuleNamingItsPath() {
    emulator.get().faults().fail(FaultType.DROP_CONNECTION_AFTER_PROCESSING, 1.0);
    SfHttp other = new SfHttp(emulator.get());
    assertThat(other.login().token).isNotBlank();
    emulator.get().faults().clear();
    emulator
        .get()
        .faults()
        .failNext(
            FaultType.DROP_CONNECTION_AFTER_PROCESSING, 1, "POST", "/services/oauth2/token", null);
    assertThatThrownBy(other::login).isInstanceOf(UncheckedIOException.class);
    assertThat(emulator.get().stats().tokenRequests()).isEqualTo(3);
    assertThat(other.login().token).isNotBlank();
  }

  @Test
  void latencyDelaysResponses() throws IOException {
    emulator.get().faults().latency(Duration.ofMillis(300));
    long start = System.nanoTime();
    assertThat(http.get(V + "/sobjects").status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    emulator.get().faults().clearLatency().latency(Duration.ofMillis(10), Duration.ofMillis(20));
    assertThat(emulator.get().faults().current().latency().maxMs()).isEqualTo(20);
  }

  @Test
  void faultsApplyToTheTokenEndpointToo() {
    emulator
        .get()
        .faults()
        .failNext(FaultType.SERVER_UNAVAILABLE, 1, null, "/services/oauth2/token", null);
    SfHttp other = new SfHttp(emulator.get());
    assertThatThrownBy(other::login).hasMessageContaining("login failed");
    assertThat(other.login().token).isNotBlank();
  }

  @Test
  void unknownFaultTypeIsRejected() {
    assertThatThrownBy(
            () ->
                emulator
                    .get()
                    .faults()
                    .add(new EmulatorConfig.FaultRule("EXPLODE", null, 1, null, null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EXPLODE");
    assertThat(emulator.get().faults().current().rules()).isEqualTo(List.of());
  }
}
