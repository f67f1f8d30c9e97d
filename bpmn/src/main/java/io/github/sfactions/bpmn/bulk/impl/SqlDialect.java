package io.github.sfactions.bpmn.bulk.impl;

import java.util.Locale;

/**
 * The databases the queue tables support, with the few spots where their SQL differs. Every
 * identifier in the queue's SQL is unquoted, in the DDL as in the statements, so each database
 * folds them the same way (H2 to upper case, PostgreSQL to lower case); nothing may name a column
 * through an API that quotes it, such as JDBC's generated-key column names.
 */
public enum SqlDialect {
  H2("CHARACTER VARYING(1000000)") {
    @Override
    String insertReturning(String insert, String column) {
      return "SELECT " + column + " FROM FINAL TABLE (" + insert + ")";
    }
  },
  POSTGRES("TEXT") {
    @Override
    String insertReturning(String insert, String column) {
      return insert + " RETURNING " + column;
    }
  };

  private final String longText;

  SqlDialect(String longText) {
    this.longText = longText;
  }

  /** Column type for a record's cells. */
  public String longText() {
    return longText;
  }

  /**
   * A query that runs {@code insert} (one row) and returns the inserted row's {@code column},
   * typically its generated key.
   */
  abstract String insertReturning(String insert, String column);

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
      default ->
          throw new IllegalStateException(
              "The sfactions bulk queue supports H2 and PostgreSQL; this engine"
                  + " uses '"
                  + databaseType
                  + "'");
    };
  }
}
