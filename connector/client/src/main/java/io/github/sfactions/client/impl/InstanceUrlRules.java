package io.github.sfactions.client.impl;

import io.github.sfactions.client.AuthFlow;
import io.github.sfactions.client.SalesforceApiException;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Which URLs the client talks to (deviation 7): the instance URL and the configured login URL must
 * be {@code https} with a host ending in a Salesforce domain, checked on the parsed host (so {@code
 * https://evil.salesforce.com.attacker.io} is rejected). Loopback hosts over {@code http} or {@code
 * https} are accepted only when explicitly allowed (local emulator).
 */
public final class InstanceUrlRules {

  /** Host suffixes of Salesforce-operated domains. */
  public static final List<String> SALESFORCE_DOMAINS =
      List.of(".salesforce.com", ".force.com", ".salesforce.mil", ".sfcrmproducts.cn");

  private static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1");
  public static final String INVALID_INSTANCE_URL = "INVALID_INSTANCE_URL";

  /** The reference's message for a missing instance URL (spec §1.2). */
  public static final String EMPTY_MESSAGE =
      "Empty Salesforce instance URL. Please login through OAuth.";

  /** The reference's message for an instance URL that is not allowed (spec §1.2). */
  public static final String INVALID_MESSAGE =
      "Invalid Salesforce instance URL. Please login through OAuth again.";

  private InstanceUrlRules() {}

  /**
   * Validates the {@code instance_url} of a token response.
   *
   * @return the URL as an OkHttp {@link HttpUrl} without path, query or trailing slash semantics
   * @throws SalesforceApiException (status 400, {@value #INVALID_INSTANCE_URL}, not retryable) when
   *     rejected
   */
  public static HttpUrl validateInstanceUrl(String instanceUrl, boolean allowLocal) {
    return validateInstanceUrl(instanceUrl, allowLocal, null);
  }

  /**
   * As {@link #validateInstanceUrl(String, boolean)}; the error names {@code flow} (may be null) in
   * its fields. Its message is exactly {@value #EMPTY_MESSAGE} or {@value #INVALID_MESSAGE} (spec
   * §1.2); which rule rejected the URL is in {@link SalesforceApiException#detail()}.
   */
  public static HttpUrl validateInstanceUrl(String instanceUrl, boolean allowLocal, AuthFlow flow) {
    if (instanceUrl == null || instanceUrl.isBlank()) {
      throw invalid(EMPTY_MESSAGE, "the token response has no instance_url", flow);
    }
    HttpUrl url = HttpUrl.parse(instanceUrl.trim());
    if (url == null) {
      throw invalid(INVALID_MESSAGE, "the instance URL is not an http(s) URL", flow);
    }
    String problem = hostProblem(url, allowLocal, "the instance URL");
    if (problem != null) {
      throw invalid(INVALID_MESSAGE, problem, flow);
    }
    return root(url);
  }

  /**
   * Why {@code url} may not be talked to, or null when it may: user info, a loopback host without
   * the local opt-in, a scheme other than https, or a host outside {@link #SALESFORCE_DOMAINS}.
   */
  private static String hostProblem(HttpUrl url, boolean allowLocal, String what) {
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      return what + " carries user info, which is not allowed";
    }
    String host = url.host().toLowerCase(Locale.ROOT);
    if (isLocal(host)) {
      return allowLocal
          ? null
          : what
              + " host "
              + host
              + " is a local address, which is accepted only when"
              + " the connection allows a local instance (allowLocalInstance)";
    }
    if (!"https".equals(url.scheme())) {
      return what + " scheme must be https, got " + url.scheme() + " (host " + host + ")";
    }
    if (!isSalesforceHost(host)) {
      return what
          + " host "
          + host
          + " is not a Salesforce host (a name under "
          + String.join(", ", SALESFORCE_DOMAINS)
          + ")";
    }
    return null;
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
   * Checks a configured login URL against the instance URL's host rules: https and a Salesforce
   * host ({@code login.salesforce.com}, {@code test.salesforce.com}, {@code
   * <name>.my.salesforce.com}, {@code <name>.sandbox.my.salesforce.com} or another name under
   * {@link #SALESFORCE_DOMAINS}), or a loopback host when local instances are allowed; no path,
   * query or user info. The client id, client secret and password go to this host, so a typo must
   * not send them to a stranger.
   *
   * @return the URL without a trailing slash
   * @throws IllegalArgumentException naming the setting ({@code loginUrl}) and the rejected host;
   *     never the whole value (it could hold user info)
   */
  public static String normalizeLoginUrl(String loginUrl, boolean allowLocal) {
    if (loginUrl == null || loginUrl.isBlank()) {
      throw new IllegalArgumentException("loginUrl is required");
    }
    HttpUrl url = HttpUrl.parse(loginUrl.trim());
    if (url == null) {
      throw new IllegalArgumentException(
          "Invalid Salesforce login URL (loginUrl): not an http(s) URL, e.g. "
              + "https://login.salesforce.com");
    }
    String problem = hostProblem(url, allowLocal, "the login URL");
    if (problem != null) {
      throw new IllegalArgumentException(
          "Invalid Salesforce login URL (loginUrl): "
              + problem
              + "; use https://login.salesforce.com, https://test.salesforce.com or the org's My Domain"
              + " (https://<name>.my.salesforce.com)");
    }
    if (url.query() != null || !"/".equals(url.encodedPath())) {
      throw new IllegalArgumentException(
          "Invalid Salesforce login URL (loginUrl) for host "
              + url.host()
              + ": give only scheme, host and optional port, e.g. https://login.salesforce.com");
    }
    String text = url.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * True for {@code test.salesforce.com} and sandbox My Domain hosts ({@code
   * *.sandbox.my.salesforce.com}).
   */
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

  private static SalesforceApiException invalid(String message, String detail, AuthFlow flow) {
    return SalesforceApiException.builder(400, message)
        .exactMessage()
        .errorCode(INVALID_INSTANCE_URL)
        .detail(detail)
        .method("POST")
        .path(OAuthPaths.TOKEN)
        .authFlow(flow == null ? null : flow.flowName())
        .clientId(flow == null ? null : flow.clientId())
        .retryable(false)
        .build();
  }
}
