package io.wiretrace.core.topics;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * News text → topic terms. Plain Java, no Spark; one instance per task (not thread-safe).
 *
 * <p>What it does and why:
 * <ul>
 *   <li>NFKC, lower case; letters and digits make words; every other character separates.</li>
 *   <li>Apostrophes inside a word are removed and a possessive "'s" is dropped ("Biden's" → "biden",
 *       "don't" → "dont", which the stop list holds).</li>
 *   <li>Hyphenated words stay whole when a part has a digit ("covid-19", "f-16"), otherwise split
 *       ("well-known" → "well", "known"): a compound is usually also written apart.</li>
 *   <li>Numbers alone ("1987", "3.5", "1,000") are dropped: they say nothing about a topic.</li>
 *   <li>URLs, e-mail addresses and @handles are dropped whole.</li>
 *   <li>Bylines and credit trailers ("By Jane Doe", "Reporting by …; Editing by …") are dropped:
 *       names of reporters would otherwise pull one outlet's stories together.</li>
 *   <li>Han, kana and Hangul have no spaces: each run becomes overlapping character bigrams.</li>
 *   <li>Stop words removed, then the light plural stemmer (if on), then n-grams (if &gt; 1) over
 *       the remaining words. The title's terms are repeated {@code titleWeight} times: a headline
 *       is a summary written by an editor.</li>
 * </ul>
 */
public final class TopicTokenizer {

    private static final int MIN_LEN = 2;
    private static final int MAX_LEN = 40;
    private static final int MAX_BYLINE_WORDS = 8;

    private final Set<String> stopWords;
    private final boolean stem;
    private final int ngrams;
    private final int titleWeight;

    public TopicTokenizer(String language, Collection<String> extraStopWords, boolean stem, int ngrams, int titleWeight) {
        this.stopWords = StopWords.load(language, extraStopWords);
        this.stem = stem;
        this.ngrams = ngrams;
        this.titleWeight = titleWeight;
    }

    /** Terms of one article: the title's terms (repeated) followed by the body's. */
    public List<String> terms(String title, String text) {
        List<String> out = new ArrayList<>();
        if (title != null && titleWeight > 0) {
            List<String> t = filtered(title, false);
            for (int i = 0; i < titleWeight; i++) {
                addWithNgrams(t, out);
            }
        }
        if (text != null) {
            addWithNgrams(filtered(text, true), out);
        }
        return out;
    }

    /** Words of {@code s} after stop-word removal and stemming (no n-grams). */
    List<String> filtered(String s, boolean dropBylines) {
        List<String> raw = words(s, dropBylines);
        List<String> out = new ArrayList<>(raw.size());
        for (String w : raw) {
            if (stopWords.contains(w)) {
                continue;
            }
            String t = stem ? LightStemmer.stem(w) : w;
            if (!stopWords.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private void addWithNgrams(List<String> words, List<String> out) {
        out.addAll(words);
        for (int n = 2; n <= ngrams; n++) {
            for (int i = 0; i + n <= words.size(); i++) {
                out.add(String.join(" ", words.subList(i, i + n)));
            }
        }
    }

    /** Raw lower-case words (no stop-word filtering), with the tokenisation rules above. */
    static List<String> words(String s, boolean dropBylines) {
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = s.length();
        while (start < n) {
            int end = s.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            if (!(dropBylines && isByline(s, start, end))) {
                scanLine(s, start, end, out);
            }
            start = end + 1;
        }
        return out;
    }

    /** "By Jane Doe", "Reporting by …", "Editing by …", "Writing by …", "Additional reporting …". */
    static boolean isByline(String s, int start, int end) {
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        String head = s.substring(start, Math.min(end, start + 22)).toLowerCase(java.util.Locale.ROOT);
        if (head.startsWith("reporting by") || head.startsWith("editing by") || head.startsWith("writing by")
                || head.startsWith("additional reporting") || head.startsWith("compiled by")) {
            return true;
        }
        if (head.startsWith("by ") && start + 3 < end && Character.isUpperCase(s.charAt(start + 3))) {
            int words = 1;
            for (int i = start; i < end; i++) {
                if (s.charAt(i) == ' ') {
                    words++;
                }
            }
            return words <= MAX_BYLINE_WORDS;
        }
        return false;
    }

    private static void scanLine(String s, int from, int to, List<String> out) {
        StringBuilder w = new StringBuilder(16);
        int i = from;
        while (i < to) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            if (w.length() == 0 && isUrlStart(s, i, to)) {
                i = skipToSpace(s, i, to);
                continue;
            }
            if (isCjk(cp)) {
                flush(w, out);
                i = cjkBigrams(s, i, to, out);
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                w.appendCodePoint(Character.toLowerCase(cp));
                i += len;
                continue;
            }
            if (cp == '@') {
                // e-mail address or @handle: drop the whole chunk.
                w.setLength(0);
                i = skipToSpace(s, i, to);
                continue;
            }
            if (isApostrophe(cp) && w.length() > 0 && i + len < to && Character.isLetter(s.codePointAt(i + len))) {
                int next = i + len;
                // possessive 's / ’s at the end of a word: drop it.
                if ((s.charAt(next) == 's' || s.charAt(next) == 'S')
                        && (next + 1 >= to || !Character.isLetterOrDigit(s.codePointAt(next + 1)))) {
                    flush(w, out);
                    i = next + 1;
                } else {
                    i = next; // "don't" → "dont"
                }
                continue;
            }
            if (isHyphen(cp) && w.length() > 0 && i + len < to && Character.isLetterOrDigit(s.codePointAt(i + len))) {
                int j = i + len;
                while (j < to && Character.isLetterOrDigit(s.codePointAt(j))) {
                    j += Character.charCount(s.codePointAt(j));
                }
                String next = s.substring(i + len, j);
                if (hasDigit(w) || hasDigit(next)) {
                    w.append('-');
                    i += len;
                    continue;
                }
                flush(w, out);
                i += len;
                continue;
            }
            if ((cp == '.' || cp == ',') && w.length() > 0 && allDigits(w) && i + 1 < to
                    && Character.isDigit(s.charAt(i + 1))) {
                i++; // "3.5", "1,000": one number, dropped as a whole at flush
                continue;
            }
            flush(w, out);
            i += len;
        }
        flush(w, out);
    }

    private static void flush(StringBuilder w, List<String> out) {
        if (w.length() >= MIN_LEN && w.length() <= MAX_LEN && hasLetter(w)) {
            out.add(w.toString());
        }
        w.setLength(0);
    }

    private static int cjkBigrams(String s, int i, int to, List<String> out) {
        int prev = -1;
        while (i < to) {
            int cp = s.codePointAt(i);
            if (!isCjk(cp)) {
                break;
            }
            if (prev >= 0) {
                out.add(new StringBuilder(4).appendCodePoint(prev).appendCodePoint(cp).toString());
            }
            prev = cp;
            i += Character.charCount(cp);
        }
        return i;
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
        return sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
                || sc == Character.UnicodeScript.KATAKANA || sc == Character.UnicodeScript.HANGUL;
    }

    private static boolean isUrlStart(String s, int i, int to) {
        return s.regionMatches(true, i, "http://", 0, 7) || s.regionMatches(true, i, "https://", 0, 8)
                || s.regionMatches(true, i, "www.", 0, 4);
    }

    private static int skipToSpace(String s, int i, int to) {
        while (i < to && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u02BC' || cp == '\u2018';
    }

    private static boolean isHyphen(int cp) {
        return cp == '-' || cp == '\u2010' || cp == '\u2011';
    }

    private static boolean allDigits(CharSequence w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(CharSequence w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetter(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(CharSequence w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isDigit(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
