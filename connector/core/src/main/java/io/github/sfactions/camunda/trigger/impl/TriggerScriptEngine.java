package io.github.sfactions.camunda.trigger.impl;

import io.github.sfactions.camunda.trigger.TriggerExpression;
import io.github.sfactions.camunda.trigger.TriggerScriptEngineFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

/** The JSR-223 engine of the trigger language; compiled scripts are parsed triggers. */
public final class TriggerScriptEngine extends AbstractScriptEngine implements Compilable {

  private final ScriptEngineFactory factory;

  /** An engine of the given factory. */
  public TriggerScriptEngine(ScriptEngineFactory factory) {
    this.factory = factory;
  }

  @Override
  public Object eval(String script, ScriptContext context) throws ScriptException {
    return compile(script).eval(context);
  }

  @Override
  public Object eval(Reader reader, ScriptContext context) throws ScriptException {
    return eval(read(reader), context);
  }

  @Override
  public CompiledScript compile(String script) throws ScriptException {
    TriggerExpression trigger;
    try {
      trigger = TriggerExpression.parse(script.trim());
    } catch (IllegalArgumentException e) {
      throw new ScriptException(e.getMessage());
    }
    return new CompiledTrigger(trigger);
  }

  @Override
  public CompiledScript compile(Reader reader) throws ScriptException {
    return compile(read(reader));
  }

  @Override
  public Bindings createBindings() {
    return new SimpleBindings();
  }

  @Override
  public ScriptEngineFactory getFactory() {
    return factory;
  }

  private static String read(Reader reader) throws ScriptException {
    StringWriter out = new StringWriter();
    try {
      reader.transferTo(out);
    } catch (IOException e) {
      throw new ScriptException(e);
    }
    return out.toString();
  }

  /** A parsed trigger evaluated against the event of a script context. */
  private final class CompiledTrigger extends CompiledScript {

    private final TriggerExpression trigger;

    CompiledTrigger(TriggerExpression trigger) {
      this.trigger = trigger;
    }

    @Override
    public Object eval(ScriptContext context) throws ScriptException {
      Object event = context.getAttribute(TriggerScriptEngineFactory.EVENT_VARIABLE);
      if (event == null) {
        // No event: the condition is evaluated for something other than an incoming event.
        return Boolean.FALSE;
      }
      try {
        return trigger.matches(EventJson.toNode(event));
      } catch (IllegalArgumentException e) {
        throw new ScriptException("Trigger '" + trigger.source() + "': " + e.getMessage());
      }
    }

    @Override
    public ScriptEngine getEngine() {
      return TriggerScriptEngine.this;
    }
  }
}
