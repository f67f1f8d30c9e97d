package io.github.sfactions.emulator.soql.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemporalValuesTest {

  private static final Instant TEN_UTC = Instant.parse("2024-05-01T10:00:00Z");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-05-01T10:00:00Z",
        "2024-05-01T10:00:00.000+0000",
        "2024-05-01T12:00:00+02:00",
        "2024-05-01T11:00:00+01",
        "2024-05-01T02:00:00.000-0800",
        "2024-05-01T10:00:00.000000000Z"
      })
  void datetimeNotationsDenoteTheSameInstant(String text) {
    assertThat(TemporalValues.parseDateTime(text)).isEqualTo(TEN_UTC);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-05-01T10:00:00",
        "2024-05-01T10:00Z",
        "2024-05-01 10:00:00Z",
        "2024-05-01T24:00:00Z",
        "2024-02-30T10:00:00Z",
        "2024-05-01T10:00:00.Z",
        "2024-05-01T10:00:00+1",
        "2024-05-01T10:00:00+25:00",
        "2024-05-01T10:00:00+0a00",
        "2024-05-01T10:00:00.1234567890Z",
        "x"
      })
  void malformedDatetimesAreNull(String text) {
    assertThat(TemporalValues.parseDateTime(text)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-02-30", "2024-13-01", "2024-5-01", "2024/05/01", "24-05-01", ""})
  void malformedDatesAreNull(String text) {
    assertThat(TemporalValues.parseDate(text)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-02-29", "1999-12-31"})
  void validDatesParse(String text) {
    assertThat(TemporalValues.parseDate(text)).isEqualTo(LocalDate.parse(text));
  }
}
