package io.wiretrace.core.html;

import static io.wiretrace.core.html.HtmlText.blank;
import static io.wiretrace.core.html.HtmlText.clean;
import static io.wiretrace.core.html.HtmlText.firstNonBlank;
import static io.wiretrace.core.html.HtmlText.norm;
import static io.wiretrace.core.html.HtmlText.sameText;

import java.util.Locale;

/** Small text helpers the extractor's parts share. */
final class HtmlText {

    private HtmlText() {}

    static boolean sameText(String a, String b) {
        return sameNormalized(a, norm(b));
    }

    /**
     * Whether {@code norm(text)} equals {@code normalized} (already {@link #norm normalised}),
     * without normalising a text that differs early: the extractor asks this of every block of
     * the article against its title, and most blocks differ in their first characters. ASCII is
     * compared as it goes; from the first other character on, the rest is normalised whole (a
     * mismatch before it is final: lower-casing and collapsing ASCII look at no later character).
     */
    static boolean sameNormalized(String text, String normalized) {
        int at = 0;
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || (c < ' ' && (c < '\t' || c > '\r'))) {
                // Beyond ASCII, and the control characters strip() takes at the ends.
                return norm(text).equals(normalized);
            }
            if (isAsciiSeparator(c)) {
                gap = at > 0;
                continue;
            }
            if (gap) {
                if (at >= normalized.length() || normalized.charAt(at) != ' ') {
                    return false;
                }
                at++;
                gap = false;
            }
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (at >= normalized.length() || normalized.charAt(at) != lower) {
                return false;
            }
            at++;
        }
        return at == normalized.length();
    }

    /** ASCII characters {@link #norm} collapses: punctuation, symbols, white space. */
    private static boolean isAsciiSeparator(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c > ' ' && c < 127 && !Character.isLetterOrDigit(c));
    }

    static String norm(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}\\p{Z}\\s]+", " ").strip();
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String c = org.jsoup.parser.Parser.unescapeEntities(s, false).replaceAll("\\s+", " ").strip();
        return c.isEmpty() ? null : c;
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!blank(v)) {
                return v.strip();
            }
        }
        return null;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
