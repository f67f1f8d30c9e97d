package io.github.sfactions.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BulkSettingsTest {

  @Test
  void defaultsMatchSalesforceLimits() {
    BulkSettings settings = BulkSettings.defaults();

    assertThat(settings.maxUploadBytes()).isEqualTo(150L * 1024 * 1024);
    assertThat(settings.internalBatchSize()).isEqualTo(10_000);
    assertThat(settings.recordsPerSecond()).isZero();
    assertThat(settings.uploadCompleteDwell()).isEqualTo(Duration.ofMillis(200));
    assertThat(settings.inProgressDwell()).isEqualTo(Duration.ofMillis(200));
    assertThat(settings.workerThreads()).isEqualTo(2);
  }

  @Test
  void builderRejectsNonsense() {
    assertThatIllegalArgumentException().isThrownBy(() -> BulkSettings.builder().maxUploadBytes(0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BulkSettings.builder().recordsPerSecond(-1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BulkSettings.builder().stateDwell(Duration.ofMillis(-1)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BulkSettings.builder().internalBatchSize(0));
    assertThatIllegalArgumentException().isThrownBy(() -> BulkSettings.builder().workerThreads(0));
  }

  @Test
  void stateDwellSetsBothDwells() {
    BulkSettings settings = BulkSettings.builder().stateDwell(Duration.ofSeconds(1)).build();

    assertThat(settings.uploadCompleteDwell()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.inProgressDwell()).isEqualTo(Duration.ofSeconds(1));
  }
}
