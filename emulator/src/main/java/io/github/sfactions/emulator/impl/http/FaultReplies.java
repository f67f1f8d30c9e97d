package io.github.sfactions.emulator.impl.http;

import io.github.sfactions.emulator.FaultType;
import io.github.sfactions.emulator.impl.EmulatorCore;
import io.github.sfactions.emulator.impl.ErrorCodes;
import java.util.Optional;

/** The answer Salesforce gives for each injectable failure. */
final class FaultReplies {
  private FaultReplies() {}

  static Reply of(FaultType type) {
    return switch (type) {
      case SERVER_ERROR ->
          Reply.error(
              500,
              ErrorCodes.UNKNOWN_EXCEPTION,
              "An unexpected error occurred. Please include this ErrorId if you contact support: "
                  + "1870526343-1234 (-1254981032)");
      case SERVER_UNAVAILABLE ->
          Reply.error(
              503,
              ErrorCodes.SERVER_UNAVAILABLE,
              "Server temporarily unavailable, please try again later");
      case UNABLE_TO_LOCK_ROW ->
          Reply.error(
              400,
              ErrorCodes.UNABLE_TO_LOCK_ROW,
              "unable to obtain exclusive access to this record or 1 records");
      case TOO_MANY_REQUESTS ->
          Reply.error(
              429, ErrorCodes.REQUEST_LIMIT_EXCEEDED, "ConcurrentPerOrgLongTxn Limit exceeded.");
      case REQUEST_LIMIT_EXCEEDED -> DataApi.limitExceeded();
      case INVALID_SESSION -> DataApi.invalidSession();
      case DROP_CONNECTION, DROP_CONNECTION_AFTER_PROCESSING -> Reply.drop();
      case NO_RESPONSE, NO_RESPONSE_AFTER_PROCESSING -> Reply.hang();
    };
  }

  /**
   * The lost answer to a request that has just been processed, when a rule of a type that hits
   * {@linkplain FaultType#afterProcessing() after processing} matches it.
   */
  static Optional<Reply> afterProcessing(
      EmulatorCore core, String method, String path, String object, boolean onlyExplicitPath) {
    return core.faults()
        .pickAfterProcessing(method, path, object, onlyExplicitPath)
        .map(FaultReplies::of);
  }
}
