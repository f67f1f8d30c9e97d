package io.github.sfactions.emulator.soql.impl;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the date and datetime texts of SOQL literals and of stored record values. */
public final class TemporalValues {

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DATETIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(Z|([+-])(\\d{2}):?(\\d{2})?)");

    private TemporalValues() {
    }

    /** {@code yyyy-MM-dd}, or null when the text is no valid calendar date. */
    public static LocalDate parseDate(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH[:]MM|±HH)}, or null when the text is no valid instant.
     */
    public static Instant parseDateTime(String text) {
        Matcher m = DATETIME.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            int nanos = 0;
            if (m.group(7) != null) {
                String fraction = (m.group(7) + "00000000").substring(0, 9);
                nanos = Integer.parseInt(fraction);
            }
            LocalDateTime local = LocalDateTime.of(number(m, 1), number(m, 2), number(m, 3),
                    number(m, 4), number(m, 5), number(m, 6), nanos);
            ZoneOffset offset = ZoneOffset.UTC;
            if (m.group(9) != null) {
                int hours = number(m, 10);
                int minutes = m.group(11) == null ? 0 : number(m, 11);
                int sign = "-".equals(m.group(9)) ? -1 : 1;
                offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            }
            return local.toInstant(offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
