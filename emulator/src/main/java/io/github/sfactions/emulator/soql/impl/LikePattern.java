package io.github.sfactions.emulator.soql.impl;

/**
 * A compiled, case-insensitive SOQL LIKE pattern. Matching is a two-pointer scan that backtracks
 * only to the last {@code %}, so it needs no regular expression and stays linear for the usual
 * prefix/suffix/contains shapes.
 */
final class LikePattern {

  private final int[] codes;

  /**
   * @param codes as produced by {@link StringLiteralDecoder#decodeLikePattern(Token)}
   */
  public LikePattern(int[] codes) {
    this.codes = codes.clone();
    for (int i = 0; i < this.codes.length; i++) {
      if (this.codes[i] >= 0) {
        this.codes[i] = TextFold.fold((char) this.codes[i]);
      }
    }
  }

  /** Whether the whole of {@code value} matches; null never matches. */
  public boolean matches(String value) {
    if (value == null) {
      return false;
    }
    int v = 0;
    int p = 0;
    int starPattern = -1;
    int starValue = 0;
    while (v < value.length()) {
      if (p < codes.length && codes[p] == StringLiteralDecoder.ANY_SEQUENCE) {
        starPattern = p++;
        starValue = v;
      } else if (p < codes.length
          && (codes[p] == StringLiteralDecoder.ANY_CHARACTER
              || codes[p] == TextFold.fold(value.charAt(v)))) {
        p++;
        v++;
      } else if (starPattern >= 0) {
        p = starPattern + 1;
        v = ++starValue;
      } else {
        return false;
      }
    }
    while (p < codes.length && codes[p] == StringLiteralDecoder.ANY_SEQUENCE) {
      p++;
    }
    return p == codes.length;
  }
}
