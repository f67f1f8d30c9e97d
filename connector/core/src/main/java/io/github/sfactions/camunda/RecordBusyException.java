package io.github.sfactions.camunda;

/**
 * A job waited for a record's turn ({@link RecordLocks}) longer than the database lets a statement
 * wait for a row lock (H2: 2 s by default, PostgreSQL: {@code lock_timeout}), or the database broke
 * a deadlock by cancelling it. Nothing was sent to Salesforce. The failed-job handling of the
 * Salesforce connectors retries such a job after a second or two without using up one of its
 * retries: the record is busy, not broken.
 */
public class RecordBusyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A turn that could not be taken, with the database's reason. */
  public RecordBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}
