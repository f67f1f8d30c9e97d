package io.github.sfactions.emulator.bulk.impl;

import java.util.Arrays;
import java.util.Optional;

/** Life-cycle states of an ingest job, spelled as in Salesforce's JSON. */
public enum JobState {
  Open,
  UploadComplete,
  InProgress,
  JobComplete,
  Failed,
  Aborted;

  /** Whether the job will not change state any more. */
  public boolean isTerminal() {
    return this == JobComplete || this == Failed || this == Aborted;
  }

  /** Whether a client may abort a job in this state. */
  public boolean isAbortable() {
    return this == Open || this == UploadComplete || this == InProgress;
  }

  /** Whether a client may delete a job in this state. */
  public boolean isDeletable() {
    return this == UploadComplete || isTerminal();
  }

  /** Looks a state up by its exact name. */
  public static Optional<JobState> fromApiName(String name) {
    return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
  }
}
