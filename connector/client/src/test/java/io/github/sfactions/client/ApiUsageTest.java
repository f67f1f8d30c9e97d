package io.github.sfactions.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiUsageTest {

  @Test
  void parsesTheApiUsageEntry() {
    assertThat(ApiUsage.parse("api-usage=18/15000")).contains(new ApiUsage(18, 15000));
    assertThat(ApiUsage.parse("per-app-api-usage=2/250(appName=x), api-usage=25/5000"))
        .contains(new ApiUsage(25, 5000));
  }

  @Test
  void ignoresMissingOrMalformedHeaders() {
    assertThat(ApiUsage.parse(null)).isEmpty();
    assertThat(ApiUsage.parse("")).isEmpty();
    assertThat(ApiUsage.parse("api-usage=abc/def")).isEmpty();
    assertThat(ApiUsage.parse("per-app-api-usage=2/250")).isEmpty();
    assertThat(ApiUsage.parse("api-usage=99999999999999999999/1")).isEmpty();
  }

  @Test
  void computesRemainingAndFraction() {
    ApiUsage usage = new ApiUsage(14_000, 15_000);
    assertThat(usage.remaining()).isEqualTo(1000);
    assertThat(usage.fractionUsed()).isCloseTo(0.9333, org.assertj.core.data.Offset.offset(0.001));
    assertThat(new ApiUsage(20, 10).remaining()).isZero();
    assertThat(new ApiUsage(1, 0).fractionUsed()).isEqualTo(1.0);
  }
}
