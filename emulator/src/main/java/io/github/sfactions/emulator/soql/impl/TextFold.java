package io.github.sfactions.emulator.soql.impl;

/**
 * Case folding for SOQL's case-insensitive text comparisons. Folds char by char (upper then lower
 * case) so that a folded string keeps its length, which the LIKE matcher relies on.
 */
final class TextFold {

  private TextFold() {}

  public static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  /**
   * The folded string; the same instance when nothing changes, to spare allocations on hot paths.
   */
  public static String fold(String text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (fold(c) != c) {
        char[] chars = text.toCharArray();
        for (int j = i; j < length; j++) {
          chars[j] = fold(chars[j]);
        }
        return new String(chars);
      }
    }
    return text;
  }

  /** Whether {@code text} folds to {@code folded} (itself already folded), without allocating. */
  public static boolean equalsFolded(String text, String folded) {
    if (text.length() != folded.length()) {
      return false;
    }
    for (int i = 0; i < folded.length(); i++) {
      char c = text.charAt(i);
      if (c != folded.charAt(i) && fold(c) != folded.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
