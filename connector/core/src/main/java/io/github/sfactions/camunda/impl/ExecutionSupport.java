package io.github.sfactions.camunda.impl;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Access to the BPMN execution the connector runs in, when it runs in one (connectors can also be
 * called from plain Java, then there is none).
 */
public final class ExecutionSupport {

  private ExecutionSupport() {}

  /** The current BPMN execution, if the connector runs inside the engine. */
  public static Optional<ExecutionEntity> currentExecution() {
    try {
      BpmnExecutionContext context = Context.getBpmnExecutionContext();
      return context == null ? Optional.empty() : Optional.ofNullable(context.getExecution());
    } catch (RuntimeException | LinkageError outsideEngine) {
      return Optional.empty();
    }
  }

  /** The engine configuration of the running command, if any. */
  public static Optional<ProcessEngineConfigurationImpl> engineConfiguration() {
    try {
      return Optional.ofNullable(Context.getProcessEngineConfiguration());
    } catch (RuntimeException | LinkageError outsideEngine) {
      return Optional.empty();
    }
  }

  /**
   * Sets variables on the current execution (they land on the process instance unless a nearer
   * scope has a variable of that name), so an error boundary event's path can read them. No-op
   * outside the engine.
   */
  public static void setVariables(Map<String, Object> variables) {
    currentExecution().ifPresent(execution -> variables.forEach(execution::setVariable));
  }
}
