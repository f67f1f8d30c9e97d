package io.github.sfactions.spring.impl;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code management.health.salesforce.enabled} is true, or is not set and {@code
 * management.health.defaults.enabled} is not false: the same rule Actuator applies to its own
 * indicators, without needing the actuator-autoconfigure jar at compile time.
 */
public class OnSalesforceHealthEnabledCondition extends SpringBootCondition {

  static final String ENABLED = "management.health.salesforce.enabled";
  static final String DEFAULTS_ENABLED = "management.health.defaults.enabled";

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    Boolean own = context.getEnvironment().getProperty(ENABLED, Boolean.class);
    if (own != null) {
      return new ConditionOutcome(own, ENABLED + " is " + own);
    }
    boolean defaults = context.getEnvironment().getProperty(DEFAULTS_ENABLED, Boolean.class, true);
    return new ConditionOutcome(
        defaults, ENABLED + " is not set and " + DEFAULTS_ENABLED + " is " + defaults);
  }
}
