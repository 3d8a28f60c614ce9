package io.wiretrace.core.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses the date forms scrapers produce: ISO-8601 with or without offset (a space may stand for
 * the {@code T}), a date alone, RFC 1123 ({@code Tue, 3 Jun 2008 11:05:30 GMT}), and epoch numbers.
 * Values outside 1900–2199 are treated as unparseable: a year 9999 or 0001 is a scraper's
 * placeholder, not a publication time.
 */
public final class Timestamps {

    /** Epoch values with an absolute value below this are seconds, above it milliseconds. */
    static final double EPOCH_SECONDS_LIMIT = 1e11;
    private static final Instant MIN = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("2200-01-01T00:00:00Z");
    private static final Pattern NUMERIC = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");
    private static final Pattern OFFSET_NO_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern DATE_SPACE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:)");
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).toFormatter(Locale.ROOT);

    private Timestamps() {}

    /** The outcome: a value, nothing given, or something given that could not be read. */
    public record Parsed(Instant value, boolean invalid) {
        static final Parsed ABSENT = new Parsed(null, false);
        static final Parsed INVALID = new Parsed(null, true);
    }

    public static Parsed parse(Object raw, ZoneId defaultZone) {
        if (raw == null) {
            return Parsed.ABSENT;
        }
        Instant value;
        if (raw instanceof Instant i) {
            value = i;
        } else if (raw instanceof Date d) {
            value = d.toInstant();
        } else if (raw instanceof LocalDateTime ldt) {
            value = ldt.atZone(defaultZone).toInstant();
        } else if (raw instanceof Number n) {
            value = fromEpoch(n.doubleValue());
        } else {
            String s = raw.toString().strip();
            if (s.isEmpty()) {
                return Parsed.ABSENT;
            }
            value = parseString(s, defaultZone);
        }
        if (value == null || value.isBefore(MIN) || !value.isBefore(MAX)) {
            return Parsed.INVALID;
        }
        return new Parsed(value, false);
    }

    private static Instant fromEpoch(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        double millis = Math.abs(v) < EPOCH_SECONDS_LIMIT ? v * 1000.0 : v;
        if (Math.abs(millis) > 1e16) {
            return null;
        }
        return Instant.ofEpochMilli((long) millis);
    }

    private static Instant parseString(String s, ZoneId zone) {
        if (NUMERIC.matcher(s).matches()) {
            return fromEpoch(Double.parseDouble(s));
        }
        String iso = DATE_SPACE_TIME.matcher(s).replaceFirst("$1T$2");
        if (iso.endsWith(" UTC") || iso.endsWith(" GMT")) {
            iso = iso.substring(0, iso.length() - 4) + "Z";
        }
        iso = OFFSET_NO_COLON.matcher(iso).replaceFirst("$1:$2");
        try {
            return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException ignored) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(iso, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
        } catch (DateTimeException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(iso, LOCAL).atZone(zone).toInstant();
        } catch (DateTimeException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(zone).toInstant();
        } catch (DateTimeException ignored) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException ignored) {
            return null;
        }
    }
}
