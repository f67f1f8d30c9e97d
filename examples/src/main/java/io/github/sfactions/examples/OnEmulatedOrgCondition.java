package io.github.sfactions.examples;

import io.github.sfactions.spring.SalesforceProperties;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the app should use the emulated org: {@code examples.emulator.enabled=true}, or the
 * property is unset and no {@code sfactions.connections.*} (for example from {@code
 * SFACTIONS_CONNECTIONS_DEFAULT_*} environment variables) names a real org.
 */
public class OnEmulatedOrgCondition extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    Binder binder = Binder.get(context.getEnvironment());
    Boolean enabled = binder.bind("examples.emulator.enabled", Boolean.class).orElse(null);
    if (enabled != null) {
      return new ConditionOutcome(enabled, "examples.emulator.enabled=" + enabled);
    }
    Map<String, SalesforceProperties.Connection> connections =
        binder
            .bind(
                SalesforceProperties.PREFIX + ".connections",
                Bindable.mapOf(String.class, SalesforceProperties.Connection.class))
            .orElse(Map.of());
    return connections.isEmpty()
        ? ConditionOutcome.match("no sfactions.connections.* configured: using the emulated org")
        : ConditionOutcome.noMatch(
            "sfactions.connections." + connections.keySet() + " configured: using that org");
  }
}
