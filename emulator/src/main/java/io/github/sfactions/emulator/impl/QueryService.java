package io.github.sfactions.emulator.impl;

import io.github.sfactions.emulator.impl.store.ObjectTable;
import io.github.sfactions.emulator.impl.store.OrgStore;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs queries and pages their results: the first page holds up to the batch size, the rest stays
 * behind a query locator ({@code nextRecordsUrl = /query/{locator}-{offset}}). Cursors are bounded.
 */
public final class QueryService {
    public static final int DEFAULT_BATCH = 2000;
    public static final int MIN_BATCH = 200;
    private static final int MAX_CURSORS = 500;
    private static final String LOCATOR_PREFIX = "01g";

    private record Cursor(List<Map<String, Object>> rows, String object) {
    }

    private final OrgStore store;
    private final QueryParser parser;
    private final Ids ids = new Ids();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    private final Map<String, Long> cursorAge = new ConcurrentHashMap<>();

    public QueryService(OrgStore store, QueryParser parser) {
        this.store = store;
        this.parser = parser;
    }

    /** A query answer: the queried object and the response body. */
    public record Result(String object, Map<String, Object> body) {
    }

    /** Runs the SOQL; {@code includeDeleted} for queryAll. */
    public Result query(String soql, boolean includeDeleted, int batchSize, String apiVersion) {
        if (soql == null || soql.isBlank()) {
            throw ApiException.badRequest(ErrorCodes.MALFORMED_QUERY, "unexpected token: <EOF>", List.of());
        }
        QueryPlan plan = parser.parse(soql);
        ObjectTable table = store.table(plan.objectName());
        List<Map<String, Object>> source = includeDeleted ? table.all() : table.live();
        List<Map<String, Object>> matched = plan.apply(source);
        if (plan.isCount()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("totalSize", matched.size());
            out.put("done", true);
            out.put("records", List.of());
            return new Result(plan.objectName(), out);
        }
        List<Map<String, Object>> projected = new ArrayList<>(matched.size());
        for (Map<String, Object> r : matched) {
            projected.add(project(plan.objectName(), plan.selectFields(), r, apiVersion));
        }
        return new Result(plan.objectName(), page(plan.objectName(), projected, 0, batchSize, apiVersion, null));
    }

    /** The next page behind a {@code locator-offset} segment. */
    public Map<String, Object> more(String segment, int batchSize, String apiVersion) {
        int dash = segment.lastIndexOf('-');
        Cursor cursor = dash < 0 ? null : cursors.get(segment.substring(0, dash));
        int offset;
        try {
            offset = dash < 0 ? -1 : Integer.parseInt(segment.substring(dash + 1));
        } catch (NumberFormatException e) {
            offset = -1;
        }
        if (cursor == null || offset < 0 || offset > cursor.rows().size()) {
            throw ApiException.badRequest(ErrorCodes.INVALID_QUERY_LOCATOR, "invalid query locator", List.of());
        }
        return page(cursor.object(), cursor.rows(), offset, batchSize, apiVersion, segment.substring(0, dash));
    }

    public String objectOfLocator(String segment) {
        int dash = segment.lastIndexOf('-');
        Cursor c = dash < 0 ? null : cursors.get(segment.substring(0, dash));
        return c == null ? null : c.object();
    }

    private Map<String, Object> page(String object, List<Map<String, Object>> rows, int offset, int batchSize,
                                     String apiVersion, String existingLocator) {
        int end = Math.min(rows.size(), offset + batchSize);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("totalSize", rows.size());
        boolean done = end >= rows.size();
        out.put("done", done);
        if (!done) {
            String locator = existingLocator != null ? existingLocator : register(object, rows);
            out.put("nextRecordsUrl", "/services/data/v" + apiVersion + "/query/" + locator + "-" + end);
        }
        out.put("records", rows.subList(offset, end));
        return out;
    }

    private String register(String object, List<Map<String, Object>> rows) {
        String locator = ids.newId(LOCATOR_PREFIX);
        cursors.put(locator, new Cursor(rows, object));
        cursorAge.put(locator, sequence.incrementAndGet());
        if (cursors.size() > MAX_CURSORS) {
            evictOldest();
        }
        return locator;
    }

    private void evictOldest() {
        String oldest = null;
        long min = Long.MAX_VALUE;
        Iterator<Map.Entry<String, Long>> it = cursorAge.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Long> e = it.next();
            if (e.getValue() < min) {
                min = e.getValue();
                oldest = e.getKey();
            }
        }
        if (oldest != null) {
            cursors.remove(oldest);
            cursorAge.remove(oldest);
        }
    }

    public void clear() {
        cursors.clear();
        cursorAge.clear();
    }

    /** A record as the API returns it: attributes first, then the selected fields. */
    public static Map<String, Object> project(String object, List<String> fields, Map<String, Object> row,
                                              String apiVersion) {
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
