package io.github.sfactions.camunda.impl;

import org.camunda.bpm.engine.impl.bpmn.helper.ErrorDeclarationForProcessInstanceFinder;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.tree.ActivityExecutionHierarchyWalker;
import org.camunda.connect.plugin.impl.ServiceTaskConnectorActivityBehavior;

/**
 * Whether the model catches a BPMN error a connector is about to throw, decided exactly as the
 * engine's {@code BpmnExceptionHandler.propagateError} will: the same finder walks the same scopes
 * (boundary events, event sub-processes, enclosing sub-processes, calling process instances), only
 * without side effects.
 *
 * <p>Why: an uncaught BPMN error either ends the instance silently (the engine default) or fails
 * the job with a retry cycle that repeats a rejection that cannot change. The connector throws a
 * non-retryable failure instead.
 */
final class ErrorHandlers {

  private ErrorHandlers() {}

  /**
   * True when the connector runs as the connector of the current BPMN activity and nothing in the
   * model catches {@code errorCode}. False outside the engine and when the connector is called from
   * code (a delegate, a script), which may catch the {@code BpmnError} itself.
   */
  static boolean uncaughtInConnectorActivity(String errorCode) {
    return uncaught(errorCode, true);
  }

  /**
   * True when nothing in the model catches {@code errorCode} thrown by the current activity,
   * whatever its kind (a step that raises a queued record's outcome). False outside the engine.
   */
  static boolean uncaughtInCurrentActivity(String errorCode) {
    return uncaught(errorCode, false);
  }

  private static boolean uncaught(String errorCode, boolean connectorOnly) {
    return ExecutionSupport.currentExecution()
        .filter(execution -> execution.getActivity() != null)
        .filter(execution -> !connectorOnly || runsConnectorActivity(execution))
        .map(execution -> !isCaught(execution, errorCode))
        .orElse(false);
  }

  private static boolean runsConnectorActivity(ExecutionEntity execution) {
    return execution.getActivity() != null
        && execution.getActivity().getActivityBehavior()
            instanceof ServiceTaskConnectorActivityBehavior;
  }

  private static boolean isCaught(ExecutionEntity execution, String errorCode) {
    ErrorDeclarationForProcessInstanceFinder finder =
        new ErrorDeclarationForProcessInstanceFinder(null, errorCode, execution.getActivity());
    ActivityExecutionHierarchyWalker walker = new ActivityExecutionHierarchyWalker(execution);
    walker.addScopePreVisitor(finder);
    walker.walkUntil(element -> finder.getErrorEventDefinition() != null || element == null);
    return finder.getErrorHandlerActivity() != null;
  }
}
