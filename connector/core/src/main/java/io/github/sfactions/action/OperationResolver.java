package io.github.sfactions.action;

/**
 * Turns the {@code operation} (V1) or {@code syncMode} (V2) input into an {@link Operation}: the
 * one rule the action connectors, the bulk rules and the "Sync one record" process all apply.
 * Unlike the reference, a V2 request with a missing or unknown sync mode is an error, never a
 * silent no-op (deviation 8):
 *
 * <ul>
 *   <li>a non-empty operation and a non-empty sync mode together: {@code Give either operation (V1)
 *       or syncMode (V2), not both};
 *   <li>an unknown operation or sync mode: {@code Invalid operation - x} / {@code Invalid sync mode
 *       - x};
 *   <li>a sync mode given but empty (V2 with a falsy sync mode, §4.1): {@link
 *       ActionMessages#SYNC_MODE_REQUIRED};
 *   <li>neither given: {@link ActionMessages#MISSING_OPERATION}.
 * </ul>
 *
 * All are 400 {@link ActionException}s. An empty operation next to a sync mode counts as not given.
 */
public final class OperationResolver {

  private OperationResolver() {}

  /** The operation of the request, or a 400 {@link ActionException}. */
  public static Operation resolve(ActionRequest request) {
    return resolve(request.operation(), request.syncMode());
  }

  /**
   * The operation named by a V1 {@code operation} or a V2 {@code syncMode}, or a 400 {@link
   * ActionException}.
   *
   * @param operation the V1 operation; null when not given
   * @param syncMode the V2 sync mode; null when not given, empty when given without a value
   */
  public static Operation resolve(String operation, String syncMode) {
    boolean hasOperation = operation != null && !operation.isEmpty();
    boolean hasSyncMode = syncMode != null;
    if (hasOperation && hasSyncMode && !syncMode.isEmpty()) {
      throw invalid("Give either operation (V1) or syncMode (V2), not both");
    }
    if (hasOperation) {
      return Operation.fromV1(operation)
          .orElseThrow(
              () ->
                  invalid(
                      "Invalid operation - "
                          + operation
                          + " (expected create, update, upsert or delete)"));
    }
    if (!hasSyncMode) {
      throw new ActionException(
          ActionMessages.MISSING_OPERATION,
          ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    if (syncMode.isEmpty()) {
      throw new ActionException(
          ActionMessages.SYNC_MODE_REQUIRED,
          ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    return Operation.fromV2(syncMode)
        .orElseThrow(
            () ->
                invalid(
                    "Invalid sync mode - "
                        + syncMode
                        + " (expected add, update, upsert or delete)"));
  }

  private static ActionException invalid(String message) {
    return new ActionException(
        message, ActionMessages.CODE_INVALID_OPERATION, ActionMessages.STATUS_BAD_REQUEST);
  }
}
