package io.github.sfactions.emulator.bulk.impl;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The write operation of an ingest job, with its Salesforce spelling. */
public enum JobOperation {
  INSERT("insert"),
  UPDATE("update"),
  UPSERT("upsert"),
  DELETE("delete"),
  HARD_DELETE("hardDelete");

  private final String apiName;

  JobOperation(String apiName) {
    this.apiName = apiName;
  }

  /** The name used in JSON, e.g. {@code hardDelete}. */
  public String apiName() {
    return apiName;
  }

  /** Whether rows carry only an {@code Id} column. */
  public boolean isDelete() {
    return this == DELETE || this == HARD_DELETE;
  }

  /** Looks an operation up by its API name, ignoring case. */
  public static Optional<JobOperation> fromApiName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(o -> o.apiName.toLowerCase(Locale.ROOT).equals(lower))
        .findFirst();
  }

  /** Comma-separated API names, for error messages. */
  public static String allApiNames() {
    return Arrays.stream(values()).map(JobOperation::apiName).collect(Collectors.joining(", "));
  }
}
