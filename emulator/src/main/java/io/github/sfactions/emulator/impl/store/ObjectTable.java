package io.github.sfactions.emulator.impl.store;

import io.github.sfactions.emulator.impl.meta.FieldDef;
import io.github.sfactions.emulator.impl.meta.ObjectDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The records of one sObject type. Each record is an immutable snapshot map, so readers never see a
 * torn record and need no lock; writers of this one type serialise on the table's lock, which keeps
 * the value indexes (external ids, unique fields, duplicate-rule keys) exact.
 */
public final class ObjectTable {
  public static final String IS_DELETED = "IsDeleted";

  private final ObjectDef def;
  private final ConcurrentHashMap<String, Map<String, Object>> rows = new ConcurrentHashMap<>();

  /** The same snapshots in id (= creation) order, so scans need no sort. */
  private final ConcurrentSkipListMap<String, Map<String, Object>> ordered =
      new ConcurrentSkipListMap<>();

  private final Map<String, ConcurrentHashMap<String, Set<String>>> indexes = new LinkedHashMap<>();
  private final Map<String, Boolean> caseSensitive = new LinkedHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicLong autoNumber = new AtomicLong();

  ObjectTable(ObjectDef def, Collection<String> extraIndexedFields) {
    this.def = def;
    for (FieldDef f : def.indexedFields()) {
      indexes.put(f.name(), new ConcurrentHashMap<>());
      caseSensitive.put(f.name(), f.caseSensitive());
    }
    for (String name : extraIndexedFields) {
      def.field(name)
          .ifPresent(
              f -> {
                indexes.putIfAbsent(f.name(), new ConcurrentHashMap<>());
                caseSensitive.putIfAbsent(f.name(), f.caseSensitive());
              });
    }
  }

  public ObjectDef def() {
    return def;
  }

  /** Held by writers; reentrant so a multi-record transaction can hold it across operations. */
  public ReentrantLock lock() {
    return lock;
  }

  /** The record snapshot (live or deleted), or null. */
  public Map<String, Object> get(String id18) {
    return rows.get(id18);
  }

  public static boolean isDeleted(Map<String, Object> row) {
    return Boolean.TRUE.equals(row.get(IS_DELETED));
  }

  /** Stores a new snapshot (caller holds the lock) and keeps the indexes in step. */
  public void put(String id18, Map<String, Object> snapshot) {
    Map<String, Object> old = rows.put(id18, snapshot);
    ordered.put(id18, snapshot);
    reindex(id18, old, snapshot);
  }

  /** Puts back an earlier snapshot, or removes the record when {@code previous} is null. */
  public void restore(String id18, Map<String, Object> previous) {
    if (previous == null) {
      Map<String, Object> old = rows.remove(id18);
      ordered.remove(id18);
      reindex(id18, old, null);
    } else {
      put(id18, previous);
    }
  }

  private void reindex(String id, Map<String, Object> old, Map<String, Object> now) {
    for (Map.Entry<String, ConcurrentHashMap<String, Set<String>>> idx : indexes.entrySet()) {
      String field = idx.getKey();
      String oldKey = old == null || isDeleted(old) ? null : key(field, old.get(field));
      String newKey = now == null || isDeleted(now) ? null : key(field, now.get(field));
      if (oldKey != null && !oldKey.equals(newKey)) {
        idx.getValue()
            .computeIfPresent(
                oldKey,
                (k, ids) -> {
                  ids.remove(id);
                  return ids.isEmpty() ? null : ids;
                });
      }
      if (newKey != null) {
        idx.getValue().computeIfAbsent(newKey, k -> ConcurrentHashMap.newKeySet()).add(id);
      }
    }
  }

  public boolean isIndexed(String field) {
    return indexes.containsKey(field);
  }

  /** Ids of live records whose indexed field equals the value (per the field's case rule). */
  public List<String> lookup(String field, Object value) {
    ConcurrentHashMap<String, Set<String>> idx = indexes.get(field);
    String k = key(field, value);
    if (idx == null || k == null) {
      return List.of();
    }
    Set<String> ids = idx.get(k);
    return ids == null ? List.of() : List.copyOf(ids);
  }

  private String key(String field, Object value) {
    if (value == null) {
      return null;
    }
    String text =
        value instanceof BigDecimal n ? n.stripTrailingZeros().toPlainString() : value.toString();
    if (text.isEmpty()) {
      return null;
    }
    return Boolean.TRUE.equals(caseSensitive.get(field)) ? text : text.toLowerCase(Locale.ROOT);
  }

  /** Live (not deleted) records ordered by id, which is creation order. */
  public List<Map<String, Object>> live() {
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Map<String, Object> r : ordered.values()) {
      if (!isDeleted(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /** Every record including deleted ones, ordered by id. */
  public List<Map<String, Object>> all() {
    return new ArrayList<>(ordered.values());
  }

  public int size() {
    return rows.size();
  }

  public long nextAutoNumber() {
    return autoNumber.incrementAndGet();
  }

  /** Keeps auto numbers above one already used (records loaded from a data file). */
  public void observeAutoNumber(long used) {
    autoNumber.accumulateAndGet(used, Math::max);
  }

  void clear() {
    lock.lock();
    try {
      rows.clear();
      ordered.clear();
      indexes.values().forEach(Map::clear);
      autoNumber.set(0);
    } finally {
      lock.unlock();
    }
  }
}
