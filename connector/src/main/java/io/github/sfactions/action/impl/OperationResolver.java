package io.github.sfactions.action.impl;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionMessages;
import io.github.sfactions.action.ActionRequest;
import io.github.sfactions.action.Operation;

/**
 * Turns the {@code operation} (V1) or {@code syncMode} (V2) input into an {@link Operation}. Unlike the
 * reference, a V2 request with a missing or unknown sync mode is an error, never a silent no-op (deviation 8).
 */
public final class OperationResolver {

  private OperationResolver() {
  }

  /** The operation of the request, or a 400 {@link ActionException}. */
  public static Operation resolve(ActionRequest request) {
    boolean hasOperation = request.operation() != null && !request.operation().isEmpty();
    boolean hasSyncMode = request.syncMode() != null;
    if (hasOperation && hasSyncMode && !request.syncMode().isEmpty()) {
      throw invalid("Give either operation (V1) or syncMode (V2), not both");
    }
    if (hasOperation) {
      return Operation.fromV1(request.operation())
          .orElseThrow(() -> invalid("Invalid operation - " + request.operation()
              + " (expected create, update, upsert or delete)"));
    }
    if (!hasSyncMode && request.operation() == null) {
      throw new ActionException(ActionMessages.MISSING_OPERATION, ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    if (!hasSyncMode || request.syncMode().isEmpty()) {
      throw new ActionException(ActionMessages.SYNC_MODE_REQUIRED, ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    return Operation.fromV2(request.syncMode())
        .orElseThrow(() -> invalid("Invalid sync mode - " + request.syncMode()
            + " (expected add, update, upsert or delete)"));
  }

  private static ActionException invalid(String message) {
    return new ActionException(message, ActionMessages.CODE_INVALID_OPERATION, ActionMessages.STATUS_BAD_REQUEST);
  }
}
