package io.wiretrace.core.syndication;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects a wire-service credit in an article: a dateline ({@code BEIRUT (Reuters) —},
 * {@code (AP) —}), a byline ({@code By Reuters}, {@code By X, Associated Press}, or the agency's
 * name as a line of its own), or a credit line ({@code Reporting by ...; Editing by ...},
 * {@code © AFP}, {@code — Reuters}, {@code Copyright 2018 The Associated Press. All rights
 * reserved.}, {@code Associated Press writers ... contributed}). A mention is not a credit: "told
 * Reuters", "Reuters reported", "according to AFP" are ignored, because only whole lines at the
 * positions where agencies are credited are looked at. Photo credits ({@code AP Photo/…},
 * {@code Photo: X, AP}, {@code X/Invision/AP}) are not the article's credit.
 *
 * <p>Scraped pages put chrome first (navigation, share buttons, captions), so the dateline is
 * looked for at the start of each of the first {@value #HEAD_LINES} lines, not only the first
 * (measured on real pages: the median dateline sits at paragraph 6, one in ten after paragraph
 * 24), bylines in the same head, and credit lines among the last {@value #TAIL_LINES} lines.
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
        AGENCIES.put("CNN", "CNN|CNN Newsource|CNN NewSource|CNN Wire");
    }

    private static final String ANY;
    private static final Pattern DATELINE;
    private static final Pattern BYLINE;
    private static final Pattern CLOSING;
    private static final Pattern CONTRIBUTED;
    /** A photo, video or graphic credit line: not the article's credit. */
    private static final Pattern PHOTO = Pattern.compile("(?i)\\b(?:photo|photos|image|picture|video|graphic|illustration|file)\\b|/");

    /** Lines at the head where a dateline or byline may sit after a scraped page's chrome. */
    static final int HEAD_LINES = 30;
    /** Lines at the tail where a credit or copyright line may sit. */
    static final int TAIL_LINES = 6;
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
        // "CITY, Country (AP) —" or "(Reuters) -" at the start of a line, or "(CNN)" as a line of its own.
        DATELINE = Pattern.compile("^[^\\n]{0,80}?\\(" + ANY + "\\)\\s*(?:" + dash + "|$)");
        // "By Reuters" / "By The Associated Press" / "Name Surname, AFP" as its own line.
        BYLINE = Pattern.compile("^(?:By\\s+)?(?:[^,|\\n]{1,40}[,|]\\s*)?" + ANY + "(?:\\s+(?:staff|writers?))?\\s*\\.?$");
        // Closing credit lines: "— Reuters", "© AFP 2026", "Copyright 2026 The Associated Press",
        // "Reporting by Reuters." "Source: AFP".
        CLOSING = Pattern.compile("(?m)^\\s*(?:" + dash + "\\s*|\u00A9\\s*|\\(c\\)\\s*|Copyright\\s+(?:\u00A9\\s*)?(?:\\d{4}\\s+)?(?:by\\s+)?"
                + "|Source:\\s*|Reporting by\\s+|Written by\\s+|With\\s+)" + ANY + "\\b[^\\n]{0,100}$");
        // "Associated Press writers Jane Doe and John Roe contributed to this report."
        CONTRIBUTED = Pattern.compile("^(?:The\\s+)?" + ANY + "\\s+(?:staff\\s+)?(?:writers?|reporters?|correspondents?)\\b[^\\n]{0,160}\\bcontributed\\b");
    }

    private WireCredits() {}

    /** The credited agency's canonical name, or null when the article credits none. */
    public static String detect(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        // Only the head and the tail are read: no split of the whole text (this runs on every article).
        java.util.List<String> lines = new java.util.ArrayList<>(HEAD_LINES);
        int from = 0;
        while (lines.size() < HEAD_LINES && from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            String p = text.substring(from, end).strip();
            if (!p.isEmpty()) {
                lines.add(p);
            }
            from = end + 1;
        }
        int head = lines.size();
        // The regular expressions run only where they can match (measured: run on every head line,
        // they took half of all feature time). A dateline's "(" is within its first 81 characters;
        // a byline is a line under 80.
        for (int i = 0; i < head; i++) {
            int paren = lines.get(i).indexOf('(');
            if (paren < 0 || paren > 80) {
                continue;
            }
            Matcher m = DATELINE.matcher(lines.get(i));
            if (m.find() && !PHOTO.matcher(lines.get(i).substring(0, m.start(1))).find()) {
                return canonical(m.group(1));
            }
        }
        for (int i = 0; i < head; i++) {
            String line = lines.get(i);
            if (line.length() >= 80) {
                continue;
            }
            Matcher b = BYLINE.matcher(line);
            if (b.find() && !PHOTO.matcher(line).find()) {
                // A bare "AP" or "AFP" below the first lines is more often a photo credit than a byline.
                if (i >= 2 && line.replaceAll("[.\\s]", "").length() <= 4) {
                    continue;
                }
                return canonical(b.group(1));
            }
        }
        java.util.List<String> tail = new java.util.ArrayList<>(TAIL_LINES);
        int to = text.length();
        while (tail.size() < TAIL_LINES && to > 0) {
            int nl = text.lastIndexOf('\n', to - 1);
            String p = text.substring(nl + 1, to).strip();
            if (!p.isEmpty()) {
                tail.add(0, p);
            }
            to = nl < 0 ? 0 : nl;
        }
        for (String p : tail) {
            // Each pattern only where it can match: a closing line starts with one of its lead-ins
            // (the line is stripped), a contributor line names "contributed", a reporting line "… by".
            if (p.length() >= 240) {
                continue;
            }
            boolean closing = closingLeadIn(p.charAt(0));
            boolean contributed = p.contains("contributed");
            boolean reportingBy = p.toLowerCase(Locale.ROOT).contains("ing by ");
            if (!closing && !contributed && !reportingBy
                    || PHOTO.matcher(p).find() && !p.contains("Copyright") && !p.contains("\u00A9")) {
                continue;
            }
            Matcher c = closing ? CLOSING.matcher(p) : null;
            if (c != null && c.find()) {
                return canonical(c.group(1));
            }
            Matcher w = contributed ? CONTRIBUTED.matcher(p) : null;
            if (w != null && w.find()) {
                return canonical(w.group(1));
            }
            if (reportingBy && REPORTING_BY.matcher(p).find()) {
                return "Reuters";
            }
        }
        return null;
    }

    /** Whether a stripped line may open a {@link #CLOSING} credit: a dash or colon, ©, "(c)", or C/S/R/W of its words. */
    private static boolean closingLeadIn(char c) {
        return c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == ':' || c == '\u00A9' || c == '('
                || c == 'C' || c == 'S' || c == 'R' || c == 'W';
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
