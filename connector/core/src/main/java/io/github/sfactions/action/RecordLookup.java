package io.github.sfactions.action;

import io.github.sfactions.client.QueryResult;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a matcher lookup and interprets it the reference's way (§6): exactly one record with an Id
 * continues, 0 is {@code No record found with given traits} (404), more than one is {@code Multiple
 * records returned with given traits} (300, nothing changed), a response without {@code totalSize},
 * or with {@code totalSize} 1 and no {@code records[0].Id}, is {@code Response missing expected
 * fields} ({@code Bad Response}, 400).
 */
public final class RecordLookup {

  /** Ids fetched for a lookup: one query page, so a lookup always costs exactly one API call. */
  public static final int LOOKUP_PAGE = 2000;

  private final SalesforceClient client;

  /** A lookup over this client. */
  public RecordLookup(SalesforceClient client) {
    this.client = java.util.Objects.requireNonNull(client, "client");
  }

  /**
   * All matches (up to {@code maxRecords} ids), never an error for 0 or many.
   *
   * @throws ActionException {@code Response missing expected fields} ({@code Bad Response}, 400)
   *     when the answer has no {@code totalSize}: an answer that cannot be counted is never "0
   *     matches"
   */
  public LookupResult find(
      String sobject, Map<String, ?> matchers, String operator, int maxRecords) {
    String soql = RecordMatchers.selectIdSoql(sobject, matchers, operator);
    QueryResult result;
    try {
      result = client.query(soql, maxRecords);
    } catch (SalesforceApiException e) {
      if (SalesforceApiException.INCOMPLETE_RESPONSE.equals(e.errorCode())) {
        throw new ActionException(
            ActionMessages.RESPONSE_MISSING_FIELDS,
            ActionMessages.CODE_BAD_RESPONSE,
            ActionMessages.STATUS_BAD_REQUEST);
      }
      throw e;
    }
    List<String> ids = new ArrayList<>();
    for (Map<String, Object> record : result.records()) {
      Object id = record.get("Id");
      if (id instanceof String s && !s.isEmpty()) {
        ids.add(s);
      }
      if (ids.size() >= maxRecords) {
        break;
      }
    }
    return new LookupResult(result.totalSize(), ids);
  }

  /**
   * The Id of the single matching record.
   *
   * @throws ActionException 404, 300 or 400 as the reference does
   */
  public String single(String sobject, Map<String, ?> matchers, String operator) {
    return single(find(sobject, matchers, operator, LOOKUP_PAGE));
  }

  /**
   * The Id of the single match of a lookup already run (here or in a {@link GroupLookup}), read as
   * {@link #single(String, Map, String)} reads it.
   *
   * @throws ActionException 404, 300 or 400 as the reference does
   */
  public static String single(LookupResult found) {
    if (found.matchCount() == 0) {
      throw ActionException.lookup(
          ActionMessages.NO_RECORD_FOUND,
          ActionMessages.CODE_NOT_FOUND,
          ActionMessages.STATUS_NOT_FOUND,
          0,
          List.of());
    }
    if (found.matchCount() > 1) {
      throw ActionException.lookup(
          ActionMessages.MULTIPLE_RECORDS,
          ActionMessages.CODE_MULTIPLE,
          ActionMessages.STATUS_MULTIPLE,
          found.matchCount(),
          found.recordIds());
    }
    if (found.recordIds().isEmpty()) {
      throw ActionException.lookup(
          ActionMessages.RESPONSE_MISSING_FIELDS,
          ActionMessages.CODE_BAD_RESPONSE,
          ActionMessages.STATUS_BAD_REQUEST,
          1,
          List.of());
    }
    return found.recordIds().get(0);
  }
}
