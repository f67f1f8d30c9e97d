package io.github.sfactions.spring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Every problem of the {@code sfactions.*} settings of an environment at once: the connections (as
 * {@link SalesforceConnectionRegistrar#validate} checks them) and every {@link SettingsCheck} of
 * {@code META-INF/spring.factories} (the event intake's, when it is enabled). The
 * auto-configurations check each part when its bean is created, so a start fails on the first; this
 * lets a start-up report (or an application's own check before any bean is created) name all of
 * them.
 */
public final class SalesforceSettingsProblems {

  private SalesforceSettingsProblems() {}

  /**
   * One sentence per problem, each naming its property; never a value. Empty when the settings are
   * usable.
   */
  public static List<String> find(Environment environment) {
    Binder binder = Binder.get(environment);
    List<String> problems = new ArrayList<>();
    ClassLoader loader = SalesforceSettingsProblems.class.getClassLoader();
    for (SettingsCheck check :
        SpringFactoriesLoader.forDefaultResourceLocation(loader).load(SettingsCheck.class)) {
      try {
        problems.addAll(check.problems(binder));
      } catch (BindException e) {
        problems.add(unreadable(e));
      }
    }
    try {
      binder
          .bind(SalesforceProperties.PREFIX, SalesforceProperties.class)
          .map(SalesforceConnectionRegistrar::problems)
          .ifBound(problems::addAll);
    } catch (BindException e) {
      problems.add(unreadable(e));
    }
    return problems;
  }

  private static String unreadable(BindException e) {
    // the value is left out: it may be a secret
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String name = (e.getProperty() != null ? e.getProperty().getName() : e.getName()).toString();
    return name + " has a value that cannot be read (" + cause.getClass().getSimpleName() + ")";
  }
}
