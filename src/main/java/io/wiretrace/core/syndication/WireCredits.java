package io.wiretrace.core.syndication;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects a wire-service credit in an article: a dateline ({@code BEIRUT (Reuters) —},
 * {@code (AP) —}), a byline ({@code By Reuters}, {@code By The Associated Press}), or a credit
 * line ({@code Reporting by ...; Editing by ...}, {@code © AFP}, {@code — Reuters}). A mention is
 * not a credit: "told Reuters", "Reuters reported", "according to AFP" are ignored, because
 * only the positions where agencies are credited (start of the text, a byline, the closing
 * line) are looked at.
 */
public final class WireCredits {

    /** Canonical name → the spellings it is credited under. */
    private static final Map<String, String> AGENCIES = new LinkedHashMap<>();

    static {
        AGENCIES.put("AP", "AP|Associated Press|The Associated Press");
        AGENCIES.put("Reuters", "Reuters|Thomson Reuters");
        AGENCIES.put("AFP", "AFP|Agence France-Presse|Agence France Presse");
        AGENCIES.put("TASS", "TASS|ITAR-TASS");
        AGENCIES.put("Xinhua", "Xinhua");
        AGENCIES.put("dpa", "dpa|DPA|Deutsche Presse-Agentur");
        AGENCIES.put("ANI", "ANI");
        AGENCIES.put("PTI", "PTI|Press Trust of India");
        AGENCIES.put("UPI", "UPI|United Press International");
        AGENCIES.put("Bloomberg", "Bloomberg");
        AGENCIES.put("EFE", "EFE");
        AGENCIES.put("ANSA", "ANSA");
        AGENCIES.put("Kyodo", "Kyodo|Kyodo News");
        AGENCIES.put("Yonhap", "Yonhap");
        AGENCIES.put("PA", "PA Media|Press Association");
        AGENCIES.put("AAP", "AAP|Australian Associated Press");
        AGENCIES.put("CP", "The Canadian Press|Canadian Press");
        AGENCIES.put("IANS", "IANS");
        AGENCIES.put("WAM", "WAM");
        AGENCIES.put("SPA", "SPA|Saudi Press Agency");
        AGENCIES.put("Anadolu", "Anadolu|Anadolu Agency");
        AGENCIES.put("Interfax", "Interfax");
    }

    private static final String ANY;
    private static final Pattern DATELINE;
    private static final Pattern BYLINE;
    private static final Pattern CLOSING;
    private static final Pattern REPORTING_BY = Pattern.compile(
            "(?i)\\b(?:reporting|writing) by [^.;\\n]{2,80}[;,]\\s*(?:additional reporting|editing) by");

    static {
        StringBuilder sb = new StringBuilder();
        for (String v : AGENCIES.values()) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(v);
        }
        ANY = "(" + sb + ")";
        String dash = "[\\-\u2010-\u2015\u2212:]";
        // "CITY, Country (AP) —" or "(Reuters) -" near the start of the text.
        DATELINE = Pattern.compile("^.{0,80}?\\(" + ANY + "\\)\\s*" + dash, Pattern.DOTALL);
        // "By Reuters" / "By The Associated Press" / "Name Surname, AFP" as its own line.
        BYLINE = Pattern.compile("^(?:By\\s+)?(?:[^,|\\n]{1,40}[,|]\\s*)?" + ANY + "(?:\\s+(?:staff|writers?))?\\s*\\.?$");
        // Closing credit lines: "— Reuters", "© AFP 2026", "Copyright 2026 The Associated Press",
        // "Reporting by Reuters." "Source: AFP".
        CLOSING = Pattern.compile("(?m)^\\s*(?:" + dash + "\\s*|\u00A9\\s*|\\(c\\)\\s*|Copyright\\s+(?:\\d{4}\\s+)?|Source:\\s*"
                + "|Reporting by\\s+|Written by\\s+|With\\s+)" + ANY + "\\b[^\\n]{0,60}$");
    }

    private WireCredits() {}

    /** The credited agency's canonical name, or null when the article credits none. */
    public static String detect(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String head = text.length() > 400 ? text.substring(0, 400) : text;
        Matcher m = DATELINE.matcher(head);
        if (m.find()) {
            return canonical(m.group(1));
        }
        // Only the first two and the last three lines can hold a byline or a credit line.
        java.util.List<String> lines = new java.util.ArrayList<>(5);
        int from = 0;
        while (lines.size() < 2 && from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            if (end > from && !text.substring(from, end).isBlank()) {
                lines.add(text.substring(from, end));
            }
            from = end + 1;
        }
        for (String first : lines) {
            Matcher b = BYLINE.matcher(first.strip());
            if (first.length() < 80 && b.find()) {
                return canonical(b.group(1));
            }
        }
        java.util.List<String> last = new java.util.ArrayList<>(3);
        int to = text.length();
        while (last.size() < 3 && to > 0) {
            int nl = text.lastIndexOf('\n', to - 1);
            String line = text.substring(nl + 1, to);
            if (!line.isBlank()) {
                last.add(0, line);
            }
            to = nl < 0 ? 0 : nl;
        }
        for (String line : last) {
            String p = line.strip();
            Matcher c = CLOSING.matcher(p);
            if (p.length() < 200 && c.find()) {
                return canonical(c.group(1));
            }
            if (REPORTING_BY.matcher(p).find()) {
                return "Reuters";
            }
        }
        return null;
    }

    static String canonical(String spelling) {
        String s = spelling.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : AGENCIES.entrySet()) {
            for (String v : e.getValue().split("\\|")) {
                if (v.toLowerCase(Locale.ROOT).equals(s)) {
                    return e.getKey();
                }
            }
        }
        return spelling;
    }
}
