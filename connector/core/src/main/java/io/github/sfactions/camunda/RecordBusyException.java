package io.github.sfactions.camunda;

/**
 * A job waited for a record's turn ({@link RecordLocks}) longer than 2 s (H2's lock timeout; on
 * PostgreSQL sfactions sets {@code lock_timeout} to the same for the lock statements), or the
 * database broke a deadlock by cancelling it. Nothing was sent to Salesforce. The failed-job
 * handling of the Salesforce connectors retries such a job after a second or two without using up
 * one of its retries: the record is busy, not broken.
 */
public class RecordBusyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A turn that could not be taken, with the database's reason. */
  public RecordBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}
