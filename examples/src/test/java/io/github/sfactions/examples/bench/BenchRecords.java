package io.github.sfactions.examples.bench;

import java.util.Map;

/** The records the scenarios write: one new Lead each, unique in the run. */
final class BenchRecords {

  private final String run;

  /** Records of the run {@code run} (a short token that makes e-mails unique). */
  BenchRecords(String run) {
    this.run = run;
  }

  String email(int round, int index) {
    return "lead-" + run + "-" + round + "-" + index + "@bench.example";
  }

  static String lastName(int index) {
    return "Bench" + index;
  }

  static String company(int index) {
    return "Company " + (index % 97);
  }

  /** The start variables of a record's instance (the same in every engine scenario). */
  Map<String, Object> variables(int round, int index) {
    return Map.of(
        "email", email(round, index), "lastName", lastName(index), "company", company(index));
  }

  /** The record as a flat Lead, one JSON line of a back-fill. */
  String leadRecord(int round, int index) {
    return "{\"Email\":\""
        + email(round, index)
        + "\",\"LastName\":\""
        + lastName(index)
        + "\",\"FirstName\":\"Bench\",\"Company\":\""
        + company(index)
        + "\"}";
  }

  /** A Segment identify event for the record, as JSON. */
  String identifyEvent(int round, int index) {
    return "{\"type\":\"identify\",\"messageId\":\"bench-"
        + run
        + "-"
        + round
        + "-"
        + index
        + "\",\"userId\":\"u-"
        + index
        + "\",\"traits\":{\"email\":\""
        + email(round, index)
        + "\",\"last_name\":\""
        + lastName(index)
        + "\",\"first_name\":\"Bench\",\"company\":\""
        + company(index)
        + "\"}}";
  }
}
