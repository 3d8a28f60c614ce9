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
        return norm(a).equals(norm(b));
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
