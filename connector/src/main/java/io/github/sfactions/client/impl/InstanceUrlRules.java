package io.github.sfactions.client.impl;

import io.github.sfactions.client.SalesforceApiException;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Which URLs the client talks to (deviation 7): an instance URL must be {@code https} with a host ending in a
 * Salesforce domain, checked on the parsed host (so {@code https://evil.salesforce.com.attacker.io} is rejected).
 * Loopback hosts over {@code http} or {@code https} are accepted only when explicitly allowed (local emulator).
 */
public final class InstanceUrlRules {

    /** Host suffixes of Salesforce-operated domains. */
    public static final List<String> SALESFORCE_DOMAINS =
            List.of(".salesforce.com", ".force.com", ".salesforce.mil", ".sfcrmproducts.cn");
    private static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1");
    public static final String INVALID_INSTANCE_URL = "INVALID_INSTANCE_URL";

    private InstanceUrlRules() {
    }

    /**
     * Validates the {@code instance_url} of a token response.
     *
     * @return the URL as an OkHttp {@link HttpUrl} without path, query or trailing slash semantics
     * @throws SalesforceApiException (status 400, {@value #INVALID_INSTANCE_URL}, not retryable) when rejected
     */
    public static HttpUrl validateInstanceUrl(String instanceUrl, boolean allowLocal) {
        if (instanceUrl == null || instanceUrl.isBlank()) {
            throw invalid("Empty Salesforce instance URL in the token response.");
        }
        HttpUrl url = HttpUrl.parse(instanceUrl.trim());
        if (url == null) {
            throw invalid("Invalid Salesforce instance URL (not an http(s) URL). Please login through OAuth again.");
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw invalid("Invalid Salesforce instance URL (user info is not allowed). Please login through OAuth again.");
        }
        String host = url.host().toLowerCase(Locale.ROOT);
        if (isLocal(host)) {
            if (!allowLocal) {
                throw invalid("Invalid Salesforce instance URL: host " + host
                        + " is a local address, which is accepted only when the connection allows a local instance.");
            }
            return root(url);
        }
        if (!"https".equals(url.scheme())) {
            throw invalid("Invalid Salesforce instance URL: scheme must be https. Please login through OAuth again.");
        }
        if (!isSalesforceHost(host)) {
            throw invalid("Invalid Salesforce instance URL: host " + host + " is not a Salesforce domain ("
                    + String.join(", ", SALESFORCE_DOMAINS) + "). Please login through OAuth again.");
        }
        return root(url);
    }

    /** True when {@code host} has at least one label before one of {@link #SALESFORCE_DOMAINS}. */
    public static boolean isSalesforceHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String domain : SALESFORCE_DOMAINS) {
            if (h.endsWith(domain) && h.length() > domain.length()) {
                return true;
            }
        }
        return false;
    }

    static boolean isLocal(String host) {
        return LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }

    /**
     * Checks a configured login URL: https (or a loopback host when local instances are allowed), no path, query or
     * user info. Returns it without a trailing slash.
     */
    public static String normalizeLoginUrl(String loginUrl, boolean allowLocal) {
        if (loginUrl == null || loginUrl.isBlank()) {
            throw new IllegalArgumentException("loginUrl is required");
        }
        HttpUrl url = HttpUrl.parse(loginUrl.trim());
        if (url == null) {
            throw new IllegalArgumentException("Invalid Salesforce login URL '" + loginUrl + "': not an http(s) URL");
        }
        if (!url.username().isEmpty() || !url.password().isEmpty() || url.query() != null
                || !"/".equals(url.encodedPath())) {
            throw new IllegalArgumentException("Invalid Salesforce login URL '" + url.scheme() + "://" + url.host()
                    + "...': give only scheme, host and optional port, e.g. https://login.salesforce.com");
        }
        boolean local = isLocal(url.host());
        if (local && !allowLocal) {
            throw new IllegalArgumentException("Invalid Salesforce login URL: host " + url.host()
                    + " is a local address, which is accepted only when allowLocalInstance is set");
        }
        if (!local && !"https".equals(url.scheme())) {
            throw new IllegalArgumentException("Invalid Salesforce login URL '" + loginUrl + "': scheme must be https");
        }
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** True for {@code test.salesforce.com} and sandbox My Domain hosts ({@code *.sandbox.my.salesforce.com}). */
    public static boolean isSandboxLoginUrl(String loginUrl) {
        HttpUrl url = HttpUrl.parse(loginUrl);
        if (url == null) {
            return false;
        }
        String host = url.host().toLowerCase(Locale.ROOT);
        return host.equals("test.salesforce.com") || host.endsWith(".sandbox.my.salesforce.com");
    }

    private static HttpUrl root(HttpUrl url) {
        return url.newBuilder().encodedPath("/").query(null).fragment(null).build();
    }

    private static SalesforceApiException invalid(String message) {
        return SalesforceApiException.builder(400, message).errorCode(INVALID_INSTANCE_URL).method("POST")
                .path(OAuthPaths.TOKEN).retryable(false).build();
    }
}
