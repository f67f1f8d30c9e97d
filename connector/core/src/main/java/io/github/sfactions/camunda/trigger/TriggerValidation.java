package io.github.sfactions.camunda.trigger;

import java.util.ArrayList;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Checks the trigger of every conditional start event written in the trigger language at
 * deployment, so a typo fails the deployment (naming the start event and the column) instead of
 * every incoming event later.
 */
public final class TriggerValidation extends AbstractBpmnParseListener {

  /**
   * Adds a validation to the configuration's post-BPMN-parse listeners (in an engine plugin's
   * {@code preInit}).
   */
  public static void register(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new TriggerValidation());
  }

  @Override
  public void parseStartEvent(
      Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
    Element definition = startEventElement.element("conditionalEventDefinition");
    Element condition = definition == null ? null : definition.element("condition");
    if (condition == null
        || !TriggerScriptEngineFactory.LANGUAGE.equalsIgnoreCase(condition.attribute("language"))) {
      return;
    }
    String text = condition.getText() == null ? "" : condition.getText().trim();
    if (condition.attributes().stream().anyMatch(name -> name.endsWith("resource"))) {
      return; // an external resource is read at run time; it is checked then
    }
    try {
      TriggerExpression.parse(text);
    } catch (TriggerSyntaxException e) {
      throw new BpmnParseException(
          "Start event '" + startEventActivity.getId() + "': " + e.getMessage(), condition);
    }
  }
}
