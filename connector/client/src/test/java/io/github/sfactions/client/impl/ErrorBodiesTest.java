package io.github.sfactions.client.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.client.SalesforceApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class ErrorBodiesTest {

  private static final String PATH = "/services/data/v62.0/sobjects/Lead";

  @Test
  void parsesSalesforceErrorArray() {
    SalesforceApiException e =
        ErrorBodies.fromResponse(
            "POST",
            PATH,
            400,
            "[{\"message\":\"Required fields are missing: [LastName]\",\"errorCode\":\"REQUIRED_FIELD_MISSING\","
                + "\"fields\":[\"LastName\"]}]");
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(e.fields()).containsExactly("LastName");
    assertThat(e.salesforceMessage()).isEqualTo("Required fields are missing: [LastName]");
    assertThat(e.method()).isEqualTo("POST");
    assertThat(e.path()).isEqualTo(PATH);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage())
        .isEqualTo(
            "POST "
                + PATH
                + " failed: HTTP 400 REQUIRED_FIELD_MISSING: "
                + "Required fields are missing: [LastName] (fields: LastName)");
  }

  @Test
  void joinsSeveralErrorsKeepingTheFirstCode() {
    SalesforceApiException e =
        ErrorBodies.fromResponse(
            "PATCH",
            PATH,
            400,
            "[{\"message\":\"a\",\"errorCode\":\"FIELD_CUSTOM_VALIDATION_EXCEPTION\",\"fields\":[]},"
                + "{\"message\":\"b\",\"errorCode\":\"INVALID_EMAIL_ADDRESS\",\"fields\":[\"Email\"]}]");
    assertThat(e.errorCode()).isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
    assertThat(e.salesforceMessage()).isEqualTo("a; b");
    assertThat(e.fields()).containsExactly("Email");
  }

  @Test
  void classifiesLimitLockAndServerErrorsAsRetryable() {
    assertThat(
            ErrorBodies.fromResponse(
                    "GET",
                    PATH,
                    403,
                    "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]")
                .retryable())
        .isTrue();
    assertThat(
            ErrorBodies.fromResponse(
                    "GET",
                    PATH,
                    403,
                    "[{\"message\":\"no\",\"errorCode\":\"INSUFFICIENT_ACCESS_OR_READONLY\"}]")
                .retryable())
        .isFalse();
    assertThat(
            ErrorBodies.fromResponse(
                    "PATCH",
                    PATH,
                    400,
                    "[{\"message\":\"unable to obtain exclusive access\",\"errorCode\":\"UNABLE_TO_LOCK_ROW\"}]")
                .retryable())
        .isTrue();
    assertThat(ErrorBodies.fromResponse("GET", PATH, 429, "").retryable()).isTrue();
    assertThat(ErrorBodies.fromResponse("GET", PATH, 503, "<html>Maintenance</html>").retryable())
        .isTrue();
    assertThat(
            ErrorBodies.fromResponse(
                    "GET", PATH, 500, "[{\"errorCode\":\"UNKNOWN_EXCEPTION\",\"message\":\"x\"}]")
                .retryable())
        .isTrue();
  }

  @Test
  void parsesOauthErrorObjects() {
    SalesforceApiException e =
        ErrorBodies.fromResponse(
            "POST",
            "/services/oauth2/token",
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}");
    assertThat(e.errorCode()).isEqualTo("invalid_grant");
    assertThat(e.salesforceMessage()).isEqualTo("authentication failure");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void parsesTheMultipleChoicesList() {
    SalesforceApiException e =
        ErrorBodies.fromResponse(
            "PATCH",
            PATH + "/Ext__c/A1",
            300,
            "[\"/services/data/v62.0/sobjects/Lead/00Q000000000001AAA\",\"/services/data/v62.0/sobjects/Lead/00Q000000000002AAA\"]");
    assertThat(e.status()).isEqualTo(300);
    assertThat(e.errorCode()).isEqualTo(SalesforceApiException.MULTIPLE_CHOICES);
    assertThat(e.choices())
        .hasSize(2)
        .allMatch(c -> c.startsWith("/services/data/v62.0/sobjects/Lead/"));
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void truncatesNonJsonBodies() {
    SalesforceApiException e = ErrorBodies.fromResponse("GET", PATH, 502, "x".repeat(5000));
    assertThat(e.errorCode()).isNull();
    assertThat(e.salesforceMessage()).hasSizeLessThan(600).endsWith("(5000 chars)");
    assertThat(e.getMessage()).startsWith("GET " + PATH + " failed: HTTP 502: xxx");
  }

  @Test
  void emptyBodyStillGivesAClearMessage() {
    assertThat(ErrorBodies.fromResponse("DELETE", PATH, 404, "").getMessage())
        .isEqualTo("DELETE " + PATH + " failed: HTTP 404");
  }

  @Test
  void reloginOnlyForAnInvalidSessionNotForTheRestApiVariant() {
    SalesforceApiException expired =
        ErrorBodies.fromResponse(
            "GET",
            PATH,
            401,
            "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
    assertThat(ErrorBodies.needsRelogin(expired)).isTrue();
    assertThat(expired.retryable()).isTrue();
    SalesforceApiException restNotAllowed =
        ErrorBodies.fromResponse(
            "GET",
            PATH,
            401,
            "[{\"message\":\"This session is not valid for use with the REST API\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
    assertThat(ErrorBodies.needsRelogin(restNotAllowed)).isFalse();
    assertThat(restNotAllowed.retryable()).isFalse();
    assertThat(
            ErrorBodies.needsRelogin(
                ErrorBodies.fromResponse(
                    "GET",
                    PATH,
                    400,
                    "[{\"message\":\"x\",\"errorCode\":\"INVALID_SESSION_ID\"}]")))
        .isFalse();
  }

  @Test
  void ioErrorsAndTimeoutsAreRetryableWithoutStatus() {
    SalesforceApiException timeout =
        ErrorBodies.fromIoError("GET", PATH, new SocketTimeoutException("timeout"));
    assertThat(timeout.status()).isZero();
    assertThat(timeout.errorCode()).isEqualTo(SalesforceApiException.TIMEOUT);
    assertThat(timeout.retryable()).isTrue();
    assertThat(timeout.getMessage()).isEqualTo("GET " + PATH + " timed out");
    SalesforceApiException refused =
        ErrorBodies.fromIoError("GET", PATH, new ConnectException("Connection refused"));
    assertThat(refused.errorCode()).isEqualTo(SalesforceApiException.IO_ERROR);
    assertThat(refused.retryable()).isTrue();
    assertThat(refused.getCause()).isInstanceOf(IOException.class);
  }
}
