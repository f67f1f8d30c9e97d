package io.github.sfactions.bpmn.bulk;

import java.io.IOException;

/**
 * Loading a back-fill stopped part-way: the stream could not be read any more ({@link
 * #unreadable()}, the cause is the {@link IOException}) or the database refused a chunk. The
 * back-fill exists and keeps the chunks committed before ({@link #queued()} records); they are sent
 * like any other, and its {@link BackfillSummary} shows how far loading got ({@code loaded} stays
 * empty).
 */
public final class BackfillLoadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String backfillId;
  private final long queued;

  /** Loading of {@code backfillId} stopped after {@code queued} records were committed. */
  public BackfillLoadException(String backfillId, long queued, RuntimeException cause) {
    super(
        "Loading back-fill "
            + backfillId
            + " stopped after "
            + queued
            + " records were queued: "
            + cause.getMessage(),
        cause);
    this.backfillId = backfillId;
    this.queued = queued;
  }

  /** The back-fill that was being loaded. */
  public String backfillId() {
    return backfillId;
  }

  /** Records committed to the queue before loading stopped (they stay queued). */
  public long queued() {
    return queued;
  }

  /** True when reading the stream failed (the sender's side), false for a database failure. */
  public boolean unreadable() {
    return getCause() != null && getCause().getCause() instanceof IOException;
  }
}
