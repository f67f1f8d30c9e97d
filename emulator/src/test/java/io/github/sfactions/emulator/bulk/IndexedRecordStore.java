package io.github.sfactions.emulator.bulk;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An Account-only store indexed by external id, so large upsert jobs measure the bulk code rather
 * than a linear search: requires {@code Name} on insert.
 */
final class IndexedRecordStore implements BulkRecordStore {

  private static final List<String> FIELDS =
      List.of("Id", "Name", "Ext__c", "Description", "NumberOfEmployees");

  private final AtomicLong counter = new AtomicLong();
  private final Map<String, Map<String, String>> byExternalId = new ConcurrentHashMap<>();

  @Override
  public Optional<String> canonicalObjectName(String name) {
    return "account".equalsIgnoreCase(name) ? Optional.of("Account") : Optional.empty();
  }

  @Override
  public Optional<String> canonicalFieldName(String canonicalObject, String field) {
    return FIELDS.stream().filter(f -> f.equalsIgnoreCase(field)).findFirst();
  }

  @Override
  public String newId(String keyPrefix) {
    return keyPrefix + String.format(Locale.ROOT, "%012d", counter.incrementAndGet()) + "AAA";
  }

  @Override
  public String userId() {
    return "005000000000001AAA";
  }

  @Override
  public BulkRowResult insert(String object, Map<String, String> cells) {
    throw new UnsupportedOperationException("only upsert is used with this store");
  }

  @Override
  public BulkRowResult update(String object, String id, Map<String, String> cells) {
    throw new UnsupportedOperationException("only upsert is used with this store");
  }

  @Override
  public BulkRowResult upsert(String object, String externalIdField, Map<String, String> cells) {
    String key = cells.get(externalIdField);
    Map<String, String> existing = byExternalId.get(key);
    if (existing != null) {
      existing.putAll(cells);
      return BulkRowResult.success(existing.get("Id"), false);
    }
    if (cells.get("Name") == null) {
      return BulkRowResult.failure(
          null, "REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", List.of("Name"));
    }
    Map<String, String> record = new ConcurrentHashMap<>(cells);
    String id = newId("001");
    record.put("Id", id);
    byExternalId.put(key, record);
    return BulkRowResult.success(id, true);
  }

  @Override
  public BulkRowResult delete(String object, String id, boolean hardDelete) {
    throw new UnsupportedOperationException("only upsert is used with this store");
  }

  int size() {
    return byExternalId.size();
  }
}
