package io.github.sfactions.client.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.sfactions.client.ApiUsage;
import io.github.sfactions.client.SalesforceApiException;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs REST calls with the shared token: adds the bearer header, records {@code Sforce-Limit-Info},
 * reports each HTTP call, maps errors, and on a 401 {@code INVALID_SESSION_ID} logs in once
 * (single-flight) and replays once. A GET, PATCH or DELETE that failed on a pooled connection the
 * server had closed is sent once more on a new one ({@link StaleConnections}); each attempt is
 * reported to the listener.
 */
public final class RestExecutor {

  /** Error code of a successful status whose body could not be read as expected. */
  public static final String INVALID_RESPONSE = "INVALID_RESPONSE";

  /** Most of an error body kept for parsing. */
  private static final long MAX_ERROR_BODY = 64 * 1024;

  private final OkHttpClient http;
  private final TokenManager tokens;
  private final String apiVersion;
  private final String userAgent;
  private final CallNotifier notifier;
  private final AtomicReference<ApiUsage> lastUsage;

  public RestExecutor(
      OkHttpClient http,
      TokenManager tokens,
      String apiVersion,
      String userAgent,
      CallNotifier notifier) {
    this(http, tokens, apiVersion, userAgent, notifier, new AtomicReference<>());
  }

  private RestExecutor(
      OkHttpClient http,
      TokenManager tokens,
      String apiVersion,
      String userAgent,
      CallNotifier notifier,
      AtomicReference<ApiUsage> lastUsage) {
    this.http = http;
    this.tokens = tokens;
    this.apiVersion = apiVersion;
    this.userAgent = userAgent;
    this.notifier = notifier;
    this.lastUsage = lastUsage;
  }

  /**
   * An executor sharing everything with this one (token, pool, last usage) that reports to {@code
   * notifier}.
   */
  public RestExecutor reportingTo(CallNotifier notifier) {
    return new RestExecutor(http, tokens, apiVersion, userAgent, notifier, lastUsage);
  }

  public CallNotifier notifier() {
    return notifier;
  }

  public String apiVersion() {
    return apiVersion;
  }

  public Optional<ApiUsage> lastApiUsage() {
    return Optional.ofNullable(lastUsage.get());
  }

  public <T> T execute(CallSpec spec, ResponseReader<T> reader) {
    Session session = tokens.session();
    boolean replayed = false;
    boolean reconnected = false;
    while (true) {
      HttpUrl url = spec.url().apply(dataRoot(session)).build();
      StaleConnections.Attempt attempt = new StaleConnections.Attempt();
      String path = url.encodedPath();
      Request request =
          new Request.Builder()
              .url(url)
              .method(spec.method(), spec.body())
              .header("Authorization", "Bearer " + session.accessToken())
              .header("Accept", spec.accept())
              .header("User-Agent", userAgent)
              .tag(StaleConnections.Attempt.class, attempt)
              .build();
      long start = System.nanoTime();
      Response response;
      try {
        response = http.newCall(request).execute();
      } catch (IOException e) {
        notify(spec, SalesforceApiException.NO_RESPONSE, start, true);
        if (reconnected || !StaleConnections.replay(spec.method(), spec.body(), attempt, e)) {
          throw ErrorBodies.fromIoError(spec.method(), path, e);
        }
        // The other idle connections are as old as the dead one: drop them so the replay connects
        // anew.
        http.connectionPool().evictAll();
        ClientLogger.resentOnStaleConnection(spec.method(), spec.pathTemplate(), e);
        reconnected = true;
        continue;
      } catch (RuntimeException e) {
        // e.g. the CSV source of an upload could not be read: not retryable, and no answer arrived.
        notify(spec, SalesforceApiException.NO_RESPONSE, start, false);
        throw e;
      }
      try (response) {
        ApiUsage.parse(response.header(ApiUsage.HEADER)).ifPresent(lastUsage::set);
        int status = response.code();
        if (status >= 200 && status < 300) {
          T result = readSuccess(spec, path, reader, response, start);
          notify(spec, status, start, false);
          return result;
        }
        SalesforceApiException error =
            ErrorBodies.fromResponse(spec.method(), path, status, errorBody(response));
        boolean relogin = !replayed && ErrorBodies.needsRelogin(error);
        notify(spec, status, start, relogin || error.retryable());
        if (!relogin) {
          throw error;
        }
        session = tokens.refresh(session);
        replayed = true;
      }
    }
  }

  private <T> T readSuccess(
      CallSpec spec, String path, ResponseReader<T> reader, Response response, long start) {
    try {
      return reader.read(response);
    } catch (JsonProcessingException e) {
      // A 2xx whose body is not the expected JSON (e.g. a proxy's maintenance page): transient at
      // best.
      notify(spec, response.code(), start, true);
      throw SalesforceApiException.builder(
              response.code(),
              spec.method()
                  + " "
                  + path
                  + " answered HTTP "
                  + response.code()
                  + " with a body that is not the expected JSON: "
                  + ErrorBodies.truncate(e.getOriginalMessage()))
          .errorCode(INVALID_RESPONSE)
          .method(spec.method())
          .path(path)
          .retryable(true)
          .cause(e)
          .build();
    } catch (IOException e) {
      notify(spec, SalesforceApiException.NO_RESPONSE, start, true);
      throw ErrorBodies.fromIoError(spec.method(), path, e);
    }
  }

  private HttpUrl.Builder dataRoot(Session session) {
    return session
        .instanceUrl()
        .newBuilder()
        .addPathSegment("services")
        .addPathSegment("data")
        .addPathSegment(apiVersion);
  }

  private static String errorBody(Response response) {
    try {
      return response.peekBody(MAX_ERROR_BODY).string();
    } catch (IOException unreadable) {
      return "";
    }
  }

  private void notify(CallSpec spec, int status, long start, boolean retryable) {
    notifier.notify(
        spec.method(),
        spec.pathTemplate(),
        spec.sobject(),
        spec.operation(),
        status,
        start,
        retryable);
  }
}
