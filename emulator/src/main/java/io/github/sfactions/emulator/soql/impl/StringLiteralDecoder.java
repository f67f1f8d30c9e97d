package io.github.sfactions.emulator.soql.impl;

import io.github.sfactions.emulator.soql.SoqlException;
import java.util.Arrays;

/**
 * Decodes the backslash escapes of a single-quoted SOQL string. {@code \_} and {@code \%} are legal
 * only in LIKE patterns; there, unescaped {@code %} and {@code _} become wildcards. Any other
 * backslash sequence is an error, exactly as Salesforce refuses it.
 */
final class StringLiteralDecoder {

  /** Longest string value Salesforce accepts in a WHERE clause. */
  public static final int MAX_LITERAL_LENGTH = 4000;

  /** Code for an unescaped {@code %} in a LIKE pattern. */
  public static final int ANY_SEQUENCE = -1;

  /** Code for an unescaped {@code _} in a LIKE pattern. */
  public static final int ANY_CHARACTER = -2;

  private final SourceText sourceText;

  public StringLiteralDecoder(SourceText sourceText) {
    this.sourceText = sourceText;
  }

  /** The string value of a non-LIKE literal. */
  public String decodePlain(Token token) {
    int[] codes = decode(token, false);
    StringBuilder value = new StringBuilder(codes.length);
    for (int code : codes) {
      value.append((char) code);
    }
    return value.toString();
  }

  /**
   * A LIKE pattern: characters, or {@link #ANY_SEQUENCE} / {@link #ANY_CHARACTER} for unescaped
   * wildcards.
   */
  public int[] decodeLikePattern(Token token) {
    return decode(token, true);
  }

  private int[] decode(Token token, boolean like) {
    String raw = token.text();
    int end = raw.length() - 1; // the closing quote
    int[] codes = new int[end];
    int count = 0;
    for (int i = 1; i < end; i++) {
      char c = raw.charAt(i);
      if (c != '\\') {
        codes[count++] = like && c == '%' ? ANY_SEQUENCE : like && c == '_' ? ANY_CHARACTER : c;
        continue;
      }
      char escaped = raw.charAt(i + 1);
      int decoded = simpleEscape(escaped, like);
      if (decoded >= 0) {
        codes[count++] = decoded;
        i++;
      } else if (escaped == 'u' && isHex(raw, i + 2, end)) {
        codes[count++] = Integer.parseInt(raw.substring(i + 2, i + 6), 16);
        i += 5;
      } else {
        String sequence = escaped == 'u' ? raw.substring(i, Math.min(i + 6, end)) : "\\" + escaped;
        throw sourceText.error(
            token,
            SoqlException.MALFORMED_QUERY,
            "Invalid string literal "
                + raw
                + ". Illegal character sequence '"
                + sequence
                + "' in string literal.");
      }
    }
    if (count > MAX_LITERAL_LENGTH) {
      throw sourceText.error(
          token,
          SoqlException.MALFORMED_QUERY,
          "String literal is too long: "
              + count
              + " characters, the maximum in a filter is "
              + MAX_LITERAL_LENGTH
              + ".");
    }
    return Arrays.copyOf(codes, count);
  }

  private static int simpleEscape(char escaped, boolean like) {
    return switch (escaped) {
      case 'n', 'N' -> '\n';
      case 'r', 'R' -> '\r';
      case 't', 'T' -> '\t';
      case 'b', 'B' -> '\u0007'; // Salesforce documents \b as "bell", not backspace.
      case 'f', 'F' -> '\f';
      case '"' -> '"';
      case '\'' -> '\'';
      case '\\' -> '\\';
      case '%', '_' -> like ? escaped : -1;
      default -> -1;
    };
  }

  private static boolean isHex(String raw, int from, int end) {
    if (from + 4 > end) {
      return false;
    }
    for (int i = from; i < from + 4; i++) {
      if (Character.digit(raw.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
