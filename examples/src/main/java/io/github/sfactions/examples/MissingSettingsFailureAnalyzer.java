package io.github.sfactions.examples;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link MissingSettingsException} into Spring Boot's "APPLICATION FAILED TO START" report:
 * one line naming every missing or invalid setting, and how to give them (or to run the demo
 * profile instead), in place of a stack trace.
 */
public class MissingSettingsFailureAnalyzer
    extends AbstractFailureAnalyzer<MissingSettingsException> {

  /** How to fix it; the docs page lists every property. */
  static final String ACTION =
      "Set each of them as an environment variable (the property name in upper case, "
          + "'.' as '_' and '-' dropped, e.g. SFACTIONS_INTAKE_WRITEKEY), as a --name=value argument or in "
          + "config/application.yaml next to the jar; see docs/configuration.md. To try the app on your own machine "
          + "with the public demo credentials instead, start it with --spring.profiles.active="
          + StartupBanner.DEMO_PROFILE
          + ".";

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
    return new FailureAnalysis(cause.getMessage(), ACTION, cause);
  }
}
