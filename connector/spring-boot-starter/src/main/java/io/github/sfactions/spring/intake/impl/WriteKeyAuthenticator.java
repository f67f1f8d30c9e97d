package io.github.sfactions.spring.intake.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * Checks the write key of a request: HTTP Basic authentication with the key as user name (Segment's
 * scheme; the password is ignored). The comparison runs in constant time over SHA-256 digests, so
 * neither the key's content nor its length leaks through timing.
 */
public final class WriteKeyAuthenticator {

  private static final String BASIC = "basic ";

  private final byte[] expectedDigest;

  /** An authenticator of this key (non-empty). */
  public WriteKeyAuthenticator(String writeKey) {
    if (writeKey == null || writeKey.isEmpty()) {
      throw new IllegalArgumentException("A write key is required");
    }
    this.expectedDigest = sha256(writeKey);
  }

  /** True when the Authorization header carries the write key. */
  public boolean accepts(String authorizationHeader) {
    if (authorizationHeader == null
        || !authorizationHeader.toLowerCase(Locale.ROOT).startsWith(BASIC)) {
      return false;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorizationHeader.substring(BASIC.length()).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    String key = colon < 0 ? decoded : decoded.substring(0, colon);
    return MessageDigest.isEqual(expectedDigest, sha256(key));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
