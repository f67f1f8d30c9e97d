package io.github.sfactions.action;

import java.util.Locale;
import java.util.Optional;

/**
 * What an action does to the record. V1 actions name it with {@code operation} ({@code create
 * update upsert delete}), V2 actions with {@code syncMode} ({@code add update upsert delete});
 * {@code add} is {@code create}.
 */
public enum Operation {
  CREATE("create", "add", "insert"),
  UPDATE("update", "update", "update"),
  UPSERT("upsert", "upsert", "upsert"),
  DELETE("delete", "delete", "delete");

  private final String v1Name;
  private final String v2Name;
  private final String bulkName;

  Operation(String v1Name, String v2Name, String bulkName) {
    this.v1Name = v1Name;
    this.v2Name = v2Name;
    this.bulkName = bulkName;
  }

  /** The V1 {@code operation} value. */
  public String v1Name() {
    return v1Name;
  }

  /** The V2 {@code syncMode} value. */
  public String v2Name() {
    return v2Name;
  }

  /** The Bulk API 2.0 job operation ({@code insert} for create). */
  public String bulkName() {
    return bulkName;
  }

  /** True for the operations that look a record up by matchers (update, upsert, delete). */
  public boolean needsLookup() {
    return this != CREATE;
  }

  /** The operation for a V1 {@code operation} value (exact, lower case), if known. */
  public static Optional<Operation> fromV1(String value) {
    for (Operation op : values()) {
      if (op.v1Name.equals(value)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  /** The operation for a V2 {@code syncMode} value (exact, lower case), if known. */
  public static Optional<Operation> fromV2(String value) {
    for (Operation op : values()) {
      if (op.v2Name.equals(value)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
