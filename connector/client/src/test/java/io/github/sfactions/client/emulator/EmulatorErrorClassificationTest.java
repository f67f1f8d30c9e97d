package io.github.sfactions.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.emulator.EmulatorExtension;
import io.github.sfactions.emulator.FaultType;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Injected faults are retryable, validation errors are not; every error names method, path and
 * code.
 */
class EmulatorErrorClassificationTest {

  @RegisterExtension static final EmulatorExtension EMULATOR = new EmulatorExtension();

  private SalesforceEmulator emulator() {
    return EMULATOR.get();
  }

  private SalesforceApiException failure(SalesforceClient client) {
    try {
      client.create("Account", Map.of("Name", "Acme"));
    } catch (SalesforceApiException e) {
      return e;
    }
    throw new AssertionError("expected the create to fail");
  }

  private void assertRetryable(FaultType fault, int status, String errorCode) {
    try (SalesforceClient client = EmulatorClients.client(emulator())) {
      client.authenticate();
      emulator().faults().failNext(fault, 1, "POST", "/sobjects/Account", null);
      SalesforceApiException e = failure(client);
      assertThat(e.status()).as(fault.name()).isEqualTo(status);
      assertThat(e.errorCode()).as(fault.name()).isEqualTo(errorCode);
      assertThat(e.retryable()).as(fault.name()).isTrue();
      assertThat(e.method()).isEqualTo("POST");
      assertThat(e.path()).isEqualTo("/services/data/v62.0/sobjects/Account");
      assertThat(e.getMessage())
          .contains("POST /services/data/v62.0/sobjects/Account")
          .doesNotContain("Bearer");
      assertThat(client.create("Account", Map.of("Name", "Acme")).success()).isTrue();
    }
  }

  @Test
  void dailyLimitIsRetryable() {
    assertRetryable(FaultType.REQUEST_LIMIT_EXCEEDED, 403, "REQUEST_LIMIT_EXCEEDED");
  }

  @Test
  void tooManyRequestsIsRetryable() {
    assertRetryable(FaultType.TOO_MANY_REQUESTS, 429, "REQUEST_LIMIT_EXCEEDED");
  }

  @Test
  void serverErrorIsRetryable() {
    assertRetryable(FaultType.SERVER_ERROR, 500, "UNKNOWN_EXCEPTION");
  }

  @Test
  void serverUnavailableIsRetryable() {
    assertRetryable(FaultType.SERVER_UNAVAILABLE, 503, "SERVER_UNAVAILABLE");
  }

  @Test
  void lockContentionIsRetryable() {
    assertRetryable(FaultType.UNABLE_TO_LOCK_ROW, 400, "UNABLE_TO_LOCK_ROW");
  }

  @Test
  void droppedConnectionIsARetryableIoError() {
    try (SalesforceClient client = EmulatorClients.client(emulator())) {
      client.authenticate();
      emulator().faults().failNext(FaultType.DROP_CONNECTION, 1, "POST", "/sobjects/Account", null);
      SalesforceApiException e = failure(client);
      assertThat(e.status()).isZero();
      assertThat(e.retryable()).isTrue();
    }
  }

  @Test
  void noResponseIsARetryableTimeout() {
    emulator().faults().hangCap(Duration.ofSeconds(5));
    try (SalesforceClient client =
        SalesforceClient.create(
            EmulatorClients.settings(emulator(), EmulatorClients.demoPassword())
                .readTimeout(Duration.ofMillis(400))
                .build())) {
      client.authenticate();
      emulator().faults().failNext(FaultType.NO_RESPONSE, 1, "POST", "/sobjects/Account", null);
      SalesforceApiException e = failure(client);
      assertThat(e.status()).isZero();
      assertThat(e.errorCode()).isEqualTo(SalesforceApiException.TIMEOUT);
      assertThat(e.retryable()).isTrue();
    }
  }

  @Test
  void exhaustedDailyAllocationIsRetryableAndReportedInLimitInfo() {
    try (SalesforceClient client = EmulatorClients.client(emulator())) {
      client.create("Account", Map.of("Name", "One"));
      assertThat(client.lastApiUsage()).hasValueSatisfying(u -> assertThat(u.used()).isPositive());
      emulator().faults().dailyApiLimit(client.lastApiUsage().orElseThrow().used());
      SalesforceApiException e = failure(client);
      assertThat(e.status()).isEqualTo(403);
      assertThat(e.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
      assertThat(e.retryable()).isTrue();
    }
  }

  @Test
  void validationErrorsAreNotRetryable() {
    try (SalesforceClient client = EmulatorClients.client(emulator())) {
      assertThatThrownBy(() -> client.create("Lead", Map.of("Company", "Acme")))
          .isInstanceOfSatisfying(
              SalesforceApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
                assertThat(e.fields()).contains("LastName");
                assertThat(e.retryable()).isFalse();
              });
      assertThatThrownBy(() -> client.create("Account", Map.of("Name", "x", "NoSuchField__c", 1)))
          .isInstanceOfSatisfying(
              SalesforceApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
                assertThat(e.retryable()).isFalse();
              });
      assertThatThrownBy(() -> client.query("SELECT Bacon__c FROM Account", 10))
          .isInstanceOfSatisfying(
              SalesforceApiException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
                assertThat(e.retryable()).isFalse();
                assertThat(e.path()).isEqualTo("/services/data/v62.0/query/");
              });
    }
  }

  @Test
  void missingRecordsAreNotRetryable() {
    try (SalesforceClient client = EmulatorClients.client(emulator())) {
      assertThatThrownBy(() -> client.delete("Account", "001000000000000AAA"))
          .isInstanceOfSatisfying(
              SalesforceApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.retryable()).isFalse();
              });
      assertThatThrownBy(() -> client.describe("NoSuchObject__c"))
          .isInstanceOfSatisfying(
              SalesforceApiException.class, e -> assertThat(e.status()).isEqualTo(404));
      assertThatThrownBy(() -> client.get("Account", "001000000000000AAA", List.of()))
          .isInstanceOfSatisfying(
              SalesforceApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
  }

  @Test
  void limitsReportTheDailyAllocation() {
    emulator().faults().dailyApiLimit(5000);
    try (SalesforceClient client = EmulatorClients.client(emulator())) {
      client.create("Account", Map.of("Name", "One"));
      io.github.sfactions.client.OrgLimits limits = client.limits();
      assertThat(limits.dailyApiUsage())
          .hasValueSatisfying(
              u -> {
                assertThat(u.max()).isEqualTo(5000);
                assertThat(u.used()).isBetween(1L, emulator().stats().totalApiCalls());
              });
      assertThat(limits.limit("NoSuchLimit")).isEmpty();
    }
  }
}
