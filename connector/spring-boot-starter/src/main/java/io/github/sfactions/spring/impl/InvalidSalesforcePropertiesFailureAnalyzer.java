package io.github.sfactions.spring.impl;

import io.github.sfactions.spring.InvalidSalesforcePropertiesException;
import io.github.sfactions.spring.SalesforceSettingsProblems;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Spring Boot's "APPLICATION FAILED TO START" report for invalid {@code sfactions.*} settings: one
 * line naming every problem (the one that stopped the start and all others of the environment, so a
 * second start does not reveal the next), and how to set the properties, instead of a {@code Caused
 * by} deep in a stack trace.
 */
public class InvalidSalesforcePropertiesFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidSalesforcePropertiesException> {

  /** How to fix it. */
  public static final String ACTION =
      "Set each named property, as an environment variable (the property name in "
          + "upper case, '.' as '_' and '-' dropped, e.g. SFACTIONS_CONNECTIONS_DEFAULT_AUTH_CLIENTID), as a "
          + "--name=value argument or in application.yaml. The sfactions documentation (authentication.md, "
          + "configuration.md) describes every property.";

  private final Environment environment;

  /**
   * Spring Boot passes the failed application's environment (null when it failed before it had
   * one).
   */
  public InvalidSalesforcePropertiesFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  protected FailureAnalysis analyze(
      Throwable rootFailure, InvalidSalesforcePropertiesException cause) {
    Set<String> problems = new LinkedHashSet<>(cause.problems());
    if (environment != null) {
      problems.addAll(SalesforceSettingsProblems.find(environment));
    }
    String description =
        "Invalid sfactions settings ("
            + problems.size()
            + "): "
            + String.join("; ", new ArrayList<>(problems));
    return new FailureAnalysis(description, ACTION, cause);
  }
}
