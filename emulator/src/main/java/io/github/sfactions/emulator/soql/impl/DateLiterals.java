package io.github.sfactions.emulator.soql.impl;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SOQL date literals ({@code TODAY}, {@code LAST_N_DAYS:30}, {@code THIS_MONTH}, ...) as the day
 * range [start, end) they stand for, in the org's time zone (GMT in the emulator) with weeks
 * starting on Sunday (the en_US locale). A comparison with a literal compares with that range:
 * {@code =} inside it, {@code <} before its start, {@code <=} before its end, {@code >} from its
 * end, {@code >=} from its start.
 */
final class DateLiterals {
  /** A range of days, end exclusive. */
  record Range(LocalDate start, LocalDate end) {}

  private static final Pattern WITH_N = Pattern.compile("([A-Z_]+):(\\d{1,6})");

  private DateLiterals() {}

  /**
   * The range the literal names on the clock's current day, or empty when it is no date literal.
   */
  static Optional<Range> range(String literal, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    String upper = literal.toUpperCase(Locale.ROOT);
    Matcher m = WITH_N.matcher(upper);
    if (m.matches()) {
      int n = Integer.parseInt(m.group(2));
      return switch (m.group(1)) {
        case "LAST_N_DAYS" -> Optional.of(new Range(today.minusDays(n), today.plusDays(1)));
        case "NEXT_N_DAYS" -> Optional.of(new Range(today.plusDays(1), today.plusDays(n + 1L)));
        case "N_DAYS_AGO" -> Optional.of(day(today.minusDays(n)));
        case "LAST_N_WEEKS" ->
            Optional.of(new Range(weekStart(today).minusWeeks(n), weekStart(today)));
        case "NEXT_N_WEEKS" ->
            Optional.of(
                new Range(weekStart(today).plusWeeks(1), weekStart(today).plusWeeks(n + 1L)));
        case "LAST_N_MONTHS" ->
            Optional.of(new Range(today.withDayOfMonth(1).minusMonths(n), today.withDayOfMonth(1)));
        case "NEXT_N_MONTHS" ->
            Optional.of(
                new Range(
                    today.withDayOfMonth(1).plusMonths(1),
                    today.withDayOfMonth(1).plusMonths(n + 1L)));
        default -> Optional.empty();
      };
    }
    LocalDate week = weekStart(today);
    LocalDate month = today.withDayOfMonth(1);
    LocalDate quarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
    LocalDate year = today.withDayOfYear(1);
    return Optional.ofNullable(
        switch (upper) {
          case "YESTERDAY" -> day(today.minusDays(1));
          case "TODAY" -> day(today);
          case "TOMORROW" -> day(today.plusDays(1));
          case "LAST_WEEK" -> new Range(week.minusWeeks(1), week);
          case "THIS_WEEK" -> new Range(week, week.plusWeeks(1));
          case "NEXT_WEEK" -> new Range(week.plusWeeks(1), week.plusWeeks(2));
          case "LAST_MONTH" -> new Range(month.minusMonths(1), month);
          case "THIS_MONTH" -> new Range(month, month.plusMonths(1));
          case "NEXT_MONTH" -> new Range(month.plusMonths(1), month.plusMonths(2));
          case "LAST_90_DAYS" -> new Range(today.minusDays(90), today.plusDays(1));
          case "NEXT_90_DAYS" -> new Range(today.plusDays(1), today.plusDays(91));
          case "LAST_QUARTER" -> new Range(quarter.minusMonths(3), quarter);
          case "THIS_QUARTER" -> new Range(quarter, quarter.plusMonths(3));
          case "NEXT_QUARTER" -> new Range(quarter.plusMonths(3), quarter.plusMonths(6));
          case "LAST_YEAR" -> new Range(year.minusYears(1), year);
          case "THIS_YEAR" -> new Range(year, year.plusYears(1));
          case "NEXT_YEAR" -> new Range(year.plusYears(1), year.plusYears(2));
          default -> null;
        });
  }

  /**
   * Whether the identifier is spelled like a date literal (known or not), e.g. {@code
   * LAST_N_FOO:3}.
   */
  static boolean looksLikeOne(String identifier) {
    return WITH_N.matcher(identifier.toUpperCase(Locale.ROOT)).matches();
  }

  private static Range day(LocalDate d) {
    return new Range(d, d.plusDays(1));
  }

  private static LocalDate weekStart(LocalDate d) {
    return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
  }
}
