package io.github.sfactions.emulator.impl.store;

import io.github.sfactions.emulator.impl.ApiError;
import io.github.sfactions.emulator.impl.ApiException;
import io.github.sfactions.emulator.impl.ErrorCodes;
import io.github.sfactions.emulator.impl.FieldValues;
import io.github.sfactions.emulator.impl.Ids;
import io.github.sfactions.emulator.impl.meta.FieldDef;
import io.github.sfactions.emulator.impl.meta.FieldType;
import io.github.sfactions.emulator.impl.meta.ObjectDef;
import io.github.sfactions.emulator.impl.meta.Schema;
import io.github.sfactions.emulator.impl.meta.StandardObjects;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Writes records the way Salesforce does: relationship lookups, defaults, required fields, system
 * and computed fields, then the checks of {@link RecordRules}, under the object's table lock. REST,
 * sObject Collections and Bulk all write through here, so they validate alike.
 */
public final class RecordService {
  private static final String ID = "Id";

  private final Schema schema;
  private final OrgStore store;
  private final Ids ids;
  private final Clock clock;
  private final Supplier<String> currentUserId;
  private final RecordRules rules;

  public RecordService(
      Schema schema,
      OrgStore store,
      Ids ids,
      Clock clock,
      Supplier<String> currentUserId,
      Predicate<String> userExists,
      boolean duplicateRules) {
    this.schema = schema;
    this.store = store;
    this.ids = ids;
    this.clock = clock;
    this.currentUserId = currentUserId;
    this.rules = new RecordRules(schema, store, userExists, duplicateRules);
  }

  public void duplicateRules(boolean on) {
    rules.duplicateRules(on);
  }

  public boolean duplicateRules() {
    return rules.duplicateRules();
  }

  public Schema schema() {
    return schema;
  }

  public OrgStore store() {
    return store;
  }

  public Ids ids() {
    return ids;
  }

  /** User and Organization come from the org's configuration; the data APIs only read them. */
  private static void refuseOrgManaged(ObjectDef def, String verb) {
    if (StandardObjects.orgManaged(def)) {
      throw ApiException.badRequest(
          ErrorCodes.INVALID_TYPE_FOR_OPERATION,
          "entity type cannot be " + verb + ": " + def.name(),
          List.of());
    }
  }

  /**
   * Puts an org-managed record (User, Organization) as the org defines it, replacing an earlier
   * copy.
   */
  public void putOrgRecord(ObjectDef def, Map<String, Object> fields) {
    ObjectTable table = store.table(def.name());
    table.lock().lock();
    try {
      Map<String, Object> row = new LinkedHashMap<>();
      for (FieldDef f : def.fields().values()) {
        row.put(f.name(), fields.get(f.name()));
      }
      row.put(ObjectTable.IS_DELETED, Boolean.FALSE);
      table.put((String) fields.get(ID), Collections.unmodifiableMap(row));
    } finally {
      table.lock().unlock();
    }
  }

  // ---------------------------------------------------------------- create

  public SaveOutcome create(ObjectDef def, Map<String, Object> input, WriteOptions opts) {
    refuseOrgManaged(def, "inserted");
    Map<String, Object> values = resolveRelationships(input);
    if (values.containsKey(ID)) {
      throw ApiException.badRequest(
          ErrorCodes.INVALID_FIELD_FOR_INSERT_UPDATE,
          "Record ID: cannot specify Id in an insert call",
          List.of(ID));
    }
    rules.checkPermissions(def, values, true);
    rules.checkValues(def, values);
    ObjectTable table = store.table(def.name());
    table.lock().lock();
    try {
      String now = FieldValues.formatDateTime(clock.instant());
      String user = currentUserId.get();
      Map<String, Object> row = new LinkedHashMap<>();
      for (FieldDef f : def.fields().values()) {
        row.put(f.name(), null);
      }
      for (FieldDef f : def.fields().values()) {
        if (f.defaultValue() != null && !values.containsKey(f.name())) {
          row.put(f.name(), f.defaultValue());
        }
      }
      row.putAll(values);
      List<String> missing = new ArrayList<>();
      for (FieldDef f : def.fields().values()) {
        if (f.requiredOnCreate() && RecordRules.isBlank(row.get(f.name()))) {
          missing.add(f.name());
        }
      }
      if (!missing.isEmpty()) {
        throw rules.requiredMissing(missing);
      }
      rules.checkReferences(def, values);
      String id = ids.newId(def.keyPrefix());
      row.put(ID, id);
      row.put(ObjectTable.IS_DELETED, Boolean.FALSE);
      if (def.field("OwnerId").isPresent() && row.get("OwnerId") == null) {
        row.put("OwnerId", user);
      }
      row.put("CreatedDate", now);
      row.put("CreatedById", user);
      row.put("LastModifiedDate", now);
      row.put("LastModifiedById", user);
      row.put("SystemModstamp", now);
      ComputedFields.apply(def, table, row, true);
      rules.checkUnique(table, id, row);
      rules.checkDuplicateRule(table, id, row, opts);
      Map<String, Object> snapshot = Collections.unmodifiableMap(row);
      if (opts.undo() != null) {
        opts.undo().record(table, id, null);
      }
      table.put(id, snapshot);
      store.changed();
      return new SaveOutcome(id, true);
    } finally {
      table.lock().unlock();
    }
  }

  // ---------------------------------------------------------------- update

  public SaveOutcome update(
      ObjectDef def, String rawId, Map<String, Object> values, WriteOptions opts) {
    refuseOrgManaged(def, "updated");
    String id = requireId(def, rawId);
    Map<String, Object> changes = resolveRelationships(values);
    Object bodyId = changes.remove(ID);
    if (bodyId != null && !id.equals(Ids.normalize(bodyId.toString()).orElse(null))) {
      throw ApiException.badRequest(
          ErrorCodes.INVALID_ID_FIELD,
          "The Id field should not be specified in the sobject data.",
          List.of());
    }
    rules.checkPermissions(def, changes, false);
    rules.checkValues(def, changes);
    ObjectTable table = store.table(def.name());
    table.lock().lock();
    try {
      Map<String, Object> current = existing(table, id);
      return applyUpdate(def, table, id, current, changes, opts);
    } finally {
      table.lock().unlock();
    }
  }

  private SaveOutcome applyUpdate(
      ObjectDef def,
      ObjectTable table,
      String id,
      Map<String, Object> current,
      Map<String, Object> changes,
      WriteOptions opts) {
    Map<String, Object> row = new LinkedHashMap<>(current);
    row.putAll(changes);
    List<String> missing = new ArrayList<>();
    for (String name : changes.keySet()) {
      FieldDef f = def.field(name).orElseThrow();
      if (!f.nillable() && !f.defaultedOnCreate() && RecordRules.isBlank(row.get(name))) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw rules.requiredMissing(missing);
    }
    rules.checkReferences(def, changes);
    String now = FieldValues.formatDateTime(clock.instant());
    row.put("LastModifiedDate", now);
    row.put("LastModifiedById", currentUserId.get());
    row.put("SystemModstamp", now);
    ComputedFields.apply(def, table, row, false);
    rules.checkUnique(table, id, row);
    rules.checkDuplicateRule(table, id, row, opts);
    if (opts.undo() != null) {
      opts.undo().record(table, id, current);
    }
    table.put(id, Collections.unmodifiableMap(row));
    store.changed();
    return new SaveOutcome(id, false);
  }

  // ---------------------------------------------------------------- upsert

  /**
   * Native upsert by an external id field: creates when nothing matches, updates one match, {@link
   * MultipleMatchesException} for several.
   */
  public SaveOutcome upsert(
      ObjectDef def,
      FieldDef extField,
      String extValueText,
      Map<String, Object> values,
      WriteOptions opts) {
    refuseOrgManaged(def, "upserted");
    ObjectTable table = store.table(def.name());
    Object extValue = FieldValues.fromText(extField, extValueText);
    Map<String, Object> body = resolveRelationships(values);
    Object inBody = body.get(extField.name());
    if (inBody != null && !sameKey(extField, inBody, extValue)) {
      throw ApiException.badRequest(
          ErrorCodes.INVALID_FIELD,
          "Provided external ID field value in the request body does not match the value in the URL",
          List.of(extField.name()));
    }
    table.lock().lock();
    try {
      List<String> matches =
          extField.type() == FieldType.ID
              ? Ids.normalize(extValueText)
                  .filter(i -> table.get(i) != null && !ObjectTable.isDeleted(table.get(i)))
                  .map(List::of)
                  .orElse(List.of())
              : lookup(table, extField, extValue);
      if (matches.size() > 1) {
        throw new MultipleMatchesException(matches);
      }
      if (matches.isEmpty()) {
        if (extField.type() != FieldType.ID) {
          body.put(extField.name(), extValue);
        }
        body.remove(ID);
        return create(def, body, opts);
      }
      String id = matches.get(0);
      body.remove(extField.name());
      body.remove(ID);
      rules.checkPermissions(def, body, false);
      rules.checkValues(def, body);
      return applyUpdate(def, table, id, table.get(id), body, opts);
    } finally {
      table.lock().unlock();
    }
  }

  private List<String> lookup(ObjectTable table, FieldDef field, Object value) {
    if (table.isIndexed(field.name())) {
      return table.lookup(field.name(), value);
    }
    List<String> out = new ArrayList<>();
    for (Map<String, Object> r : table.live()) {
      if (sameKey(field, r.get(field.name()), value)) {
        out.add((String) r.get(ID));
      }
    }
    return out;
  }

  private static boolean sameKey(FieldDef f, Object a, Object b) {
    if (a == null || b == null) {
      return false;
    }
    String x = a.toString();
    String y = b.toString();
    if (a instanceof java.math.BigDecimal n && b instanceof java.math.BigDecimal m) {
      return n.compareTo(m) == 0;
    }
    return f.caseSensitive() ? x.equals(y) : x.equalsIgnoreCase(y);
  }

  /** Ids of live records matching an external id value (for GET by external id). */
  public List<String> findByExternalId(ObjectDef def, FieldDef extField, String valueText) {
    return lookup(store.table(def.name()), extField, FieldValues.fromText(extField, valueText));
  }

  /** Replaces lookups given by external id with the id of the one record they match. */
  private Map<String, Object> resolveRelationships(Map<String, Object> values) {
    Map<String, Object> out = new LinkedHashMap<>(values);
    for (Map.Entry<String, Object> e : out.entrySet()) {
      if (!(e.getValue() instanceof FieldValues.RelationshipRef ref)) {
        continue;
      }
      ObjectTable target = store.table(ref.targetObject());
      List<String> ids =
          ref.targetField().type() == FieldType.ID
              ? Optional.ofNullable(ref.value())
                  .map(Object::toString)
                  .flatMap(Ids::normalize)
                  .filter(i -> target.get(i) != null && !ObjectTable.isDeleted(target.get(i)))
                  .map(List::of)
                  .orElse(List.of())
              : lookup(target, ref.targetField(), ref.value());
      if (ids.isEmpty()) {
        throw ApiException.badRequest(
            ErrorCodes.INVALID_FIELD,
            "Foreign key external ID: "
                + ref.value()
                + " not found for field "
                + ref.targetField().name()
                + " in entity "
                + ref.targetObject(),
            List.of());
      }
      if (ids.size() > 1) {
        throw ApiException.badRequest(
            ErrorCodes.INVALID_FIELD,
            "Foreign key external ID: "
                + ref.value()
                + " matches more than one record for field "
                + ref.targetField().name()
                + " in entity "
                + ref.targetObject(),
            List.of());
      }
      e.setValue(ids.get(0));
    }
    return out;
  }

  // ---------------------------------------------------------------- delete

  public SaveOutcome delete(ObjectDef def, String rawId, boolean hard, WriteOptions opts) {
    refuseOrgManaged(def, "deleted");
    String id = requireId(def, rawId);
    ObjectTable table = store.table(def.name());
    table.lock().lock();
    try {
      Map<String, Object> current = existing(table, id);
      if (opts.undo() != null) {
        opts.undo().record(table, id, current);
      }
      if (hard) {
        table.restore(id, null);
      } else {
        Map<String, Object> row = new LinkedHashMap<>(current);
        String now = FieldValues.formatDateTime(clock.instant());
        row.put(ObjectTable.IS_DELETED, Boolean.TRUE);
        row.put("LastModifiedDate", now);
        row.put("SystemModstamp", now);
        table.put(id, Collections.unmodifiableMap(row));
      }
      store.changed();
      return new SaveOutcome(id, false);
    } finally {
      table.lock().unlock();
    }
  }

  // ---------------------------------------------------------------- reads

  /** A live or deleted record by 15/18-char id, if it belongs to the object. */
  public Optional<Map<String, Object>> find(ObjectDef def, String rawId) {
    return Ids.normalize(rawId)
        .filter(i -> i.startsWith(def.keyPrefix()))
        .map(i -> store.table(def.name()).get(i));
  }

  /** The canonical id for the object, or MALFORMED_ID (wrong shape or key prefix). */
  public String requireId(ObjectDef def, String rawId) {
    Optional<String> id = Ids.normalize(rawId);
    if (id.isEmpty() || !id.get().startsWith(def.keyPrefix())) {
      throw ApiException.badRequest(
          ErrorCodes.MALFORMED_ID,
          def.label() + " ID: id value of incorrect type: " + rawId,
          List.of(ID));
    }
    return id.get();
  }

  private static Map<String, Object> existing(ObjectTable table, String id) {
    Map<String, Object> current = table.get(id);
    if (current == null) {
      throw ApiException.notFound();
    }
    if (ObjectTable.isDeleted(current)) {
      throw new ApiException(
          404, new ApiError(ErrorCodes.ENTITY_IS_DELETED, "entity is deleted", List.of()));
    }
    return current;
  }
}
