package io.wiretrace.pipeline.run;

import io.wiretrace.config.ConfigException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The run date that partitions every report table: given (--run-date) or the UTC date at start. */
public final class RunDates {

    private RunDates() {}

    /** The given date, validated, or today's UTC date when {@code given} is null. */
    public static String resolve(String given, Clock clock) {
        if (given == null) {
            return LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        }
        validate(given);
        return given;
    }

    /** Fails with a usage error unless {@code date} is an ISO date (YYYY-MM-DD) between 1900 and 9999. */
    public static void validate(String date) {
        try {
            LocalDate d = LocalDate.parse(date == null ? "" : date);
            if (!d.toString().equals(date) || d.getYear() < 1900) {
                throw new DateTimeParseException("out of range", date, 0);
            }
        } catch (DateTimeParseException e) {
            throw new ConfigException("Invalid run date: '" + date + "' (expected YYYY-MM-DD, e.g. 2026-11-27)");
        }
    }
}
