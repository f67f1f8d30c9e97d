package io.github.sfactions.spring.impl;

import io.github.sfactions.client.AuthFlow;
import io.github.sfactions.client.ClientCredentialsFlow;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.client.RefreshTokenFlow;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes a connection's secrets from text shown outside (health details). The client already keeps secrets out
 * of its messages; this is the second line of defence for text from anywhere else.
 */
public final class SecretScrubber {

  /** Shorter values are too likely to occur by chance in ordinary words (and in the username). */
  private static final int MIN_LENGTH = 6;
  private static final String MASK = "***";

  private SecretScrubber() {
  }

  /** The text with every secret of {@code flow} replaced by {@code ***}. */
  public static String scrub(String text, AuthFlow flow) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets(flow)) {
      if (secret != null && secret.length() >= MIN_LENGTH) {
        result = result.replace(secret, MASK);
      }
    }
    return result;
  }

  private static List<String> secrets(AuthFlow flow) {
    List<String> secrets = new ArrayList<>();
    if (flow instanceof PasswordFlow p) {
      // the combined form first: it contains the password and would be only partly masked afterwards
      secrets.add(p.passwordWithSecurityToken());
      secrets.add(p.clientSecret());
      secrets.add(p.password());
      secrets.add(p.securityToken());
    } else if (flow instanceof RefreshTokenFlow r) {
      secrets.add(r.refreshToken());
      secrets.add(r.clientSecret());
    } else if (flow instanceof ClientCredentialsFlow c) {
      secrets.add(c.clientSecret());
    }
    return secrets;
  }
}
