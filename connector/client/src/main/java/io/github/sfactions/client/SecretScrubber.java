package io.github.sfactions.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;

/**
 * Masks secrets in text shown outside (exception messages, health details): each secret as it is
 * and in its URL-encoded form (how it travels in a token request body). The one scrubber for the
 * client and every front end; each {@link AuthFlow} names its own secrets ({@link
 * AuthFlow#secrets()}).
 */
public final class SecretScrubber {

  /** Shorter values are too likely to occur by chance in ordinary words (and in the username). */
  public static final int MIN_LENGTH = 6;

  /** What a secret is replaced by. */
  public static final String MASK = "***";

  private SecretScrubber() {}

  /** The text with every secret of {@code flow} masked; null stays null. */
  public static String scrub(String text, AuthFlow flow) {
    return scrub(text, flow.secrets());
  }

  /**
   * The text with every secret (of at least {@value #MIN_LENGTH} characters) masked; null stays
   * null.
   */
  public static String scrub(String text, Collection<String> secrets) {
    if (text == null) {
      return null;
    }
    String result = text;
    // longest first: a combined form (password + security token) is masked whole, not around its
    // password
    for (String secret :
        secrets.stream()
            .filter(Objects::nonNull)
            .filter(s -> s.length() >= MIN_LENGTH)
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList()) {
      result =
          result
              .replace(secret, MASK)
              .replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), MASK);
    }
    return result;
  }
}
