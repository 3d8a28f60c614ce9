package io.wiretrace.core.html;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where an outlet's headline of record is declared, for outlets whose visible headline and
 * declared titles differ by design (a social headline in {@code og:title}, an SEO headline in
 * JSON-LD). Set per outlet in the registry's {@code title_source} column; without one the
 * extractor's generic rule chooses.
 */
public enum TitleSource {
    /** The page's h1, without a kicker set in its own element. */
    H1("h1"),
    /** {@code <meta property="og:title">}. */
    OG_TITLE("og:title"),
    /** {@code <meta name="twitter:title">}. */
    TWITTER_TITLE("twitter:title"),
    /** The article's JSON-LD {@code headline}. */
    HEADLINE("headline"),
    /** The document's {@code <title>}, site name stripped. */
    TITLE("title");

    private final String code;

    TitleSource(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The source for a registry value (case-insensitive); blank means none. */
    public static TitleSource parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (TitleSource s : values()) {
            if (s.code.equals(v)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Invalid title_source '" + value + "': must be one of "
                + Arrays.stream(values()).map(TitleSource::code).collect(Collectors.joining(", ")) + " or blank");
    }
}
