package io.github.sfactions.bpmn.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConnector;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConnectorId;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;

/**
 * Does what Camunda Modeler does when a user applies one of the committed templates to a task:
 * every binding of the JSON becomes the attribute, connector id, input or output mapping it names
 * (fields left empty become empty inputs, as in the Modeler), and every {@code bpmn:Error} scope
 * becomes an error definition. The task sits in a start → task → end process; error boundary events
 * can be added for codes the template declares.
 */
final class TemplateApplier {

  static final String PROCESS_KEY = "AppliedTemplate";
  static final String TASK = "Task";
  static final String DONE = "Done";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TemplateApplier() {}

  /**
   * The committed template named {@code name}, read from the classpath as the Modeler would load
   * it.
   */
  static JsonNode committed(String file, String name) {
    try (InputStream in =
        TemplateApplier.class.getResourceAsStream(
            "/" + ElementTemplates.RESOURCE_FOLDER + "/" + file)) {
      for (JsonNode template : JSON.readTree(in)) {
        if (template.get("name").asText().equals(name)) {
          return template;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no template " + name + " in " + file);
  }

  /**
   * The process with the template applied to its task.
   *
   * @param values what the user types, by input name; other fields keep the template's default
   *     value
   * @param caughtCodes error codes to catch with boundary events ending in {@code Caught<code>}
   */
  static BpmnModelInstance apply(
      JsonNode template, Map<String, String> values, List<String> caughtCodes) {
    return apply(
        Bpmn.createExecutableProcess(PROCESS_KEY)
            .camundaHistoryTimeToLive(1)
            .startEvent("Start")
            .serviceTask(TASK)
            .name(template.get("name").asText())
            .endEvent(DONE)
            .done(),
        template,
        values,
        caughtCodes);
  }

  /**
   * As {@link #apply(JsonNode, Map, List)} for a Bulk API template, followed by a call of "Await
   * bulk outcome" ({@code AwaitBulk}) that passes the queue entry id the template stores and
   * returns {@code recordId}.
   */
  static BpmnModelInstance applyThenAwaitBulk(JsonNode template, Map<String, String> values) {
    return apply(
        Bpmn.createExecutableProcess(PROCESS_KEY)
            .camundaHistoryTimeToLive(1)
            .startEvent("Start")
            .serviceTask(TASK)
            .name(template.get("name").asText())
            .callActivity("AwaitBulk")
            .calledElement(BulkIngestVariables.AWAIT_PROCESS_KEY)
            .camundaIn(BulkIngestVariables.ENTRY_ID, BulkIngestVariables.ENTRY_ID)
            .camundaOut(BulkIngestVariables.RECORD_ID, "leadId")
            .camundaOut(BulkIngestVariables.RESULT, "bulkResult")
            .endEvent(DONE)
            .done(),
        template,
        values,
        List.of());
  }

  private static BpmnModelInstance apply(
      BpmnModelInstance model,
      JsonNode template,
      Map<String, String> values,
      List<String> caughtCodes) {
    ServiceTask task = model.getModelElementById(TASK);
    task.setAttributeValueNs(
        BpmnModelConstants.CAMUNDA_NS, "modelerTemplate", template.get("id").asText());
    task.setAttributeValueNs(
        BpmnModelConstants.CAMUNDA_NS, "modelerTemplateVersion", template.get("version").asText());
    for (JsonNode property : template.get("properties")) {
      String name = property.get("binding").get("name").asText();
      task.setAttributeValueNs(
          BpmnModelConstants.CAMUNDA_NS,
          name.substring("camunda:".length()),
          property.get("value").asText());
    }
    for (JsonNode scope : template.get("scopes")) {
      if (scope.get("type").asText().equals(TemplateScope.CONNECTOR)) {
        applyConnector(model, task, scope, values);
      } else {
        applyError(model, scope);
      }
    }
    for (String code : caughtCodes) {
      task.builder().boundaryEvent("Catch" + code).error(code).endEvent("Caught" + code);
    }
    return model;
  }

  private static void applyConnector(
      BpmnModelInstance model, ServiceTask task, JsonNode scope, Map<String, String> values) {
    ExtensionElements extensions = task.getExtensionElements();
    if (extensions == null) {
      extensions = model.newInstance(ExtensionElements.class);
      task.setExtensionElements(extensions);
    }
    CamundaConnector connector = extensions.addExtensionElement(CamundaConnector.class);
    CamundaInputOutput io = model.newInstance(CamundaInputOutput.class);
    for (JsonNode property : scope.get("properties")) {
      JsonNode binding = property.get("binding");
      String value = property.has("value") ? property.get("value").asText() : null;
      switch (binding.get("type").asText()) {
        case TemplateBinding.PROPERTY -> {
          CamundaConnectorId id = model.newInstance(CamundaConnectorId.class);
          id.setTextContent(value);
          connector.setCamundaConnectorId(id);
        }
        case TemplateBinding.INPUT_PARAMETER -> {
          String name = binding.get("name").asText();
          CamundaInputParameter input = model.newInstance(CamundaInputParameter.class);
          input.setCamundaName(name);
          String given =
              property.get("type").asText().equals("Hidden")
                  ? value
                  : values.getOrDefault(name, value);
          if (given != null && !given.isEmpty()) {
            input.setTextContent(given);
          }
          io.getCamundaInputParameters().add(input);
        }
        case TemplateBinding.OUTPUT_PARAMETER -> {
          CamundaOutputParameter output = model.newInstance(CamundaOutputParameter.class);
          output.setCamundaName(value);
          output.setTextContent(binding.get("source").asText());
          io.getCamundaOutputParameters().add(output);
        }
        default -> throw new AssertionError("binding the Modeler would not apply here: " + binding);
      }
    }
    connector.setCamundaInputOutput(io);
  }

  private static void applyError(BpmnModelInstance model, JsonNode scope) {
    if (model.getModelElementById(scope.get("id").asText()) != null) {
      return;
    }
    Error error = model.newInstance(Error.class);
    error.setId(scope.get("id").asText());
    for (JsonNode property : scope.get("properties")) {
      String name = property.get("binding").get("name").asText();
      String value = property.get("value").asText();
      switch (name) {
        case "errorCode" -> error.setErrorCode(value);
        case "name" -> error.setName(value);
        case "camunda:errorMessage" -> error.setCamundaErrorMessage(value);
        default -> throw new AssertionError("unknown error property " + name);
      }
    }
    model.getDefinitions().addChildElement(error);
  }
}
