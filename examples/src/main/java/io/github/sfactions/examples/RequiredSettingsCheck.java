package io.github.sfactions.examples;

import io.github.sfactions.spring.SalesforceSettingsProblems;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Checks every setting the app cannot run without before any bean is created, and stops the start
 * with one {@link MissingSettingsException} naming all that are missing or invalid: the Camunda
 * admin password (outside the {@code demo} profile there is no built-in one, and Camunda would
 * otherwise make the user id the password), the intake's write key, the {@code
 * sfactions.connections.*} of a real org and the PostgreSQL credentials of the {@code postgres}
 * profile. Without it each would fail on its own, one per start, deep in a stack trace, after the
 * emulator and the web server had started.
 */
@Component
public class RequiredSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

  static final String ADMIN_ID = "camunda.bpm.admin-user.id";
  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
  static final String DATASOURCE_URL = "spring.datasource.url";

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    List<String> problems = problems(environment);
    if (!problems.isEmpty()) {
      throw new MissingSettingsException(problems);
    }
  }

  /** Every problem of the settings in this environment, one sentence each naming its property. */
  static List<String> problems(Environment environment) {
    Binder binder = Binder.get(environment);
    List<String> problems = new ArrayList<>();
    adminPassword(binder, problems);
    problems.addAll(SalesforceSettingsProblems.find(environment));
    postgresCredentials(binder, problems);
    return problems;
  }

  private static void adminPassword(Binder binder, List<String> problems) {
    String id = text(binder, ADMIN_ID);
    if (id.isEmpty()) {
      return;
    }
    String password = text(binder, ADMIN_PASSWORD);
    if (password.isEmpty()) {
      problems.add(
          ADMIN_PASSWORD
              + " (CAMUNDA_ADMIN_PASSWORD) is required: the admin user '"
              + id
              + "' has no password");
    } else if (password.equals(id)) {
      problems.add(
          ADMIN_PASSWORD + " (CAMUNDA_ADMIN_PASSWORD) must not be the user id '" + id + "'");
    }
  }

  private static void postgresCredentials(Binder binder, List<String> problems) {
    if (!text(binder, DATASOURCE_URL).startsWith("jdbc:postgresql:")) {
      return;
    }
    for (String[] setting :
        new String[][] {
          {"spring.datasource.username", "POSTGRES_USER"},
          {"spring.datasource.password", "POSTGRES_PASSWORD"}
        }) {
      if (text(binder, setting[0]).isEmpty()) {
        problems.add(setting[0] + " (" + setting[1] + ") is required for the PostgreSQL database");
      }
    }
  }

  /**
   * The value, or empty when unset, blank or an unresolved placeholder such as {@code
   * ${POSTGRES_USER}}.
   */
  private static String text(Binder binder, String name) {
    String value = binder.bind(name, String.class).orElse("").trim();
    return value.startsWith("${") ? "" : value;
  }
}
