package io.github.sfactions.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalesforceApiExceptionTest {

  @Test
  void classifiesTransientFailuresAsRetryable() {
    assertThat(SalesforceApiException.isRetryable(0, SalesforceApiException.IO_ERROR)).isTrue();
    assertThat(SalesforceApiException.isRetryable(0, SalesforceApiException.TIMEOUT)).isTrue();
    assertThat(SalesforceApiException.isRetryable(401, "INVALID_SESSION_ID")).isTrue();
    assertThat(SalesforceApiException.isRetryable(403, "REQUEST_LIMIT_EXCEEDED")).isTrue();
    assertThat(SalesforceApiException.isRetryable(408, null)).isTrue();
    assertThat(SalesforceApiException.isRetryable(429, null)).isTrue();
    assertThat(SalesforceApiException.isRetryable(500, "UNKNOWN_EXCEPTION")).isTrue();
    assertThat(SalesforceApiException.isRetryable(503, "SERVER_UNAVAILABLE")).isTrue();
    assertThat(SalesforceApiException.isRetryable(400, "UNABLE_TO_LOCK_ROW")).isTrue();
    assertThat(SalesforceApiException.isRetryable(200, "UNABLE_TO_LOCK_ROW")).isTrue();
  }

  @Test
  void classifiesValidationAndClientErrorsAsPermanent() {
    assertThat(SalesforceApiException.isRetryable(400, "REQUIRED_FIELD_MISSING")).isFalse();
    assertThat(SalesforceApiException.isRetryable(400, "DUPLICATES_DETECTED")).isFalse();
    assertThat(SalesforceApiException.isRetryable(403, "INSUFFICIENT_ACCESS")).isFalse();
    assertThat(SalesforceApiException.isRetryable(404, "NOT_FOUND")).isFalse();
    assertThat(SalesforceApiException.isRetryable(300, SalesforceApiException.MULTIPLE_CHOICES))
        .isFalse();
    assertThat(SalesforceApiException.isRetryable(200, "REQUIRED_FIELD_MISSING")).isFalse();
  }

  @Test
  void builderKeepsAllPartsAndAddsMethodAndPathToTheMessage() {
    SalesforceApiException e =
        SalesforceApiException.builder(400, "Saving failed")
            .errorCode("REQUIRED_FIELD_MISSING")
            .fields(java.util.List.of("LastName"))
            .method("POST")
            .path("/services/data/v62.0/sobjects/Lead")
            .salesforceMessage("Required fields are missing")
            .build();
    assertThat(e.getMessage()).isEqualTo("Saving failed [POST /services/data/v62.0/sobjects/Lead]");
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.fields()).containsExactly("LastName");
    assertThat(e.retryable()).isFalse();
    assertThat(e.choices()).isEmpty();
  }

  @Test
  void explicitRetryableOverridesTheDefault() {
    assertThat(SalesforceApiException.builder(401, "x").retryable(false).build().retryable())
        .isFalse();
  }
}
