package io.github.sfactions.examples.bench;

import java.util.Arrays;

/** Medians of measured rounds. */
final class Medians {

  private Medians() {}

  /** The median (the mean of the middle two for an even count); NaN for none. */
  static double of(double... values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
