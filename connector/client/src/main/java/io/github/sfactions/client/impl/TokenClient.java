package io.github.sfactions.client.impl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfactions.client.ApiOperation;
import io.github.sfactions.client.AuthFlow;
import io.github.sfactions.client.ClientCredentialsFlow;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.JwtBearerFlow;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.client.RefreshTokenFlow;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SecretScrubber;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Performs one token request ({@code POST {loginUrl}/services/oauth2/token}) for the configured
 * flow. Error messages are the reference texts of spec §1.4 (flow, client id, method, path, status
 * and the OAuth {@code error} are separate fields of the exception); they never quote the token
 * endpoint's body and are scrubbed of every secret the request or the answer carried.
 */
public final class TokenClient {

  static final String GRANT_JWT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  static final String GRANT_PASSWORD = "password";
  static final String GRANT_REFRESH_TOKEN = "refresh_token";
  static final String GRANT_CLIENT_CREDENTIALS = "client_credentials";
  static final String P_GRANT_TYPE = "grant_type";
  static final String P_CLIENT_ID = "client_id";
  static final String P_CLIENT_SECRET = "client_secret";
  static final String P_USERNAME = "username";
  static final String P_PASSWORD = "password";
  static final String P_REFRESH_TOKEN = "refresh_token";
  static final String P_ASSERTION = "assertion";

  /** Salesforce's concurrent-refresh signals: the same request will succeed if retried. */
  private static final Set<String> RETRYABLE_INVALID_GRANT =
      Set.of("token request is already being processed", "expired authorization code");

  /** Fields of a token endpoint body that hold a credential. */
  private static final List<String> TOKEN_FIELDS =
      List.of("access_token", "refresh_token", "id_token", "signature");

  /** Spec §1.4: the message of Salesforce's concurrent-refresh answers. */
  public static final String CONCURRENT_REFRESH_MESSAGE =
      "Concurrent token refresh error. This request will be retried";

  /** Spec §1.4: the message of a failed token request without {@code error_description}. */
  public static final String DEFAULT_ERROR_MESSAGE = "Failed to refresh access token";

  /** Spec §10: the code of a RetryableError. */
  public static final String RETRYABLE_ERROR = "RETRYABLE_ERROR";

  /** Error code of a 2xx token answer that holds no usable access token. */
  public static final String INVALID_TOKEN_RESPONSE = "INVALID_TOKEN_RESPONSE";

  private static final String POST = "POST";

  private final OkHttpClient http;
  private final ConnectionSettings settings;
  private final CallNotifier notifier;
  private final Clock clock;

  public TokenClient(
      OkHttpClient http, ConnectionSettings settings, CallNotifier notifier, Clock clock) {
    this.http = http;
    this.settings = settings;
    this.notifier = notifier;
    this.clock = clock;
  }

  /**
   * Requests a new access token. Any 2xx carrying an {@code access_token} is a successful login. A
   * failure is a {@link SalesforceApiException} whose message is the reference text (spec §1.4) and
   * whose fields say the rest.
   */
  public Session login() {
    AuthFlow flow = settings.auth();
    List<String> secrets = new ArrayList<>();
    FormBody form = form(flow, secrets);
    HttpUrl url =
        HttpUrl.get(settings.loginUrl()).newBuilder().encodedPath(OAuthPaths.TOKEN).build();
    Request request =
        new Request.Builder()
            .url(url)
            .post(form)
            .header("Accept", "application/json")
            .header("User-Agent", settings.userAgent())
            .build();
    long start = System.nanoTime();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      int status = response.code();
      JsonNode json = readObject(text);
      // every token the body carries is a secret, whatever the status: never echo one in a message
      secrets.addAll(tokensIn(json));
      SalesforceApiException error;
      if (status >= 200 && status < 300) {
        try {
          Session session = parseSuccess(flow, status, json, secrets);
          notifier.notify(POST, OAuthPaths.TOKEN, null, ApiOperation.TOKEN, status, start, false);
          return session;
        } catch (SalesforceApiException unusable) {
          error = unusable;
        }
      } else {
        error = loginError(flow, status, json, secrets);
      }
      notifier.notify(
          POST, OAuthPaths.TOKEN, null, ApiOperation.TOKEN, status, start, error.retryable());
      throw error;
    } catch (IOException e) {
      SalesforceApiException io = ErrorBodies.fromIoError(POST, OAuthPaths.TOKEN, e);
      notifier.notify(
          POST,
          OAuthPaths.TOKEN,
          null,
          ApiOperation.TOKEN,
          SalesforceApiException.NO_RESPONSE,
          start,
          true);
      throw SalesforceApiException.builder(
              io.status(),
              SecretScrubber.scrub(
                  "Salesforce login failed (" + flow.flowName() + " flow): " + io.getMessage(),
                  secrets))
          .errorCode(io.errorCode())
          .method(POST)
          .path(OAuthPaths.TOKEN)
          .authFlow(flow.flowName())
          .clientId(flow.clientId())
          .retryable(true)
          .build();
    }
  }

  FormBody form(AuthFlow flow, List<String> secrets) {
    secrets.addAll(flow.secrets());
    FormBody.Builder form = new FormBody.Builder();
    if (flow instanceof PasswordFlow p) {
      form.add(P_GRANT_TYPE, GRANT_PASSWORD)
          .add(P_CLIENT_ID, p.clientId())
          .add(P_CLIENT_SECRET, p.clientSecret())
          .add(P_USERNAME, p.username())
          .add(P_PASSWORD, p.passwordWithSecurityToken());
    } else if (flow instanceof RefreshTokenFlow r) {
      form.add(P_GRANT_TYPE, GRANT_REFRESH_TOKEN)
          .add(P_REFRESH_TOKEN, r.refreshToken())
          .add(P_CLIENT_ID, r.clientId());
      if (r.clientSecret() != null) {
        form.add(P_CLIENT_SECRET, r.clientSecret());
      }
    } else if (flow instanceof ClientCredentialsFlow c) {
      form.add(P_GRANT_TYPE, GRANT_CLIENT_CREDENTIALS)
          .add(P_CLIENT_ID, c.clientId())
          .add(P_CLIENT_SECRET, c.clientSecret());
    } else if (flow instanceof JwtBearerFlow j) {
      String assertion = JwtAssertions.create(j, settings.loginUrl(), clock);
      form.add(P_GRANT_TYPE, GRANT_JWT).add(P_ASSERTION, assertion);
      secrets.add(assertion);
    } else {
      throw new IllegalArgumentException("Unsupported auth flow " + flow.getClass().getName());
    }
    return form.build();
  }

  private Session parseSuccess(AuthFlow flow, int status, JsonNode json, List<String> secrets) {
    if (json == null) {
      throw malformed(flow, status, "the token response is not a JSON object");
    }
    String token = Json.text(json, "access_token");
    if (token == null || token.isBlank()) {
      throw malformed(flow, status, "the token response has no access_token");
    }
    return new Session(
        token,
        InstanceUrlRules.validateInstanceUrl(
            Json.text(json, "instance_url"), settings.allowLocalInstance(), flow),
        Json.text(json, "id"));
  }

  private static SalesforceApiException malformed(AuthFlow flow, int status, String what) {
    return SalesforceApiException.builder(
            status, "Salesforce login failed (" + flow.flowName() + " flow): " + what)
        .errorCode(INVALID_TOKEN_RESPONSE)
        .method(POST)
        .path(OAuthPaths.TOKEN)
        .authFlow(flow.flowName())
        .clientId(flow.clientId())
        .retryable(false)
        .build();
  }

  /**
   * Spec §1.4: Salesforce's two concurrent-refresh answers are {@value #CONCURRENT_REFRESH_MESSAGE}
   * ({@value #RETRYABLE_ERROR}, retryable); anything else is the {@code error_description} (or
   * {@value #DEFAULT_ERROR_MESSAGE}) with the status as code, retryable only for 5xx and 429. Only
   * the two OAuth fields are read from the body: any other content (tokens, HTML) never reaches a
   * message.
   */
  private static SalesforceApiException loginError(
      AuthFlow flow, int status, JsonNode json, List<String> secrets) {
    String error = SecretScrubber.scrub(Json.text(json, "error"), secrets);
    String description = SecretScrubber.scrub(Json.text(json, "error_description"), secrets);
    boolean concurrentRefresh =
        "invalid_grant".equals(error)
            && description != null
            && RETRYABLE_INVALID_GRANT.contains(description.trim());
    SalesforceApiException.Builder b;
    if (concurrentRefresh) {
      b =
          SalesforceApiException.builder(status, CONCURRENT_REFRESH_MESSAGE)
              .errorCode(RETRYABLE_ERROR)
              .retryable(true);
    } else {
      String message =
          description == null || description.isBlank()
              ? DEFAULT_ERROR_MESSAGE
              : ErrorBodies.truncate(description);
      b =
          SalesforceApiException.builder(status, message)
              .errorCode(String.valueOf(status))
              .retryable(status >= 500 || status == 429);
    }
    return b.exactMessage()
        .salesforceMessage(description)
        .detail(error == null ? null : "OAuth error " + error)
        .method(POST)
        .path(OAuthPaths.TOKEN)
        .authFlow(flow.flowName())
        .clientId(flow.clientId())
        .build();
  }

  /** The body as a JSON object, or null when it is empty, not JSON or not an object. */
  private static JsonNode readObject(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      JsonNode node = Json.read(text);
      return node != null && node.isObject() ? node : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  /** Values of the token fields of a token endpoint body. */
  private static List<String> tokensIn(JsonNode json) {
    List<String> tokens = new ArrayList<>();
    for (String field : TOKEN_FIELDS) {
      String value = Json.text(json, field);
      if (value != null) {
        tokens.add(value);
      }
    }
    return tokens;
  }
}
