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
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * Performs one token request ({@code POST {loginUrl}/services/oauth2/token}) for the configured flow. Error
 * messages name the flow and Salesforce's {@code error}/{@code error_description}, and are scrubbed of every
 * secret the request carried.
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
    private static final int MIN_SCRUBBED_SECRET_LENGTH = 6;
    private static final String POST = "POST";

    private final OkHttpClient http;
    private final ConnectionSettings settings;
    private final CallNotifier notifier;
    private final Clock clock;

    public TokenClient(OkHttpClient http, ConnectionSettings settings, CallNotifier notifier, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Requests a new access token. */
    public Session login() {
        AuthFlow flow = settings.auth();
        List<String> secrets = new ArrayList<>();
        FormBody form = form(flow, secrets);
        HttpUrl url = HttpUrl.get(settings.loginUrl()).newBuilder().encodedPath(OAuthPaths.TOKEN).build();
        Request request = new Request.Builder().url(url).post(form)
                .header("Accept", "application/json")
                .header("User-Agent", settings.userAgent())
                .build();
        long start = System.nanoTime();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            int status = response.code();
            if (status == 200) {
                Session session;
                try {
                    session = parseSuccess(flow, text, secrets);
                } catch (SalesforceApiException unusable) {
                    notifier.notify(POST, OAuthPaths.TOKEN, null, ApiOperation.TOKEN, status, start, false);
                    throw unusable;
                }
                notifier.notify(POST, OAuthPaths.TOKEN, null, ApiOperation.TOKEN, status, start, false);
                return session;
            }
            SalesforceApiException error = loginError(flow, status, text, secrets);
            notifier.notify(POST, OAuthPaths.TOKEN, null, ApiOperation.TOKEN, status, start, error.retryable());
            throw error;
        } catch (IOException e) {
            SalesforceApiException io = ErrorBodies.fromIoError(POST, OAuthPaths.TOKEN, e);
            notifier.notify(POST, OAuthPaths.TOKEN, null, ApiOperation.TOKEN, SalesforceApiException.NO_RESPONSE,
                    start, true);
            throw SalesforceApiException.builder(io.status(), scrub("Salesforce login failed (" + flow.flowName()
                            + " flow): " + io.getMessage(), secrets))
                    .errorCode(io.errorCode()).method(POST).path(OAuthPaths.TOKEN).retryable(true).build();
        }
    }

    FormBody form(AuthFlow flow, List<String> secrets) {
        FormBody.Builder form = new FormBody.Builder();
        if (flow instanceof PasswordFlow p) {
            form.add(P_GRANT_TYPE, GRANT_PASSWORD).add(P_CLIENT_ID, p.clientId())
                    .add(P_CLIENT_SECRET, p.clientSecret()).add(P_USERNAME, p.username())
                    .add(P_PASSWORD, p.passwordWithSecurityToken());
            secrets.addAll(List.of(p.clientSecret(), p.password(), p.securityToken(), p.passwordWithSecurityToken()));
        } else if (flow instanceof RefreshTokenFlow r) {
            form.add(P_GRANT_TYPE, GRANT_REFRESH_TOKEN).add(P_REFRESH_TOKEN, r.refreshToken())
                    .add(P_CLIENT_ID, r.clientId());
            if (r.clientSecret() != null) {
                form.add(P_CLIENT_SECRET, r.clientSecret());
                secrets.add(r.clientSecret());
            }
            secrets.add(r.refreshToken());
        } else if (flow instanceof ClientCredentialsFlow c) {
            form.add(P_GRANT_TYPE, GRANT_CLIENT_CREDENTIALS).add(P_CLIENT_ID, c.clientId())
                    .add(P_CLIENT_SECRET, c.clientSecret());
            secrets.add(c.clientSecret());
        } else if (flow instanceof JwtBearerFlow j) {
            String assertion = JwtAssertions.create(j, settings.loginUrl(), clock);
            form.add(P_GRANT_TYPE, GRANT_JWT).add(P_ASSERTION, assertion);
            secrets.add(assertion);
        } else {
            throw new IllegalArgumentException("Unsupported auth flow " + flow.getClass().getName());
        }
        return form.build();
    }

    private Session parseSuccess(AuthFlow flow, String text, List<String> secrets) {
        JsonNode json;
        try {
            json = Json.read(text);
        } catch (IOException e) {
            throw malformed(flow, "the token response is not JSON");
        }
        String token = Json.text(json, "access_token");
        if (token == null || token.isBlank()) {
            throw malformed(flow, "the token response has no access_token");
        }
        secrets.add(token);
        HttpUrl instance = InstanceUrlRules.validateInstanceUrl(Json.text(json, "instance_url"),
                settings.allowLocalInstance());
        return new Session(token, instance, Json.text(json, "id"));
    }

    private SalesforceApiException malformed(AuthFlow flow, String what) {
        return SalesforceApiException.builder(200, "Salesforce login failed (" + flow.flowName() + " flow): " + what)
                .errorCode("INVALID_TOKEN_RESPONSE").method(POST).path(OAuthPaths.TOKEN).retryable(false).build();
    }

    private SalesforceApiException loginError(AuthFlow flow, int status, String text, List<String> secrets) {
        ErrorBodies.Parsed parsed = ErrorBodies.parse(status, text);
        String code = parsed.errorCode();
        String description = parsed.message();
        boolean concurrentRefresh = "invalid_grant".equals(code) && description != null
                && RETRYABLE_INVALID_GRANT.contains(description.trim());
        boolean retryable = concurrentRefresh || SalesforceApiException.isRetryable(status, null);
        StringBuilder message = new StringBuilder("Salesforce login failed (").append(flow.flowName())
                .append(" flow, client id ").append(flow.clientId()).append("): HTTP ").append(status);
        if (code != null) {
            message.append(' ').append(code);
        }
        if (description != null) {
            message.append(" - ").append(description);
        }
        if (concurrentRefresh) {
            message.append(" (concurrent token refresh; retry later)");
        }
        return SalesforceApiException.builder(status, scrub(message.toString(), secrets))
                .errorCode(code).salesforceMessage(scrub(description, secrets)).method(POST).path(OAuthPaths.TOKEN)
                .retryable(retryable).build();
    }

    /** Defence in depth: a message must never carry a secret, even if Salesforce echoed one. */
    static String scrub(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SCRUBBED_SECRET_LENGTH) {
                result = result.replace(secret, "***")
                        .replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), "***");
            }
        }
        return result;
    }
}
