package io.github.sfactions.emulator.bulk.impl;

/**
 * Why a whole job fails before its rows are processed; the message becomes the job's {@code
 * errorMessage}, e.g. {@code InvalidBatch : Field name not found : Foo__c}.
 */
public final class JobFailure extends Exception {

  private static final long serialVersionUID = 1L;

  /** A failure whose message is already in Salesforce's {@code Category : detail} form. */
  public JobFailure(String errorMessage) {
    super(errorMessage, null, false, false);
  }

  /** An {@code InvalidBatch : detail} failure. */
  public static JobFailure invalidBatch(String detail) {
    return new JobFailure(ErrorCodes.INVALID_BATCH_PREFIX + detail);
  }
}
