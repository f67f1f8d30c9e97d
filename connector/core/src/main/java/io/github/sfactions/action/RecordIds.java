package io.github.sfactions.action;

/**
 * Salesforce record Ids compared as Salesforce compares them: an 18-character Id is its
 * 15-character case-sensitive Id plus a checksum of the letters' case, so both forms name one
 * record.
 */
public final class RecordIds {

  private static final int CASE_SENSITIVE_LENGTH = 15;

  private RecordIds() {}

  /** The 15-character form of an Id (shorter text is returned as it is). */
  public static String caseSensitive(String id) {
    return id.length() > CASE_SENSITIVE_LENGTH ? id.substring(0, CASE_SENSITIVE_LENGTH) : id;
  }

  /** True when both name the same record; never for text shorter than an Id. */
  public static boolean same(String a, String b) {
    return a != null
        && b != null
        && a.length() >= CASE_SENSITIVE_LENGTH
        && b.length() >= CASE_SENSITIVE_LENGTH
        && caseSensitive(a).equals(caseSensitive(b));
  }
}
