package org.coordscope.ingest.read;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parsing of the scalar values source files hold: counts, flags, times. Each throws {@link RowException}. */
final class Values {

    private Values() {}

    private static final Pattern EPOCH = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** Unix times above this are milliseconds: 1e11 seconds is the year 5138, 1e11 ms is March 1973. */
    private static final double MILLIS_THRESHOLD = 1e11;

    /**
     * {@code yyyy-MM-dd}, then {@code T} or a space, {@code HH:mm}, optional {@code :ss}, optional fraction, optional
     * offset ({@code Z}, {@code +01:00}, {@code +0100}). Covers ISO-8601, Twitter's archives and pandas' output.
     */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .appendValue(HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    /** Blank means "not given" throughout: null. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * A count such as a follower number: {@code 123}, or {@code 123.0} as pandas writes integers in a column with
     * gaps. Blank is null.
     */
    static Long count(String value, String field) throws RowException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException notAnInteger) {
            try {
                return new BigDecimal(v).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new RowException(field, "not a whole number: '" + abbreviate(v) + "'");
            }
        }
    }

    /** {@code True}/{@code False} as Python writes them, also {@code true}, {@code 1}, {@code 0}; blank is false. */
    static boolean flag(String value, String field) throws RowException {
        if (value == null || value.isBlank()) {
            return false;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "1.0", "yes", "t", "y":
                return true;
            case "false", "0", "0.0", "no", "f", "n":
                return false;
            default:
                throw new RowException(field, "not True or False: '" + abbreviate(value) + "'");
        }
    }

    /**
     * A date-time with or without seconds, fraction and offset ({@link #DATE_TIME}); without an offset it is
     * taken in {@code zone}. A bare date is the start of that day.
     */
    static Instant dateTime(String value, ZoneId zone) {
        String v = value.trim();
        LocalDateTime plain = plainDateTime(v);
        if (plain != null) {
            return plain.atZone(zone).toInstant();
        }
        return formattedDateTime(v, zone);
    }

    /** {@link #dateTime} by the general formatter only (the reference its fast path is tested against). */
    static Instant formattedDateTime(String v, ZoneId zone) {
        if (v.length() == 10) {
            return LocalDate.parse(v, DateTimeFormatter.ISO_LOCAL_DATE)
                    .atStartOfDay(zone)
                    .toInstant();
        }
        TemporalAccessor parsed = DATE_TIME.parseBest(v, OffsetDateTime::from, LocalDateTime::from);
        if (parsed instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((LocalDateTime) parsed).atZone(zone).toInstant();
    }

    /**
     * The common shapes read by hand, as the archives write every row: {@code yyyy-MM-dd}, and that with {@code T}
     * or a space and {@code HH:mm} or {@code HH:mm:ss}. Null for any other shape, which goes to {@link #DATE_TIME}
     * (a general formatter is several times slower, and this runs for every tweet). Out-of-range fields throw
     * {@link DateTimeException}, as the strict formatter does.
     */
    private static LocalDateTime plainDateTime(String v) {
        int n = v.length();
        if (n != 10 && n != 16 && n != 19 || v.charAt(4) != '-' || v.charAt(7) != '-') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        if (n == 10) {
            return LocalDateTime.of(year, month, day, 0, 0);
        }
        char sep = v.charAt(10);
        if (sep != ' ' && sep != 'T' || v.charAt(13) != ':' || n == 19 && v.charAt(16) != ':') {
            return null;
        }
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = n == 19 ? digits(v, 17, 2) : 0;
        if (hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    /** The decimal number of {@code count} ASCII digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(String v, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * The {@code auto} time format: all digits (optionally with a fraction) are unix seconds, or milliseconds when
     * above 1e11; anything else goes to {@link #dateTime}.
     */
    static Instant autoTime(String value, ZoneId zone) {
        String v = value.trim();
        if (EPOCH.matcher(v).matches()) {
            return epoch(v);
        }
        return dateTime(v, zone);
    }

    /** Unix seconds or milliseconds, told apart by size (see {@link #autoTime}). */
    static Instant epoch(String value) {
        BigDecimal number = new BigDecimal(value.trim());
        return epoch(number, number.abs().doubleValue() > MILLIS_THRESHOLD);
    }

    /** Unix time, in seconds or in milliseconds as told; a fraction is kept to the nanosecond. */
    static Instant epoch(BigDecimal number, boolean millis) {
        BigDecimal seconds = millis ? number.movePointLeft(3) : number;
        long whole = seconds.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        long nanos =
                seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    /**
     * A time by a {@link DateTimeFormatter} pattern: with a zone or offset in the pattern it is taken as written,
     * without one in {@code zone}; a date-only pattern gives the start of the day.
     */
    static Instant patternTime(String value, DateTimeFormatter formatter, ZoneId zone) {
        TemporalAccessor parsed =
                formatter.parseBest(value.trim(), ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
        if (parsed instanceof ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        if (parsed instanceof LocalDateTime ldt) {
            return ldt.atZone(zone).toInstant();
        }
        return ((LocalDate) parsed).atStartOfDay(zone).toInstant();
    }

    /** Wraps a time parse so a failure names the field and the value. */
    static Instant time(String value, String field, TimeParser parser) throws RowException {
        if (value == null || value.isBlank()) {
            throw new RowException(field, "no time given");
        }
        try {
            return parser.parse(value);
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            throw new RowException(field, "not a time: '" + abbreviate(value) + "'");
        }
    }

    /** A time parser for one column: a chosen format and zone. */
    @FunctionalInterface
    interface TimeParser {
        Instant parse(String value);
    }

    /** Keeps a bad value short in a report: the report is for people, and a runaway field can be megabytes. */
    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
