package io.github.sfactions.camunda.trigger;

import io.github.sfactions.camunda.trigger.impl.TriggerScriptEngine;
import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/**
 * Makes the trigger language ({@link TriggerExpression}) a JSR-223 script language named {@value
 * #LANGUAGE}, so a BPMN condition can be a trigger:
 *
 * <pre>{@code
 * <bpmn:startEvent id="OnIdentify">
 *   <bpmn:conditionalEventDefinition>
 *     <bpmn:condition xsi:type="bpmn:tFormalExpression" language="segment">type = "identify"</bpmn:condition>
 *   </bpmn:conditionalEventDefinition>
 * </bpmn:startEvent>
 * }</pre>
 *
 * <p>The script reads the variable {@value #EVENT_VARIABLE} (Spin JSON, a Jackson node, a Map or
 * JSON text) and returns a Boolean. Registered through {@code
 * META-INF/services/javax.script.ScriptEngineFactory}.
 */
public class TriggerScriptEngineFactory implements ScriptEngineFactory {

  /** The script language name to use in BPMN ({@code language="segment"}). */
  public static final String LANGUAGE = "segment";

  /** The variable a trigger evaluates. */
  public static final String EVENT_VARIABLE = "event";

  @Override
  public String getEngineName() {
    return "sfactions Segment trigger";
  }

  @Override
  public String getEngineVersion() {
    return "1";
  }

  @Override
  public List<String> getExtensions() {
    return List.of("trigger");
  }

  @Override
  public List<String> getMimeTypes() {
    return List.of();
  }

  @Override
  public List<String> getNames() {
    return List.of(LANGUAGE, "segment-trigger");
  }

  @Override
  public String getLanguageName() {
    return LANGUAGE;
  }

  @Override
  public String getLanguageVersion() {
    return "1";
  }

  @Override
  public Object getParameter(String key) {
    return switch (key) {
      case ScriptEngine.ENGINE -> getEngineName();
      case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
      case ScriptEngine.NAME, ScriptEngine.LANGUAGE -> LANGUAGE;
      case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
      // Stateless: triggers neither keep nor share state, so Camunda may cache and share one
      // engine.
      case "THREADING" -> "STATELESS";
      default -> null;
    };
  }

  @Override
  public String getMethodCallSyntax(String obj, String m, String... args) {
    throw new UnsupportedOperationException("Triggers have no method calls");
  }

  @Override
  public String getOutputStatement(String toDisplay) {
    throw new UnsupportedOperationException("Triggers have no output statements");
  }

  @Override
  public String getProgram(String... statements) {
    return String.join(" and ", statements);
  }

  @Override
  public ScriptEngine getScriptEngine() {
    return new TriggerScriptEngine(this);
  }
}
