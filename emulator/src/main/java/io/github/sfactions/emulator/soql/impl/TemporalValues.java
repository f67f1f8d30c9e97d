package io.github.sfactions.emulator.soql.impl;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Parses the date and datetime texts of SOQL literals and of stored record values. Hand-written
 * rather than regex- or formatter-based because stored values are parsed once per record on every
 * datetime filter.
 */
final class TemporalValues {

  private static final int DATE_LENGTH = 10;
  private static final int SECONDS_END = 19;
  private static final int MAX_FRACTION_DIGITS = 9;

  private TemporalValues() {}

  /** {@code yyyy-MM-dd}, or null when the text is no valid calendar date. */
  public static LocalDate parseDate(String text) {
    if (text.length() != DATE_LENGTH) {
      return null;
    }
    return date(text);
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM|±HHMM|±HH)}, or null when the text is no valid
   * instant.
   */
  public static Instant parseDateTime(String text) {
    if (text.length() <= SECONDS_END
        || text.charAt(DATE_LENGTH) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    LocalDate date = date(text);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (date == null || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    int pos = SECONDS_END;
    int nanos = 0;
    if (text.charAt(pos) == '.') {
      int fractionStart = ++pos;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      int length = pos - fractionStart;
      if (length == 0 || length > MAX_FRACTION_DIGITS) {
        return null;
      }
      nanos =
          digits(text, fractionStart, length) * (int) Math.pow(10, MAX_FRACTION_DIGITS - length);
    }
    ZoneOffset offset = offset(text, pos);
    if (offset == null) {
      return null;
    }
    try {
      return LocalDateTime.of(
              date.getYear(),
              date.getMonthValue(),
              date.getDayOfMonth(),
              hour,
              minute,
              second,
              nanos)
          .toInstant(offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static ZoneOffset offset(String text, int pos) {
    String zone = text.substring(pos);
    if (zone.equals("Z")) {
      return ZoneOffset.UTC;
    }
    if (zone.length() < 3 || (zone.charAt(0) != '+' && zone.charAt(0) != '-')) {
      return null;
    }
    int hours = digits(zone, 1, 2);
    int minutes;
    if (zone.length() == 3) {
      minutes = 0;
    } else if (zone.length() == 5) {
      minutes = digits(zone, 3, 2);
    } else if (zone.length() == 6 && zone.charAt(3) == ':') {
      minutes = digits(zone, 4, 2);
    } else {
      return null;
    }
    if (hours < 0 || minutes < 0) {
      return null;
    }
    int sign = zone.charAt(0) == '-' ? -1 : 1;
    try {
      return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static LocalDate date(String text) {
    if (text.charAt(4) != '-' || text.charAt(7) != '-') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    if (year < 0 || month < 0 || day < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The decimal value of {@code length} ASCII digits at {@code from}, or -1 if any is no digit. */
  private static int digits(String text, int from, int length) {
    int value = 0;
    for (int i = from; i < from + length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
