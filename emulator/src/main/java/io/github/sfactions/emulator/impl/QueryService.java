package io.github.sfactions.emulator.impl;

import io.github.sfactions.emulator.impl.store.ObjectTable;
import io.github.sfactions.emulator.impl.store.OrgStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs queries and pages their results: the first page holds up to the batch size, the rest stays
 * behind a query locator ({@code nextRecordsUrl = /query/{locator}-{offset}}). Cursors are bounded.
 */
public final class QueryService {
  public static final int DEFAULT_BATCH = 2000;
  public static final int MIN_BATCH = 200;
  private static final int MAX_CURSORS = 500;

  /** Rows (references to immutable snapshots) all cursors together may hold. */
  private static final long MAX_HELD_ROWS = 5_000_000;

  private static final String LOCATOR_PREFIX = "01g";

  /** The matched snapshots of a query; pages are projected when they are served. */
  private record Cursor(
      List<Map<String, Object>> rows,
      String object,
      List<String> fields,
      List<QueryPlan.Child> children) {}

  private final OrgStore store;
  private final QueryParser parser;
  private final Ids ids = new Ids();
  private final LinkedHashMap<String, Cursor> cursors = new LinkedHashMap<>();
  private long heldRows;

  public QueryService(OrgStore store, QueryParser parser) {
    this.store = store;
    this.parser = parser;
  }

  /** A query answer: the queried object and the response body. */
  public record Result(String object, Map<String, Object> body) {}

  /** Parses and checks SOQL (errors as the query endpoint answers them). */
  public QueryPlan plan(String soql) {
    if (soql == null || soql.isBlank()) {
      throw ApiException.badRequest(
          ErrorCodes.MALFORMED_QUERY, "unexpected token: <EOF>", List.of());
    }
    return parser.parse(soql);
  }

  /** The matching rows (unprojected), deleted ones too for {@code includeDeleted}. */
  public List<Map<String, Object>> rows(QueryPlan plan, boolean includeDeleted) {
    ObjectTable table = store.table(plan.objectName());
    return plan.apply(includeDeleted ? table.all() : table.live(), this::liveRecords);
  }

  /** Runs the SOQL; {@code includeDeleted} for queryAll. */
  public Result query(String soql, boolean includeDeleted, int batchSize, String apiVersion) {
    if (soql == null || soql.isBlank()) {
      throw ApiException.badRequest(
          ErrorCodes.MALFORMED_QUERY, "unexpected token: <EOF>", List.of());
    }
    QueryPlan plan = parser.parse(soql);
    ObjectTable table = store.table(plan.objectName());
    List<Map<String, Object>> source = includeDeleted ? table.all() : table.live();
    if (plan.isAggregate()) {
      return new Result(
          plan.objectName(), aggregateAnswer(plan.aggregate(source, this::liveRecords)));
    }
    List<Map<String, Object>> matched = plan.apply(source, this::liveRecords);
    if (plan.isCount()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("totalSize", matched.size());
      out.put("done", true);
      out.put("records", List.of());
      return new Result(plan.objectName(), out);
    }
    Cursor cursor = new Cursor(matched, plan.objectName(), plan.selectFields(), plan.children());
    return new Result(plan.objectName(), page(cursor, 0, batchSize, apiVersion, null));
  }

  /**
   * The answer of a GROUP BY / aggregate query: all rows at once as {@code AggregateResult}s, since
   * Salesforce gives aggregate queries no query locator; more rows than one batch is an error.
   */
  private static Map<String, Object> aggregateAnswer(List<Map<String, Object>> rows) {
    if (rows.size() > DEFAULT_BATCH) {
      throw ApiException.badRequest(
          ErrorCodes.EXCEEDED_ID_LIMIT,
          "Aggregate query does not support"
              + " queryMore(), use LIMIT to restrict the results to a single batch",
          List.of());
    }
    List<Map<String, Object>> records = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("attributes", Map.of("type", "AggregateResult"));
      record.putAll(row);
      records.add(record);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("totalSize", records.size());
    out.put("done", true);
    out.put("records", records);
    return out;
  }

  /** The next page behind a {@code locator-offset} segment. */
  public Map<String, Object> more(String segment, int batchSize, String apiVersion) {
    int dash = segment.lastIndexOf('-');
    Cursor cursor = dash < 0 ? null : cursor(segment.substring(0, dash));
    int offset;
    try {
      offset = dash < 0 ? -1 : Integer.parseInt(segment.substring(dash + 1));
    } catch (NumberFormatException e) {
      offset = -1;
    }
    if (cursor == null || offset < 0 || offset > cursor.rows().size()) {
      throw ApiException.badRequest(
          ErrorCodes.INVALID_QUERY_LOCATOR, "invalid query locator", List.of());
    }
    return page(cursor, offset, batchSize, apiVersion, segment.substring(0, dash));
  }

  public String objectOfLocator(String segment) {
    int dash = segment.lastIndexOf('-');
    Cursor c = dash < 0 ? null : cursor(segment.substring(0, dash));
    return c == null ? null : c.object();
  }

  private synchronized Cursor cursor(String locator) {
    return cursors.get(locator);
  }

  private Map<String, Object> page(
      Cursor cursor, int offset, int batchSize, String apiVersion, String existingLocator) {
    List<Map<String, Object>> rows = cursor.rows();
    int end = Math.min(rows.size(), offset + batchSize);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("totalSize", rows.size());
    boolean done = end >= rows.size();
    out.put("done", done);
    if (!done) {
      String locator = existingLocator != null ? existingLocator : register(cursor);
      out.put("nextRecordsUrl", "/services/data/v" + apiVersion + "/query/" + locator + "-" + end);
    }
    List<Map<String, Object>> pageRows = rows.subList(offset, end);
    List<Map<String, Object>> records = new ArrayList<>(end - offset);
    for (Map<String, Object> r : pageRows) {
      records.add(projectWithParents(cursor.object(), cursor.fields(), r, apiVersion));
    }
    for (QueryPlan.Child child : cursor.children()) {
      addChildren(child, pageRows, records, apiVersion);
    }
    out.put("records", records);
    return out;
  }

  /**
   * Nests one child subquery's result under each record of a page, as Salesforce does: {@code
   * "Contacts": {"totalSize": n, "done": true, "records": [...]}}, or null when a parent has none.
   * The child table is scanned once per page, not once per parent.
   */
  private void addChildren(
      QueryPlan.Child child,
      List<Map<String, Object>> pageRows,
      List<Map<String, Object>> records,
      String apiVersion) {
    Map<String, List<Map<String, Object>>> byParent = new HashMap<>();
    for (Map<String, Object> r : pageRows) {
      byParent.put((String) r.get("Id"), new ArrayList<>());
    }
    String childObject = child.plan().objectName();
    for (Map<String, Object> c : store.table(childObject).live()) {
      Object parentId = c.get(child.referenceField());
      List<Map<String, Object>> siblings =
          parentId == null ? null : byParent.get(parentId.toString());
      if (siblings != null) {
        siblings.add(c);
      }
    }
    for (int i = 0; i < pageRows.size(); i++) {
      List<Map<String, Object>> matched =
          child.plan().apply(byParent.get((String) pageRows.get(i).get("Id")), this::liveRecords);
      Map<String, Object> nested = null;
      if (!matched.isEmpty()) {
        List<Map<String, Object>> childRecords = new ArrayList<>(matched.size());
        for (Map<String, Object> c : matched) {
          childRecords.add(
              projectWithParents(childObject, child.plan().selectFields(), c, apiVersion));
        }
        nested = new LinkedHashMap<>();
        nested.put("totalSize", childRecords.size());
        nested.put("done", true);
        nested.put("records", childRecords);
      }
      records.get(i).put(child.relationshipName(), nested);
    }
  }

  /** The live records of an object, read by semi-joins. */
  private java.util.Collection<Map<String, Object>> liveRecords(String object) {
    return store.table(object).live();
  }

  /**
   * Keeps the cursor for later pages; the oldest cursors go when too many or too many rows are
   * held.
   */
  private synchronized String register(Cursor cursor) {
    String locator = ids.newId(LOCATOR_PREFIX);
    cursors.put(locator, cursor);
    heldRows += cursor.rows().size();
    Iterator<Map.Entry<String, Cursor>> oldest = cursors.entrySet().iterator();
    while ((cursors.size() > MAX_CURSORS || heldRows > MAX_HELD_ROWS) && cursors.size() > 1) {
      Map.Entry<String, Cursor> e = oldest.next();
      heldRows -= e.getValue().rows().size();
      oldest.remove();
    }
    return locator;
  }

  public synchronized void clear() {
    cursors.clear();
    heldRows = 0;
  }

  /**
   * As {@link #project}, with parent relationship fields ({@code Account.Name}) nested the way
   * Salesforce answers them: {@code "Account": {"attributes": {...}, "Name": "Acme"}}, or {@code
   * "Account": null} when the reference is empty.
   */
  public Map<String, Object> projectWithParents(
      String object, List<String> fields, Map<String, Object> row, String apiVersion) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("attributes", attributes(object, (String) row.get("Id"), apiVersion));
    for (String f : fields) {
      int dot = f.indexOf('.');
      if (dot < 0) {
        out.put(f, row.get(f));
        continue;
      }
      String rel = f.substring(0, dot);
      Map<String, Object> parent = parentRow(object, rel, row);
      if (parent == null) {
        out.put(rel, null);
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> nested =
          (Map<String, Object>)
              out.computeIfAbsent(
                  rel,
                  k -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put(
                        "attributes",
                        attributes(
                            parentObject(object, rel), (String) parent.get("Id"), apiVersion));
                    return m;
                  });
      nested.put(f.substring(dot + 1), parent.get(f.substring(dot + 1)));
    }
    return out;
  }

  /**
   * One selected value, following a parent relationship for {@code Rel.Field} (Bulk API 2.0 CSV
   * columns).
   */
  public Object value(String object, Map<String, Object> row, String field) {
    int dot = field.indexOf('.');
    if (dot < 0) {
      return row.get(field);
    }
    Map<String, Object> parent = parentRow(object, field.substring(0, dot), row);
    return parent == null ? null : parent.get(field.substring(dot + 1));
  }

  private String parentObject(String object, String relationship) {
    return store
        .table(object)
        .def()
        .relationship(relationship)
        .map(f -> f.referenceTo().get(0))
        .orElseThrow();
  }

  private Map<String, Object> parentRow(
      String object, String relationship, Map<String, Object> row) {
    var ref = store.table(object).def().relationship(relationship).orElseThrow();
    Object id = row.get(ref.name());
    if (id == null || ref.referenceTo().isEmpty()) {
      return null;
    }
    Map<String, Object> parent = store.table(ref.referenceTo().get(0)).get(id.toString());
    return parent == null || ObjectTable.isDeleted(parent) ? null : parent;
  }

  /** A record as the API returns it: attributes first, then the selected fields. */
  public static Map<String, Object> project(
      String object, List<String> fields, Map<String, Object> row, String apiVersion) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("attributes", attributes(object, (String) row.get("Id"), apiVersion));
    for (String f : fields) {
      out.put(f, row.get(f));
    }
    return out;
  }

  public static Map<String, Object> attributes(String object, String id, String apiVersion) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("type", object);
    a.put("url", "/services/data/v" + apiVersion + "/sobjects/" + object + "/" + id);
    return a;
  }

  /** Batch size from {@code Sforce-Query-Options: batchSize=N} (200..2000), default 2000. */
  public static int batchSize(String header) {
    if (header == null) {
      return DEFAULT_BATCH;
    }
    for (String part : header.split("[,;]")) {
      String p = part.trim();
      if (p.regionMatches(true, 0, "batchSize=", 0, 10)) {
        try {
          int n = Integer.parseInt(p.substring(10).trim());
          return Math.max(MIN_BATCH, Math.min(DEFAULT_BATCH, n));
        } catch (NumberFormatException e) {
          return DEFAULT_BATCH;
        }
      }
    }
    return DEFAULT_BATCH;
  }
}
