package io.github.sfactions.bpmn.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes templates as the Modeler reads them: a JSON array per file, keys in the documented order,
 * two-space indent, LF line ends and a final newline, so regenerating gives byte-identical files.
 */
public final class ElementTemplateJson {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter()
          .withSeparators(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private ElementTemplateJson() {}

  /** The file content for these templates. */
  public static String toJson(List<ElementTemplate> templates) {
    ArrayNode array = JSON.createArrayNode();
    templates.forEach(t -> array.add(node(t)));
    try {
      return JSON.writer(PRINTER).writeValueAsString(array) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write element templates: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectNode node(ElementTemplate t) {
    ObjectNode node = JSON.createObjectNode();
    node.put("$schema", ElementTemplates.SCHEMA_URL);
    node.put("name", t.name());
    node.put("id", t.id());
    node.put("version", t.version());
    node.put("description", t.description());
    t.keywords().forEach(node.putArray("keywords")::add);
    node.putArray("appliesTo").add(ElementTemplate.APPLIES_TO);
    node.putObject("elementType").put("value", ElementTemplate.ELEMENT_TYPE);
    ArrayNode groups = node.putArray("groups");
    t.groups().forEach(g -> groups.addObject().put("id", g.id()).put("label", g.label()));
    properties(node.putArray("properties"), t.properties());
    ArrayNode scopes = node.putArray("scopes");
    for (TemplateScope scope : t.scopes()) {
      ObjectNode s = scopes.addObject().put("type", scope.type());
      if (scope.id() != null) {
        s.put("id", scope.id());
      }
      properties(s.putArray("properties"), scope.properties());
    }
    return node;
  }

  private static void properties(ArrayNode array, List<TemplateProperty> properties) {
    for (TemplateProperty p : properties) {
      ObjectNode node = array.addObject();
      putIfSet(node, "label", p.label());
      putIfSet(node, "description", p.description());
      node.put("type", p.type());
      if (p.value() instanceof Boolean b) {
        node.put("value", b);
      } else if (p.value() != null) {
        node.put("value", p.value().toString());
      }
      putIfSet(node, "placeholder", p.placeholder());
      if (!p.choices().isEmpty()) {
        ArrayNode choices = node.putArray("choices");
        p.choices().forEach(c -> choices.addObject().put("name", c.name()).put("value", c.value()));
      }
      if (p.notEmpty() || p.pattern() != null) {
        ObjectNode constraints = node.putObject("constraints");
        if (p.notEmpty()) {
          constraints.put("notEmpty", true);
        }
        if (p.pattern() != null) {
          constraints
              .putObject("pattern")
              .put("value", p.pattern())
              .put("message", p.patternMessage());
        }
      }
      putIfSet(node, "group", p.group());
      ObjectNode binding = node.putObject("binding").put("type", p.binding().type());
      putIfSet(binding, "name", p.binding().name());
      putIfSet(binding, "source", p.binding().source());
    }
  }

  private static void putIfSet(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }
}
