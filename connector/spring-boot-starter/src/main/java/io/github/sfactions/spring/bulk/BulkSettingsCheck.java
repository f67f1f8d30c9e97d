package io.github.sfactions.spring.bulk;

import io.github.sfactions.spring.SettingsCheck;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.util.ClassUtils;

/**
 * The {@code sfactions.bulk.*} settings, when the bulk queue is installed: {@code sfactions-bpmn}
 * on the class path and {@code sfactions.bulk.enabled} not false (listed in {@code
 * META-INF/spring.factories}).
 */
public final class BulkSettingsCheck implements SettingsCheck {

  private static final String PLUGIN = "io.github.sfactions.bpmn.bulk.BulkIngestPlugin";

  @Override
  public List<String> problems(Binder binder) {
    if (!ClassUtils.isPresent(PLUGIN, BulkSettingsCheck.class.getClassLoader())) {
      return List.of();
    }
    BulkIngestProperties bulk =
        binder
            .bind(BulkIngestProperties.PREFIX, BulkIngestProperties.class)
            .orElseGet(BulkIngestProperties::new);
    return bulk.isEnabled() ? bulk.problems() : List.of();
  }
}
