package io.github.sfactions.emulator.bulk.impl;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code columnDelimiter} of a job and the character it stands for. */
public enum ColumnDelimiter {
  COMMA(','),
  TAB('\t'),
  PIPE('|'),
  SEMICOLON(';'),
  CARET('^'),
  BACKQUOTE('`');

  private final char character;

  ColumnDelimiter(char character) {
    this.character = character;
  }

  /** The delimiter character in CSV data. */
  public char character() {
    return character;
  }

  /** Looks a delimiter up by its exact API name (Salesforce names are upper case). */
  public static Optional<ColumnDelimiter> fromApiName(String name) {
    return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
  }

  /** Comma-separated API names, for error messages. */
  public static String allApiNames() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
