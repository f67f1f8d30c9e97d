package io.github.sfactions.camunda.trigger;

/**
 * BPMN of a test process started by a trigger: conditional start event {@code Start}, one task,
 * end. Shared with the starter's intake tests through this module's test jar.
 */
public final class TriggeredProcess {

  /** A user task to wait in. */
  public static final String WAIT = "<bpmn:userTask id=\"Work\"/>";

  private TriggeredProcess() {}

  /**
   * The XML of process {@code key} started by {@code trigger} (trigger language), then {@code work}
   * (id Work).
   */
  public static String xml(String key, String trigger, String work) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start">
              <bpmn:conditionalEventDefinition>
                <bpmn:condition xsi:type="bpmn:tFormalExpression" language="segment">%s</bpmn:condition>
              </bpmn:conditionalEventDefinition>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Work"/>
            %s
            <bpmn:sequenceFlow id="f2" sourceRef="Work" targetRef="End"/>
            <bpmn:endEvent id="End"/>
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(
            key, trigger.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;"), work);
  }
}
