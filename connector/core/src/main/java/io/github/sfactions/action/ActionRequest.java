package io.github.sfactions.action;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One action invocation as the user gave it: raw inputs, not yet validated. Validation happens when
 * the action runs, in the reference's order of checks (§4), so that the first error a user sees is
 * the one Segment shows.
 *
 * <p>Maps keep insertion order (record matchers become SOQL conditions in that order, other fields
 * become JSON keys in that order). A map that was not given is {@code null}, which the reference
 * treats differently from an empty map.
 */
public final class ActionRequest {

  private final ActionType type;
  private final String operation;
  private final String syncMode;
  private final String sobject;
  private final Map<String, Object> fields;
  private final Map<String, Object> otherFields;
  private final Map<String, Object> recordMatchers;
  private final String recordMatchersOperator;
  private final String externalIdField;
  private final Boolean useBulkApi;
  private final String delivery;
  private final String bulkUpsertExternalIdName;
  private final Object bulkUpsertExternalIdValue;
  private final Object bulkUpdateRecordId;

  private ActionRequest(Builder b) {
    this.type = Objects.requireNonNull(b.type, "type");
    this.operation = b.operation;
    this.syncMode = b.syncMode;
    this.sobject = b.sobject;
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(b.fields));
    this.otherFields = copyOrNull(b.otherFields);
    this.recordMatchers = copyOrNull(b.recordMatchers);
    this.recordMatchersOperator = b.recordMatchersOperator;
    this.externalIdField = b.externalIdField;
    this.useBulkApi = b.useBulkApi;
    this.delivery = b.delivery;
    this.bulkUpsertExternalIdName = b.bulkUpsertExternalIdName;
    this.bulkUpsertExternalIdValue = b.bulkUpsertExternalIdValue;
    this.bulkUpdateRecordId = b.bulkUpdateRecordId;
  }

  private static Map<String, Object> copyOrNull(Map<String, Object> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** A builder for the given action. */
  public static Builder builder(ActionType type) {
    return new Builder(type);
  }

  /** A builder pre-filled with this request's values. */
  public Builder toBuilder() {
    Builder b = new Builder(type);
    b.operation = operation;
    b.syncMode = syncMode;
    b.sobject = sobject;
    b.fields.putAll(fields);
    b.otherFields = otherFields == null ? null : new LinkedHashMap<>(otherFields);
    b.recordMatchers = recordMatchers == null ? null : new LinkedHashMap<>(recordMatchers);
    b.recordMatchersOperator = recordMatchersOperator;
    b.externalIdField = externalIdField;
    b.useBulkApi = useBulkApi;
    b.delivery = delivery;
    b.bulkUpsertExternalIdName = bulkUpsertExternalIdName;
    b.bulkUpsertExternalIdValue = bulkUpsertExternalIdValue;
    b.bulkUpdateRecordId = bulkUpdateRecordId;
    return b;
  }

  public ActionType type() {
    return type;
  }

  /** The V1 {@code operation} as given, or null. */
  public String operation() {
    return operation;
  }

  /** The V2 {@code syncMode} as given, or null. */
  public String syncMode() {
    return syncMode;
  }

  /** The object API name for the custom object action, or null. */
  public String sobject() {
    return sobject;
  }

  /** The standard fields as given (API name → value), unmodifiable. */
  public Map<String, Object> fields() {
    return fields;
  }

  /** Further fields (Segment's {@code customFields}), or null when not given. */
  public Map<String, Object> otherFields() {
    return otherFields;
  }

  /** Record matchers (Segment's {@code traits}), or null when not given. */
  public Map<String, Object> recordMatchers() {
    return recordMatchers;
  }

  public String recordMatchersOperator() {
    return recordMatchersOperator;
  }

  /** External id field for a native upsert (deviation 10), or null. */
  public String externalIdField() {
    return externalIdField;
  }

  public Boolean useBulkApi() {
    return useBulkApi;
  }

  /**
   * The {@code delivery} input as given ({@code rest}, {@code microBatch}, {@code bulk}), or null.
   */
  public String delivery() {
    return delivery;
  }

  public String bulkUpsertExternalIdName() {
    return bulkUpsertExternalIdName;
  }

  public Object bulkUpsertExternalIdValue() {
    return bulkUpsertExternalIdValue;
  }

  public Object bulkUpdateRecordId() {
    return bulkUpdateRecordId;
  }

  /**
   * The object this request writes to: the action's fixed object, or {@link #sobject()} for custom
   * objects.
   */
  public String targetObject() {
    return type.sobject().orElse(sobject);
  }

  @Override
  public String toString() {
    // Field values may be personal data: name only what identifies the request.
    return "ActionRequest["
        + type
        + ", operation="
        + operation
        + ", syncMode="
        + syncMode
        + ", object="
        + targetObject()
        + ", fields="
        + fields.keySet()
        + ", otherFields="
        + (otherFields == null ? null : otherFields.keySet())
        + ", recordMatchers="
        + (recordMatchers == null ? null : recordMatchers.keySet())
        + "]";
  }

  /** Builds an {@link ActionRequest}. */
  public static final class Builder {
    private final ActionType type;
    private String operation;
    private String syncMode;
    private String sobject;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private Map<String, Object> otherFields;
    private Map<String, Object> recordMatchers;
    private String recordMatchersOperator;
    private String externalIdField;
    private Boolean useBulkApi;
    private String delivery;
    private String bulkUpsertExternalIdName;
    private Object bulkUpsertExternalIdValue;
    private Object bulkUpdateRecordId;

    private Builder(ActionType type) {
      this.type = type;
    }

    public Builder operation(String operation) {
      this.operation = operation;
      return this;
    }

    public Builder syncMode(String syncMode) {
      this.syncMode = syncMode;
      return this;
    }

    public Builder sobject(String sobject) {
      this.sobject = sobject;
      return this;
    }

    /**
     * Sets one standard field (by API name); the value may be null or empty, which the action
     * drops.
     */
    public Builder field(String name, Object value) {
      this.fields.put(name, value);
      return this;
    }

    public Builder otherFields(Map<String, ?> otherFields) {
      this.otherFields = otherFields == null ? null : new LinkedHashMap<>(otherFields);
      return this;
    }

    public Builder recordMatchers(Map<String, ?> recordMatchers) {
      this.recordMatchers = recordMatchers == null ? null : new LinkedHashMap<>(recordMatchers);
      return this;
    }

    public Builder recordMatchersOperator(String operator) {
      this.recordMatchersOperator = operator;
      return this;
    }

    public Builder externalIdField(String externalIdField) {
      this.externalIdField = externalIdField;
      return this;
    }

    public Builder useBulkApi(Boolean useBulkApi) {
      this.useBulkApi = useBulkApi;
      return this;
    }

    public Builder delivery(String delivery) {
      this.delivery = delivery;
      return this;
    }

    /**
     * Segment's {@code bulkUpsertExternalId}: the external id field name and this record's value.
     */
    public Builder bulkUpsertExternalId(String externalIdName, Object externalIdValue) {
      this.bulkUpsertExternalIdName = externalIdName;
      this.bulkUpsertExternalIdValue = externalIdValue;
      return this;
    }

    public Builder bulkUpdateRecordId(Object recordId) {
      this.bulkUpdateRecordId = recordId;
      return this;
    }

    public ActionRequest build() {
      return new ActionRequest(this);
    }
  }
}
