package io.wiretrace.core.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text clean-up and the folded "matching form" of article text. Plain Java: no Spark here.
 *
 * <p>Two forms exist on purpose. {@link #clean} produces the stored text: the original words,
 * quotes and dashes, only with line endings unified and control characters removed (they break
 * BI readers and carry no meaning). {@link #forMatching} produces a form used only for comparing
 * articles: NFKC, lower case, every quote and dash variant folded to one character, zero-width
 * characters dropped and white space collapsed, so that two outlets' copies of one wire story
 * that differ only in typography compare equal.
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    /** Stored text: CRLF/CR to LF, C0/C1 controls (except tab and LF) removed, outer blank trimmed. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean keep;
            char replacement = c;
            if (c == '\r') {
                // CRLF becomes LF; a lone CR is a line break too.
                keep = !(i + 1 < n && text.charAt(i + 1) == '\n');
                replacement = '\n';
            } else {
                keep = !isDroppedControl(c);
            }
            if (!keep || replacement != c) {
                if (out == null) {
                    out = new StringBuilder(n);
                    out.append(text, 0, i);
                }
                if (keep) {
                    out.append(replacement);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        String s = out == null ? text : out.toString();
        return s.strip();
    }

    private static boolean isDroppedControl(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == '\uFFFE' || c == '\uFFFF';
    }

    /** True when the text has no visible characters. */
    public static boolean isBlank(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && !isZeroWidth(c) && !isDroppedControl(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The matching form: NFKC, lower case, quotes folded to {@code '}, dashes to {@code -},
     * zero-width and soft hyphens dropped, all white space (paragraph breaks included) to one space.
     */
    public static String forMatching(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = s.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isZeroWidth(c) || isDroppedControl(c)) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(foldPunctuation(c));
        }
        return out.toString();
    }

    /** Folds typographic quote and dash variants to their ASCII stand-ins. */
    public static char foldPunctuation(char c) {
        switch (c) {
            case '"': case '\u2018': case '\u2019': case '\u201A': case '\u201B': case '\u201C': case '\u201D':
            case '\u201E': case '\u201F': case '\u2032': case '\u2033': case '\u00AB': case '\u00BB': case '\u2039':
            case '\u203A': case '`': case '\u00B4': case '\u300C': case '\u300D': case '\uFF02': case '\uFF07':
                return '\'';
            case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': case '\u2015': case '\u2212':
            case '\uFE58': case '\uFE63': case '\uFF0D':
                return '-';
            default:
                return c;
        }
    }

    private static boolean isZeroWidth(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    /** Words: maximal runs of letters or digits (apostrophes inside a word kept), in the matching form. */
    public static int wordCount(String text) {
        if (text == null) {
            return 0;
        }
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(cp);
            if (wordChar && !inWord) {
                count++;
            }
            inWord = wordChar || (inWord && (cp == '\'' || cp == '\u2019') && i + 1 < text.length()
                    && Character.isLetterOrDigit(text.codePointAt(i + 1)));
            i += Character.charCount(cp);
        }
        return count;
    }

    /** Shortens text for an excerpt, escaping line breaks so one reject reads as one line. */
    public static String excerpt(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 1);
        for (int i = 0; i < text.length() && out.length() < maxChars; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= maxChars && text.length() > maxChars) {
            out.setLength(maxChars);
            out.append('…');
        }
        return out.toString();
    }
}
