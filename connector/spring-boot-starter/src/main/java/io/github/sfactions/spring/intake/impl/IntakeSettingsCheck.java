package io.github.sfactions.spring.intake.impl;

import io.github.sfactions.spring.SettingsCheck;
import io.github.sfactions.spring.intake.SegmentIntakeProperties;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The event intake's settings, when {@code sfactions.intake.enabled} is true (listed in {@code
 * META-INF/spring.factories}).
 */
public final class IntakeSettingsCheck implements SettingsCheck {

  @Override
  public List<String> problems(Binder binder) {
    SegmentIntakeProperties intake =
        binder
            .bind(SegmentIntakeProperties.PREFIX, SegmentIntakeProperties.class)
            .orElseGet(SegmentIntakeProperties::new);
    return intake.isEnabled() ? intake.problems() : List.of();
  }
}
