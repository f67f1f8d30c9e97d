package io.github.sfactions.action;

import io.github.sfactions.client.QueryResult;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.client.Soql;
import io.github.sfactions.client.SoqlBuildException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The matcher lookups of a whole group of records of one object in a handful of queries: one {@code
 * SELECT Id, <matcher fields> FROM X WHERE f IN (...) [OR|AND g IN (...)]} per matcher shape
 * (operator and field names), split so that no query's URL grows past {@value #MAX_ENCODED_QUERY}
 * characters, then each record resolved locally to what its own lookup ({@link RecordLookup#find})
 * would have answered: the same count and ids.
 *
 * <p>Local resolution compares as SOQL's {@code =} does: text without case, {@code Id} by its
 * 15-character case-sensitive form, numbers by value, booleans exactly. Where a shared query cannot
 * stand in for the single lookups (a matcher value of another type than its field, which makes
 * Salesforce reject the whole query; a {@code null} value; more matches than one query fetches),
 * the records concerned are looked up one by one, so each gets exactly its own answer, error
 * included.
 *
 * <p>Thread-safe: holds only the client.
 */
public final class GroupLookup {

  /**
   * The longest {@code q} parameter sent, percent-encoded: well under the 16,384 bytes Salesforce
   * accepts in a request line, with room for the path and the instance host.
   */
  public static final int MAX_ENCODED_QUERY = 12_000;

  /** Records fetched by one shared query before it gives up and falls back to single lookups. */
  static final int MAX_FETCHED = 4 * RecordLookup.LOOKUP_PAGE;

  private final SalesforceClient client;
  private final RecordLookup single;

  /** Group lookups over this client. */
  public GroupLookup(SalesforceClient client) {
    this.client = Objects.requireNonNull(client, "client");
    this.single = new RecordLookup(client);
  }

  /** One record's lookup: its matchers (field to value) and operator ({@code OR} when null). */
  public record Request(Map<String, ?> matchers, String operator) {

    public Request {
      Objects.requireNonNull(matchers, "matchers");
      if (matchers.isEmpty()) {
        throw new IllegalArgumentException("A lookup needs at least one matcher");
      }
    }
  }

  /**
   * What one record's lookup answered: a result, or the failure its single lookup gets and that a
   * retry cannot mend: an {@link ActionException} (an invalid operator or field name, {@code 400})
   * or Salesforce's refusal of the query ({@link SalesforceApiException}, not retryable, e.g. a
   * value of the wrong type for its field).
   */
  public record Found(LookupResult result, RuntimeException failure) {}

  /**
   * Looks every request up; the answers are in the requests' order.
   *
   * @throws SalesforceApiException for retryable failures (the whole group is tried again)
   */
  public List<Found> find(String sobject, List<Request> requests) {
    String object = ObjectNames.validate(sobject);
    Found[] answers = new Found[requests.size()];
    Map<Shape, List<Integer>> byShape = new LinkedHashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      Request request = requests.get(i);
      Shape shape;
      try {
        shape = Shape.of(request);
        // the single query validates names and value types first, with the reference's messages
        RecordMatchers.selectIdSoql(object, request.matchers(), request.operator());
      } catch (ActionException e) {
        answers[i] = new Found(null, e);
        continue;
      }
      byShape.computeIfAbsent(shape, s -> new ArrayList<>()).add(i);
    }
    byShape.forEach(
        (shape, indexes) -> {
          for (List<Integer> chunk : chunks(object, shape, requests, indexes)) {
            resolve(object, shape, requests, chunk, answers);
          }
        });
    return List.of(answers);
  }

  private Found one(String object, Request request) {
    try {
      return new Found(
          single.find(object, request.matchers(), request.operator(), RecordLookup.LOOKUP_PAGE),
          null);
    } catch (ActionException e) {
      return new Found(null, e);
    } catch (SalesforceApiException e) {
      if (e.retryable()) {
        throw e;
      }
      return new Found(null, e);
    }
  }

  /** Splits a shape's requests into queries whose encoded length stays under the limit. */
  private static List<List<Integer>> chunks(
      String object, Shape shape, List<Request> requests, List<Integer> indexes) {
    int base = Soql.encodeURIComponent(select(object, shape, Map.of())).length();
    List<List<Integer>> chunks = new ArrayList<>();
    List<Integer> chunk = new ArrayList<>();
    Map<String, Set<String>> literals = new LinkedHashMap<>();
    int length = base;
    for (int index : indexes) {
      Map<String, String> own = new LinkedHashMap<>();
      requests.get(index).matchers().forEach((f, v) -> own.put(f, Soql.literal(v)));
      int added = encodedCost(own, literals);
      if (!chunk.isEmpty() && length + added > MAX_ENCODED_QUERY) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
        literals.clear();
        length = base;
        added = encodedCost(own, literals);
      }
      chunk.add(index);
      length += added;
      own.forEach(
          (field, literal) ->
              literals.computeIfAbsent(key(field), k -> new LinkedHashSet<>()).add(literal));
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk);
    }
    return chunks;
  }

  /**
   * What a request's literals add to a query that already holds {@code literals}: each new field's
   * {@code IN ()} and each new value, percent-encoded.
   */
  private static int encodedCost(Map<String, String> own, Map<String, Set<String>> literals) {
    int added = 0;
    for (Map.Entry<String, String> m : own.entrySet()) {
      Set<String> known = literals.get(key(m.getKey()));
      if (known == null) {
        added += Soql.encodeURIComponent(" OR " + m.getKey() + " IN ()").length();
      }
      if (known == null || !known.contains(m.getValue())) {
        added += Soql.encodeURIComponent(m.getValue() + ", ").length();
      }
    }
    return added;
  }

  private void resolve(
      String object, Shape shape, List<Request> requests, List<Integer> chunk, Found[] answers) {
    Map<String, Set<Object>> values = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (int index : chunk) {
      requests
          .get(index)
          .matchers()
          .forEach(
              (field, value) -> {
                names.putIfAbsent(key(field), field);
                values.computeIfAbsent(key(field), k -> new LinkedHashSet<>()).add(value);
              });
    }
    Map<String, Set<Object>> byName = new LinkedHashMap<>();
    values.forEach((k, v) -> byName.put(names.get(k), v));
    QueryResult result;
    try {
      result = client.query(select(object, shape, byName), MAX_FETCHED);
    } catch (SalesforceApiException e) {
      if (!e.retryable()) {
        // a value Salesforce refuses for its field fails the shared query: ask one by one, so
        // that only the record with that value gets the error
        chunk.forEach(i -> answers[i] = one(object, requests.get(i)));
        return;
      }
      throw e;
    }
    if (result.records().size() < result.totalSize()) {
      chunk.forEach(i -> answers[i] = one(object, requests.get(i)));
      return;
    }
    for (int index : chunk) {
      Request request = requests.get(index);
      int count = 0;
      List<String> ids = new ArrayList<>();
      for (Map<String, Object> record : result.records()) {
        if (matches(record, request.matchers(), shape.and())) {
          count++;
          if (record.get("Id") instanceof String id
              && !id.isEmpty()
              && ids.size() < RecordLookup.LOOKUP_PAGE) {
            ids.add(id);
          }
        }
      }
      answers[index] = new Found(new LookupResult(count, ids), null);
    }
  }

  private static String select(String object, Shape shape, Map<String, Set<Object>> values) {
    StringJoiner fields = new StringJoiner(", ");
    fields.add("Id");
    shape.fields().stream().filter(f -> !f.equals("id")).forEach(fields::add);
    StringJoiner where = new StringJoiner(shape.and() ? " AND " : " OR ");
    values.forEach((field, v) -> where.add(Soql.in(field, v)));
    String soql = "SELECT " + fields + " FROM " + Soql.sobject(object);
    return values.isEmpty() ? soql + " WHERE " : soql + " WHERE " + where;
  }

  private static boolean matches(Map<String, Object> record, Map<String, ?> matchers, boolean and) {
    for (Map.Entry<String, ?> m : matchers.entrySet()) {
      boolean equal = soqlEquals(m.getKey(), valueOf(record, m.getKey()), m.getValue());
      if (and && !equal) {
        return false;
      }
      if (!and && equal) {
        return true;
      }
    }
    return and;
  }

  private static Object valueOf(Map<String, Object> record, String field) {
    for (Map.Entry<String, Object> e : record.entrySet()) {
      if (e.getKey().equalsIgnoreCase(field)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** SOQL's {@code =} for the value types a matcher can hold. */
  static boolean soqlEquals(String field, Object stored, Object wanted) {
    if (stored == null || wanted == null) {
      return false;
    }
    if (wanted instanceof Number w && stored instanceof Number s) {
      return new BigDecimal(s.toString()).compareTo(new BigDecimal(w.toString())) == 0;
    }
    if (wanted instanceof Boolean || stored instanceof Boolean) {
      return stored.toString().equalsIgnoreCase(wanted.toString());
    }
    String a = stored.toString();
    String b = wanted.toString();
    if (field.equalsIgnoreCase("Id")) {
      return RecordIds.same(a, b);
    }
    return a.equalsIgnoreCase(b);
  }

  private static String key(String field) {
    return field.toLowerCase(Locale.ROOT);
  }

  /** What makes two lookups share a query: the operator and the field names. */
  private record Shape(boolean and, TreeSet<String> fields) {

    static Shape of(Request request) {
      boolean and = RecordMatchers.operator(request.operator()) == Soql.Junction.AND;
      TreeSet<String> fields = new TreeSet<>();
      for (String field : request.matchers().keySet()) {
        try {
          fields.add(Soql.field(field).toLowerCase(Locale.ROOT));
        } catch (SoqlBuildException e) {
          throw new ActionException(e.getMessage(), e.code(), ActionMessages.STATUS_BAD_REQUEST);
        }
      }
      // a single field is the same query whichever operator was named
      return new Shape(and && fields.size() > 1, fields);
    }
  }
}
