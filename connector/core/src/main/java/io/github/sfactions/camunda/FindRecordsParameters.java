package io.github.sfactions.camunda;

/**
 * Parameters of {@code salesforce-find-records}: look records up by matchers and report how many
 * matched. It never throws on 0 or many matches, so a gateway can branch on {@link #MATCH_COUNT}.
 */
public final class FindRecordsParameters {

  /** Input: object API name (required). */
  public static final String SOBJECT = "sobject";

  /** Input: map of field API name → value (required, not empty). */
  public static final String RECORD_MATCHERS = "recordMatchers";

  /** Input: {@code OR} (default) or {@code AND}. */
  public static final String RECORD_MATCHERS_OPERATOR = "recordMatchersOperator";

  /**
   * Input: most ids to return in {@link #RECORD_IDS} (default 200, at most 2000 = one query page).
   */
  public static final String MAX_RECORDS = "maxRecords";

  /** Input: connection name. */
  public static final String CONNECTION = "connection";

  /** Output: number of matching records (Salesforce's totalSize, may exceed the ids returned). */
  public static final String MATCH_COUNT = "matchCount";

  /**
   * Output: ids of the matching records, at most {@link #MAX_RECORDS} (JSON list; Spin JSON when
   * Spin is on).
   */
  public static final String RECORD_IDS = "recordIds";

  /** Output: the same ids as a JSON array string, usable without Spin. */
  public static final String RECORD_IDS_JSON = "recordIdsJson";

  /** Output: the Id when exactly one record matched, else null. */
  public static final String RECORD_ID = "recordId";

  /** Output: Salesforce API calls made. */
  public static final String API_CALLS = "apiCalls";

  /** Default for {@link #MAX_RECORDS}. */
  public static final int DEFAULT_MAX_RECORDS = 200;

  /** Upper bound for {@link #MAX_RECORDS}: one query page, so a lookup costs one API call. */
  public static final int MAX_MAX_RECORDS = 2000;

  private FindRecordsParameters() {}
}
