package io.github.sfactions.client;

/**
 * One HTTP call the client made, reported to an {@link ApiCallListener} (metrics, counting calls
 * per record).
 *
 * @param method HTTP method
 * @param pathTemplate path with placeholders, e.g. {@code
 *     /services/data/{version}/sobjects/{sobject}/{id}}
 * @param sobject the object concerned, or {@code null} (query, describe global, token, bulk calls
 *     other than create)
 * @param operation what the call did
 * @param status HTTP status, or {@link SalesforceApiException#NO_RESPONSE} for I/O errors and
 *     timeouts
 * @param durationNanos wall time from sending the request to reading the response
 * @param retryable for failed calls, whether the failure is retryable; false for successful calls
 */
public record ApiCall(
    String method,
    String pathTemplate,
    String sobject,
    ApiOperation operation,
    int status,
    long durationNanos,
    boolean retryable) {

  /** True for 2xx answers. */
  public boolean successful() {
    return status >= 200 && status < 300;
  }
}
