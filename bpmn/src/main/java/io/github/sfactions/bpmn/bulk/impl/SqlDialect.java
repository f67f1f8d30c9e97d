package io.github.sfactions.bpmn.bulk.impl;

import java.util.Locale;

/** The databases the queue tables support, with the few spots where their SQL differs. */
public enum SqlDialect {
  H2("CHARACTER VARYING(1000000)"),
  POSTGRES("TEXT");

  private final String longText;

  SqlDialect(String longText) {
    this.longText = longText;
  }

  /** Column type for a record's cells. */
  public String longText() {
    return longText;
  }

  /**
   * The dialect for Camunda's {@code databaseType} ({@code h2}, {@code postgres}).
   *
   * @throws IllegalStateException for other databases
   */
  public static SqlDialect forDatabaseType(String databaseType) {
    String type = databaseType == null ? "" : databaseType.toLowerCase(Locale.ROOT);
    return switch (type) {
      case "h2" -> H2;
      case "postgres" -> POSTGRES;
      default -> throw new IllegalStateException("The sfactions bulk queue supports H2 and PostgreSQL; this engine"
          + " uses '" + databaseType + "'");
    };
  }
}
