package io.github.sfactions.emulator.bulk.impl;

import java.util.Arrays;
import java.util.Optional;

/** The {@code lineEnding} of a job: the record separator the uploaded CSV must use. */
public enum LineEnding {
  LF("\n"),
  CRLF("\r\n");

  private final String separator;

  LineEnding(String separator) {
    this.separator = separator;
  }

  /** The record separator characters. */
  public String separator() {
    return separator;
  }

  /** Looks a line ending up by its exact API name. */
  public static Optional<LineEnding> fromApiName(String name) {
    return Arrays.stream(values()).filter(l -> l.name().equals(name)).findFirst();
  }
}
