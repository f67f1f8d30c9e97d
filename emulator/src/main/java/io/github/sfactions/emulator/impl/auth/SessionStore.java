package io.github.sfactions.emulator.impl.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Issued access and refresh tokens; access tokens expire after the TTL measured from last use. */
public final class SessionStore {
  /** A live access token. */
  public static final class Session {
    private final String userId;
    private final String clientId;
    private volatile long lastUsedMillis;

    Session(String userId, String clientId, long now) {
      this.userId = userId;
      this.clientId = clientId;
      this.lastUsedMillis = now;
    }

    public String userId() {
      return userId;
    }

    public String clientId() {
      return clientId;
    }
  }

  /** A refresh token's grant. */
  public record RefreshGrant(String userId, String clientId) {}

  private static final int PURGE_THRESHOLD = 10_000;

  private final SecureRandom random = new SecureRandom();
  private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
  private final Clock clock;
  private final String orgId15;
  private volatile Duration ttl;

  public SessionStore(Clock clock, String orgId15, Duration ttl) {
    this.clock = clock;
    this.orgId15 = orgId15;
    this.ttl = ttl;
  }

  public Duration ttl() {
    return ttl;
  }

  public void ttl(Duration newTtl) {
    this.ttl = newTtl;
  }

  public String issueAccessToken(String userId, String clientId) {
    String token = orgId15 + "!" + randomText(72);
    long now = clock.millis();
    sessions.put(token, new Session(userId, clientId, now));
    if (sessions.size() > PURGE_THRESHOLD) {
      // Clients that log in for every call must not grow the map without bound.
      long ttlMillis = ttl.toMillis();
      sessions.values().removeIf(s -> now - s.lastUsedMillis > ttlMillis);
    }
    return token;
  }

  public String issueRefreshToken(String userId, String clientId) {
    String token = "5Aep861" + randomText(60);
    refreshTokens.put(token, new RefreshGrant(userId, clientId));
    return token;
  }

  /** The session of a valid token, touching its last-use time; expired tokens are forgotten. */
  public Optional<Session> validate(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Session s = sessions.get(token);
    if (s == null) {
      return Optional.empty();
    }
    long now = clock.millis();
    if (now - s.lastUsedMillis > ttl.toMillis()) {
      sessions.remove(token);
      return Optional.empty();
    }
    s.lastUsedMillis = now;
    return Optional.of(s);
  }

  public Optional<RefreshGrant> refreshGrant(String token) {
    return token == null ? Optional.empty() : Optional.ofNullable(refreshTokens.get(token));
  }

  /** Revokes an access or refresh token; true when it was known. */
  public boolean revoke(String token) {
    if (token == null) {
      return false;
    }
    boolean access = sessions.remove(token) != null;
    boolean refresh = refreshTokens.remove(token) != null;
    return access || refresh;
  }

  public void revokeRefresh(String token) {
    refreshTokens.remove(token);
  }

  /**
   * Every access token becomes invalid; refresh tokens stay usable (as after a session timeout).
   */
  public void expireAll() {
    sessions.clear();
  }

  public void clearAll() {
    sessions.clear();
    refreshTokens.clear();
  }

  private String randomText(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace('-', '.');
  }
}
