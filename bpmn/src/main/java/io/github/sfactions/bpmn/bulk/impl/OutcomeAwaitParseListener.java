package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.EventSubscriptionDeclaration;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Makes every activity that waits for a bulk outcome (a message catch event or receive task whose
 * message name starts with {@value BulkIngestVariables#OUTCOME_MESSAGE_PREFIX}) continue
 * asynchronously after the outcome arrives, as if it carried {@code camunda:asyncAfter="true"}.
 *
 * <p>Why: outcomes are delivered by the bulk ingest process, hundreds per transaction. Were the
 * waiting instances to continue inside that transaction, one instance's downstream failure would
 * roll back the delivery of its whole chunk, and the batch's report would do every caller's work.
 * With the continuation as its own job, the report only hands over the outcome; each instance goes
 * on in its own transaction, with its own retries and incidents. Registered as a pre-parse
 * listener, so the engine's failed-job parse listener still reads the event's {@code
 * camunda:failedJobRetryTimeCycle}.
 */
public final class OutcomeAwaitParseListener extends AbstractBpmnParseListener {

  @Override
  public void parseIntermediateMessageCatchEventDefinition(
      Element messageEventDefinition, ActivityImpl activity) {
    // the engine keeps a catch event's subscription on its event scope (the event itself, or the
    // event-based
    // gateway in front of it)
    continueAsyncIfAwaitingOutcome(activity, activity.getEventScope());
  }

  @Override
  public void parseReceiveTask(Element receiveTaskElement, ScopeImpl scope, ActivityImpl activity) {
    // a receive task keeps its message subscription on itself
    continueAsyncIfAwaitingOutcome(activity, activity);
  }

  private static void continueAsyncIfAwaitingOutcome(
      ActivityImpl activity, ScopeImpl subscriptionScope) {
    if (!activity.isAsyncAfter() && awaitsOutcome(subscriptionScope, activity.getId())) {
      activity.setAsyncAfter(true);
    }
  }

  private static boolean awaitsOutcome(ScopeImpl scope, String activityId) {
    Map<String, EventSubscriptionDeclaration> declarations =
        scope == null
            ? null
            : scope.getProperties().get(BpmnProperties.EVENT_SUBSCRIPTION_DECLARATIONS);
    EventSubscriptionDeclaration declaration =
        declarations == null ? null : declarations.get(activityId);
    return declaration != null
        && "message".equals(declaration.getEventType())
        && declaration.getUnresolvedEventName() != null
        && declaration
            .getUnresolvedEventName()
            .startsWith(BulkIngestVariables.OUTCOME_MESSAGE_PREFIX);
  }
}
