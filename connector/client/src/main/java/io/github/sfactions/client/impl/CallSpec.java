package io.github.sfactions.client.impl;

import io.github.sfactions.client.ApiOperation;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;

/**
 * One REST call to make against the instance.
 *
 * @param method HTTP method
 * @param operation what it does (for the listener)
 * @param sobject object concerned, or null
 * @param pathTemplate path with placeholders (for the listener and metrics)
 * @param url builds the URL from a builder positioned at {@code {instance}/services/data/{version}}
 * @param body request body, null for GET/DELETE
 * @param accept value of the Accept header
 */
public record CallSpec(
    String method,
    ApiOperation operation,
    String sobject,
    String pathTemplate,
    Function<HttpUrl.Builder, HttpUrl.Builder> url,
    RequestBody body,
    String accept) {

  public static final String ACCEPT_JSON = "application/json";

  public CallSpec {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(url, "url");
    accept = accept == null ? ACCEPT_JSON : accept;
  }

  public static CallSpec json(
      String method,
      ApiOperation operation,
      String sobject,
      String pathTemplate,
      Function<HttpUrl.Builder, HttpUrl.Builder> url,
      RequestBody body) {
    return new CallSpec(method, operation, sobject, pathTemplate, url, body, ACCEPT_JSON);
  }
}
