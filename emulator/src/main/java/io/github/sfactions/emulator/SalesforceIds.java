package io.github.sfactions.emulator;

import java.util.Locale;
import java.util.Optional;

/**
 * Salesforce record ids: 15 case-sensitive characters, or 18 whose last three characters encode the
 * case of the first 15, so that 18-character ids compare case-insensitively. The one place the
 * emulator computes checksums; tests may use it to turn a 15-character id into the 18-character
 * form the API returns.
 */
public final class SalesforceIds {
  private static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private SalesforceIds() {}

  /** Whether the text has the shape of an id: 15 or 18 ASCII letters and digits. */
  public static boolean isWellFormed(String id) {
    if (id == null || (id.length() != 15 && id.length() != 18)) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }

  /** Adds the 3-char case checksum to a 15-char id. */
  public static String to18(String id15) {
    StringBuilder sb = new StringBuilder(id15);
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int j = 0; j < 5; j++) {
        char c = id15.charAt(chunk * 5 + j);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << j;
        }
      }
      sb.append(CHECKSUM_ALPHABET.charAt(bits));
    }
    return sb.toString();
  }

  /**
   * The canonical 18-char id for 15-char (case-sensitive) or 18-char (case-insensitive) input;
   * empty when the text is not shaped like an id or an 18-char id's checksum disagrees with its own
   * letters.
   */
  public static Optional<String> normalize(String id) {
    if (!isWellFormed(id)) {
      return Optional.empty();
    }
    if (id.length() == 15) {
      return Optional.of(to18(id));
    }
    char[] restored = id.substring(0, 15).toCharArray();
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = CHECKSUM_ALPHABET.indexOf(Character.toUpperCase(id.charAt(15 + chunk)));
      if (bits < 0) {
        return Optional.empty();
      }
      for (int j = 0; j < 5; j++) {
        int pos = chunk * 5 + j;
        char c = restored[pos];
        restored[pos] =
            (bits & (1 << j)) != 0 ? Character.toUpperCase(c) : Character.toLowerCase(c);
      }
    }
    String canonical = to18(new String(restored));
    // Reject 18-char input whose checksum disagrees with its own letters (e.g. digits flagged as
    // capitals).
    return canonical.toLowerCase(Locale.ROOT).equals(id.toLowerCase(Locale.ROOT))
        ? Optional.of(canonical)
        : Optional.empty();
  }

  /** The 15-char form of an 18-char id. */
  public static String to15(String id18) {
    return id18.substring(0, 15);
  }
}
