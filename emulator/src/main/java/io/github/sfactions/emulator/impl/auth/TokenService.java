package io.github.sfactions.emulator.impl.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The OAuth 2.0 token flows: password, refresh_token, client_credentials and JWT bearer, with
 * Salesforce's response fields and error pairs.
 */
public final class TokenService {
  public static final String GRANT_PASSWORD = "password";
  public static final String GRANT_REFRESH = "refresh_token";
  public static final String GRANT_CLIENT_CREDENTIALS = "client_credentials";
  public static final String GRANT_JWT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  public static final String P_GRANT_TYPE = "grant_type";
  public static final String P_CLIENT_ID = "client_id";
  public static final String P_CLIENT_SECRET = "client_secret";
  public static final String P_USERNAME = "username";
  public static final String P_PASSWORD = "password";
  public static final String P_REFRESH_TOKEN = "refresh_token";
  public static final String P_ASSERTION = "assertion";
  private static final long JWT_CLOCK_SKEW_MILLIS = 60_000;
  private static final java.util.regex.Pattern NUMERIC_DATE =
      java.util.regex.Pattern.compile("\\d{1,12}(\\.\\d+)?");

  private final UserDirectory users;
  private final ConnectedApps apps;
  private final SessionStore sessions;
  private final Clock clock;
  private final String orgId18;
  private final Supplier<List<String>> loginUrls;

  public TokenService(
      UserDirectory users,
      ConnectedApps apps,
      SessionStore sessions,
      Clock clock,
      String orgId18,
      Supplier<List<String>> loginUrls) {
    this.users = users;
    this.apps = apps;
    this.sessions = sessions;
    this.clock = clock;
    this.orgId18 = orgId18;
    this.loginUrls = loginUrls;
  }

  /**
   * Runs the token flow the parameters name.
   *
   * @param params form and query parameters merged
   * @param basicClient client id and secret from HTTP Basic, or null
   * @param endpoints the URLs of the listener the client came in on (HTTP or HTTPS)
   */
  public Map<String, Object> token(
      Map<String, String> params, String[] basicClient, Endpoints endpoints) {
    String grant = params.get(P_GRANT_TYPE);
    String clientId = params.get(P_CLIENT_ID);
    String secret = params.get(P_CLIENT_SECRET);
    if (basicClient != null) {
      clientId = clientId == null ? basicClient[0] : clientId;
      secret = secret == null ? basicClient[1] : secret;
    }
    if (grant == null) {
      throw new OAuthError("unsupported_grant_type", "grant type not supported");
    }
    return switch (grant) {
      case GRANT_PASSWORD -> password(clientId, secret, params, endpoints);
      case GRANT_REFRESH -> refresh(clientId, secret, params, endpoints);
      case GRANT_CLIENT_CREDENTIALS -> clientCredentials(clientId, secret, endpoints);
      case GRANT_JWT -> jwtBearer(params.get(P_ASSERTION), endpoints);
      default -> throw new OAuthError("unsupported_grant_type", "grant type not supported");
    };
  }

  private ConnectedApps.App client(String clientId, String secret, boolean secretRequired) {
    ConnectedApps.App app =
        apps.byClientId(clientId)
            .orElseThrow(() -> new OAuthError("invalid_client_id", "client identifier invalid"));
    if ((secret == null && secretRequired)
        || (secret != null && !constantTimeEquals(secret, app.clientSecret()))) {
      throw new OAuthError("invalid_client", "invalid client credentials");
    }
    return app;
  }

  private Map<String, Object> password(
      String clientId, String secret, Map<String, String> params, Endpoints endpoints) {
    ConnectedApps.App app = client(clientId, secret, true);
    UserDirectory.OrgUser user =
        authenticate(params.get(P_USERNAME), params.get(P_PASSWORD))
            .orElseThrow(TokenService::authenticationFailure);
    return response(app, user, "api", null, endpoints);
  }

  /**
   * The user whose password plus security token is {@code given} (password grant and SOAP login()).
   */
  public java.util.Optional<UserDirectory.OrgUser> authenticate(String username, String given) {
    return users
        .byUsername(username)
        .filter(
            u ->
                given != null
                    && constantTimeEquals(
                        given,
                        u.password() + (u.securityToken() == null ? "" : u.securityToken())));
  }

  /** A session for a SOAP login(): an access token of the org's first connected app. */
  public String issueSession(UserDirectory.OrgUser user) {
    return sessions.issueAccessToken(user.id(), apps.defaultApp().clientId());
  }

  private Map<String, Object> refresh(
      String clientId, String secret, Map<String, String> params, Endpoints endpoints) {
    ConnectedApps.App app = client(clientId, secret, false);
    String token = params.get(P_REFRESH_TOKEN);
    SessionStore.RefreshGrant grant =
        sessions
            .refreshGrant(token)
            .filter(g -> g.clientId().equals(app.clientId()))
            .orElseThrow(() -> new OAuthError("invalid_grant", "expired access/refresh token"));
    UserDirectory.OrgUser user =
        users
            .byId(grant.userId())
            .orElseThrow(() -> new OAuthError("invalid_grant", "expired access/refresh token"));
    String newRefresh = null;
    if (app.rotateRefreshTokens()) {
      sessions.revokeRefresh(token);
      newRefresh = sessions.issueRefreshToken(user.id(), app.clientId());
    }
    return response(app, user, "api refresh_token", newRefresh, endpoints);
  }

  private Map<String, Object> clientCredentials(
      String clientId, String secret, Endpoints endpoints) {
    ConnectedApps.App app = client(clientId, secret, true);
    if (app.runAsUsername() == null) {
      throw new OAuthError("invalid_grant", "no client credentials user enabled");
    }
    UserDirectory.OrgUser user =
        users
            .byUsername(app.runAsUsername())
            .orElseThrow(
                () -> new OAuthError("invalid_grant", "no client credentials user enabled"));
    return response(app, user, "api", null, endpoints);
  }

  private Map<String, Object> jwtBearer(String assertion, Endpoints endpoints) {
    if (assertion == null || assertion.isBlank()) {
      throw new OAuthError("invalid_grant", "invalid assertion");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(assertion);
      claims = claimsWithNumericExp(jwt);
    } catch (ParseException e) {
      throw new OAuthError("invalid_grant", "invalid assertion");
    }
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new OAuthError("invalid_grant", "invalid assertion");
    }
    ConnectedApps.App app =
        apps.byClientId(claims.getIssuer())
            .orElseThrow(() -> new OAuthError("invalid_client_id", "client identifier invalid"));
    if (app.jwtKey() == null) {
      throw new OAuthError("invalid_grant", "invalid assertion");
    }
    try {
      if (!jwt.verify(new RSASSAVerifier((RSAPublicKey) app.jwtKey()))) {
        throw new OAuthError("invalid_grant", "invalid assertion");
      }
    } catch (JOSEException | ClassCastException e) {
      throw new OAuthError("invalid_grant", "invalid assertion");
    }
    List<String> audience = claims.getAudience();
    List<String> accepted =
        new java.util.ArrayList<>(
            List.of("https://login.salesforce.com", "https://test.salesforce.com"));
    accepted.addAll(loginUrls.get());
    if (audience == null
        || audience.stream().map(TokenService::trimSlash).noneMatch(accepted::contains)) {
      throw new OAuthError("invalid_grant", "Audience validation failed");
    }
    Date exp = claims.getExpirationTime();
    if (exp == null || exp.getTime() + JWT_CLOCK_SKEW_MILLIS < clock.millis()) {
      throw new OAuthError("invalid_grant", "invalid assertion");
    }
    UserDirectory.OrgUser user =
        users
            .byUsername(claims.getSubject())
            .orElseThrow(
                () -> new OAuthError("invalid_grant", "user hasn't approved this consumer"));
    return response(app, user, "api", null, endpoints);
  }

  /**
   * The claims, with an {@code exp} given as a numeric string ({@code "exp": "1333685628"}, as in
   * Salesforce's own JWT bearer example) read as the number it spells; any other string fails.
   */
  private static JWTClaimsSet claimsWithNumericExp(SignedJWT jwt) throws ParseException {
    Map<String, Object> json = jwt.getPayload().toJSONObject();
    if (json == null) {
      throw new ParseException("payload is not a JSON object", 0);
    }
    Object exp = json.get(JWTClaimNames.EXPIRATION_TIME);
    if (exp instanceof String s) {
      if (!NUMERIC_DATE.matcher(s.trim()).matches()) {
        throw new ParseException("exp is not a NumericDate", 0);
      }
      Map<String, Object> copy = new LinkedHashMap<>(json);
      copy.put(JWTClaimNames.EXPIRATION_TIME, (long) Double.parseDouble(s.trim()));
      return JWTClaimsSet.parse(copy);
    }
    return JWTClaimsSet.parse(json);
  }

  private static String trimSlash(String s) {
    return s != null && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static OAuthError authenticationFailure() {
    return new OAuthError("invalid_grant", "authentication failure");
  }

  /** Issues a refresh token for tests (Salesforce gives them only through the web-server flow). */
  public String issueRefreshToken(String username, String clientId) {
    UserDirectory.OrgUser user =
        users
            .byUsername(username)
            .orElseThrow(() -> new IllegalArgumentException("Unknown user: " + username));
    ConnectedApps.App app =
        clientId == null
            ? apps.defaultApp()
            : apps.byClientId(clientId)
                .orElseThrow(
                    () -> new IllegalArgumentException("Unknown connected app: " + clientId));
    return sessions.issueRefreshToken(user.id(), app.clientId());
  }

  public String identityUrl(String userId, Endpoints endpoints) {
    return endpoints.loginUrl() + "/id/" + orgId18 + "/" + userId;
  }

  private Map<String, Object> response(
      ConnectedApps.App app,
      UserDirectory.OrgUser user,
      String scope,
      String refreshToken,
      Endpoints endpoints) {
    String id = identityUrl(user.id(), endpoints);
    String issuedAt = Long.toString(clock.millis());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("access_token", sessions.issueAccessToken(user.id(), app.clientId()));
    if (refreshToken != null) {
      out.put("refresh_token", refreshToken);
    }
    out.put("signature", sign(id + issuedAt, app.clientSecret()));
    out.put("scope", scope);
    out.put("instance_url", endpoints.instanceUrl());
    out.put("id", id);
    out.put("token_type", "Bearer");
    out.put("issued_at", issuedAt);
    return out;
  }

  static String sign(String data, String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
