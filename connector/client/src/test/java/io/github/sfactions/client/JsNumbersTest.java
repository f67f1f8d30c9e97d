package io.github.sfactions.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ECMAScript {@code Number::toString} (ECMA-262 §6.1.6.1.20) for every number type the connectors
 * receive.
 */
class JsNumbersTest {

  static Stream<Arguments> numbers() {
    return Stream.of(
        Arguments.of(2, "2"),
        Arguments.of(-7L, "-7"),
        Arguments.of((short) 3, "3"),
        Arguments.of(Long.MAX_VALUE, "9223372036854775807"),
        Arguments.of(2.0, "2"),
        Arguments.of(3.5, "3.5"),
        Arguments.of(-3.5, "-3.5"),
        Arguments.of(0.1f, "0.1"),
        Arguments.of(0.1 + 0.2, "0.30000000000000004"),
        Arguments.of(-0.0, "0"),
        Arguments.of(0.0, "0"),
        Arguments.of(123456789012.0, "123456789012"),
        Arguments.of(1e20, "100000000000000000000"),
        Arguments.of(1e21, "1e+21"),
        Arguments.of(-1e21, "-1e+21"),
        Arguments.of(1.5e300, "1.5e+300"),
        Arguments.of(0.000001, "0.000001"),
        Arguments.of(1.5e-7, "1.5e-7"),
        Arguments.of(Double.MIN_VALUE, "5e-324"),
        Arguments.of(2e-3, "0.002"),
        Arguments.of(Double.MAX_VALUE, "1.7976931348623157e+308"),
        Arguments.of(5e-7f, "5e-7"),
        Arguments.of(Double.NaN, "NaN"),
        Arguments.of(Float.NaN, "NaN"),
        Arguments.of(Double.POSITIVE_INFINITY, "Infinity"),
        Arguments.of(Double.NEGATIVE_INFINITY, "-Infinity"),
        Arguments.of(new BigDecimal("10.50"), "10.5"),
        Arguments.of(new BigDecimal("100"), "100"),
        Arguments.of(new BigDecimal("1E+2"), "100"),
        Arguments.of(new BigDecimal("-0.00"), "0"),
        Arguments.of(new BigDecimal("1E+21"), "1e+21"),
        Arguments.of(new BigDecimal("0.0000001"), "1e-7"),
        Arguments.of(new BigInteger("12"), "12"),
        Arguments.of(new BigInteger("1234567890123456789012"), "1.234567890123456789012e+21"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("numbers")
  void writesNumbersAsJavaScriptDoes(Number value, String expected) {
    assertThat(JsNumbers.format(value)).isEqualTo(expected);
    assertThat(JsNumbers.isFinite(value))
        .isEqualTo(!expected.equals("NaN") && !expected.endsWith("Infinity"));
  }
}
