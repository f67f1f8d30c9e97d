package io.github.sfactions.emulator.bulk;

import io.github.sfactions.emulator.SalesforceIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small map-backed {@link BulkRecordStore} for tests: objects Account and Contact, a required
 * {@code Name}/{@code LastName}, a numeric field, a unique external id, and a poison value that
 * makes the store throw so tests can check per-row robustness.
 */
final class InMemoryRecordStore implements BulkRecordStore {

  /** A Name value that makes insert/update/upsert throw. */
  static final String EXPLODING_NAME = "boom";

  /** A Name value that makes insert throw an {@link Error}, which no row handling should absorb. */
  static final String FATAL_NAME = "fatal";

  static final String USER_ID = "005000000000001AAA";

  private static final Map<String, String> KEY_PREFIXES =
      Map.of("Account", "001", "Contact", "003");
  private static final Map<String, List<String>> FIELDS =
      Map.of(
          "Account",
              List.of("Id", "Name", "Ext__c", "Description", "NumberOfEmployees", "Industry"),
          "Contact", List.of("Id", "LastName", "FirstName", "Email", "Ext__c"));
  private static final Map<String, String> REQUIRED =
      Map.of("Account", "Name", "Contact", "LastName");

  private final AtomicLong counter = new AtomicLong();
  private final Map<String, Map<String, Map<String, Object>>> tables = new ConcurrentHashMap<>();

  @Override
  public Optional<String> canonicalObjectName(String name) {
    return FIELDS.keySet().stream().filter(o -> o.equalsIgnoreCase(name)).findFirst();
  }

  @Override
  public Optional<String> canonicalFieldName(String canonicalObject, String field) {
    return FIELDS.get(canonicalObject).stream().filter(f -> f.equalsIgnoreCase(field)).findFirst();
  }

  @Override
  public String newId(String keyPrefix) {
    String base = keyPrefix + String.format(Locale.ROOT, "%012d", counter.incrementAndGet());
    return SalesforceIds.to18(base);
  }

  @Override
  public String userId() {
    return USER_ID;
  }

  @Override
  public synchronized BulkRowResult insert(String object, Map<String, String> cells) {
    explodeOnPoison(cells);
    String required = REQUIRED.get(object);
    if (cells.get(required) == null) {
      return requiredMissing(null, required);
    }
    Optional<BulkRowResult> invalid = validate(null, object, cells);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    String id = newId(KEY_PREFIXES.get(object));
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("Id", id);
    cells.forEach(record::put);
    table(object).put(id, record);
    return BulkRowResult.success(id, true);
  }

  @Override
  public synchronized BulkRowResult update(String object, String id, Map<String, String> cells) {
    explodeOnPoison(cells);
    Map<String, Object> record = table(object).get(id);
    if (record == null) {
      return BulkRowResult.failure(
          id, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of());
    }
    String required = REQUIRED.get(object);
    if (cells.containsKey(required) && cells.get(required) == null) {
      return requiredMissing(id, required);
    }
    Optional<BulkRowResult> invalid = validate(id, object, cells);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    cells.forEach(record::put);
    return BulkRowResult.success(id, false);
  }

  @Override
  public synchronized BulkRowResult upsert(
      String object, String externalIdField, Map<String, String> cells) {
    String key = cells.get(externalIdField);
    Optional<String> existing =
        table(object).values().stream()
            .filter(r -> key.equals(r.get(externalIdField)))
            .map(r -> (String) r.get("Id"))
            .findFirst();
    return existing.isPresent() ? update(object, existing.get(), cells) : insert(object, cells);
  }

  @Override
  public synchronized BulkRowResult delete(String object, String id, boolean hardDelete) {
    if (table(object).remove(id) == null) {
      return BulkRowResult.failure(id, "ENTITY_IS_DELETED", "entity is deleted", List.of());
    }
    return BulkRowResult.success(id, false);
  }

  /** Live records of {@code object}. */
  synchronized List<Map<String, Object>> records(String object) {
    return new ArrayList<>(table(object).values());
  }

  /** The record with {@code id}, if live. */
  synchronized Optional<Map<String, Object>> record(String object, String id) {
    return Optional.ofNullable(table(object).get(id)).map(LinkedHashMap::new);
  }

  /** Seeds a record directly, returning its id. */
  synchronized String seed(String object, Map<String, Object> fields) {
    String id = newId(KEY_PREFIXES.get(object));
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("Id", id);
    record.putAll(fields);
    table(object).put(id, record);
    return id;
  }

  private Map<String, Map<String, Object>> table(String object) {
    return tables.computeIfAbsent(object, o -> new LinkedHashMap<>());
  }

  private Optional<BulkRowResult> validate(String id, String object, Map<String, String> cells) {
    String employees = cells.get("NumberOfEmployees");
    if (employees != null && !employees.matches("-?\\d+")) {
      return Optional.of(
          BulkRowResult.failure(
              id,
              "INVALID_TYPE_ON_FIELD_IN_RECORD",
              "Employees: value not of required type: " + employees,
              List.of("NumberOfEmployees")));
    }
    String ext = cells.get("Ext__c");
    if (ext != null) {
      boolean duplicate =
          table(object).values().stream()
              .anyMatch(r -> ext.equals(r.get("Ext__c")) && !r.get("Id").equals(id));
      if (duplicate) {
        return Optional.of(
            BulkRowResult.failure(
                id,
                "DUPLICATE_VALUE",
                "duplicate value found: Ext__c duplicates value on record with id: " + id,
                List.of("Ext__c")));
      }
    }
    return Optional.empty();
  }

  private static BulkRowResult requiredMissing(String id, String field) {
    return BulkRowResult.failure(
        id,
        "REQUIRED_FIELD_MISSING",
        "Required fields are missing: [" + field + "]",
        List.of(field));
  }

  private static void explodeOnPoison(Map<String, String> cells) {
    if (EXPLODING_NAME.equals(cells.get("Name"))) {
      throw new IllegalStateException("store failure for a poison row");
    }
    if (FATAL_NAME.equals(cells.get("Name"))) {
      throw new AssertionError("fatal store failure for a poison row");
    }
  }
}
