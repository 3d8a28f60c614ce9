package io.wiretrace.core.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relative times as aggregator pages print them ("33 minutes ago", "an hour ago", "yesterday").
 * They are resolved against the page's scrape time; the result is as precise as the phrase
 * ("an hour ago" means 60 minutes before the scrape, give or take the page's own rounding).
 */
public final class RelativeTime {

    private static final Pattern PHRASE = Pattern.compile(
            "^(?:(just now|now|moments? ago|yesterday)|(an?|one|\\d{1,4})\\s*"
                    + "(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y)\\s+ago)$",
            Pattern.CASE_INSENSITIVE);

    private RelativeTime() {}

    public static boolean matches(String line) {
        return line != null && PHRASE.matcher(line.strip()).matches();
    }

    /** How long before the scrape the phrase says; empty when it is not a relative time. */
    public static Optional<Duration> parse(String phrase) {
        if (phrase == null) {
            return Optional.empty();
        }
        Matcher m = PHRASE.matcher(phrase.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(1) != null) {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            return Optional.of(w.equals("yesterday") ? Duration.ofDays(1) : Duration.ZERO);
        }
        String q = m.group(2).toLowerCase(Locale.ROOT);
        long n = q.equals("a") || q.equals("an") || q.equals("one") ? 1 : Long.parseLong(q);
        String unit = m.group(3).toLowerCase(Locale.ROOT);
        Duration d;
        if (unit.startsWith("s")) {
            d = Duration.ofSeconds(n);
        } else if (unit.equals("m") || unit.startsWith("min")) {
            d = Duration.ofMinutes(n);
        } else if (unit.startsWith("h")) {
            d = Duration.ofHours(n);
        } else if (unit.startsWith("d")) {
            d = Duration.ofDays(n);
        } else if (unit.startsWith("w")) {
            d = Duration.ofDays(7 * n);
        } else if (unit.startsWith("mo")) {
            d = Duration.ofDays(30 * n);
        } else {
            d = Duration.ofDays(365 * n);
        }
        return Optional.of(d);
    }

    /** The phrase resolved against a reference time; null when either is unknown. */
    public static Instant resolve(String phrase, Instant reference) {
        if (reference == null) {
            return null;
        }
        return parse(phrase).map(reference::minus).orElse(null);
    }
}
