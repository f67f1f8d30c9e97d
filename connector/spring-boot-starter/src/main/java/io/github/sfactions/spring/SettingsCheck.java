package io.github.sfactions.spring;

import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * One more part of the {@code sfactions.*} settings for {@link SalesforceSettingsProblems} to check
 * (the connections it checks itself). A feature that builds on this package, such as the event
 * intake, lists its check in {@code META-INF/spring.factories} under this interface's name, so the
 * report works before any bean exists and this package needs to know none of them.
 */
public interface SettingsCheck {

  /**
   * One sentence per problem, each naming its property; never a value. Empty when the part is
   * switched off or usable.
   *
   * @throws org.springframework.boot.context.properties.bind.BindException when a value cannot be
   *     read (reported without the value)
   */
  List<String> problems(Binder binder);
}
