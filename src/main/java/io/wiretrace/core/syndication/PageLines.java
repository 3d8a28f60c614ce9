package io.wiretrace.core.syndication;

import java.util.Arrays;

/**
 * Lines of a page as units of its template. A scraped page is one paragraph or one piece of
 * chrome per line (navigation, share buttons, newsletter promos, copyright lines); the lines that
 * recur across many of one outlet's pages are its template, learned per run by the Spark stage,
 * and this class gives the two things that needs: a key per line and the text without the
 * template's lines (the matching form that is shingled and verified).
 *
 * <p>A line's key is the hash of its word tokens as the shingler reads them, so case, quote
 * style, punctuation and spacing do not make two copies of one template line different.
 */
public final class PageLines {

    private PageLines() {}

    /** Words from which a line is a paragraph (it can carry a content sentence), not a short piece of chrome. */
    public static final int PARAGRAPH_WORDS = 8;

    /**
     * The key of one line; 0 for a line without a word (blank, punctuation only). Its lowest bit
     * tells whether the line has {@link #PARAGRAPH_WORDS} or more words ({@link #isParagraph}), so
     * the key alone decides how much evidence the line needs to be a template line.
     */
    public static long key(String line) {
        long[] tokens = Shingler.tokens(Shingler.nfkc(line));
        if (tokens.length == 0) {
            return 0L;
        }
        long h = Shingler.sequence(tokens, 0, tokens.length) & ~1L;
        return tokens.length >= PARAGRAPH_WORDS ? h | 1L : (h == 0L ? 2L : h);
    }

    /** Whether a line key is that of a paragraph ({@link #PARAGRAPH_WORDS}+ words). */
    public static boolean isParagraph(long key) {
        return (key & 1L) != 0;
    }

    /** The distinct keys of a text's lines that hold a word, sorted. */
    public static long[] keys(String text) {
        return keys(text, Integer.MAX_VALUE);
    }

    /** As {@link #keys(String)}, for the lines of at most {@code maxChars} characters only. */
    public static long[] keys(String text, int maxChars) {
        if (text == null || text.isEmpty()) {
            return new long[0];
        }
        long[] out = new long[16];
        int n = 0;
        for (int from = 0, end; from <= text.length(); from = end + 1) {
            end = lineEnd(text, from);
            long k = end - from > maxChars ? 0L : key(text.substring(from, end));
            if (k != 0L) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = k;
            }
        }
        Arrays.sort(out, 0, n);
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (d == 0 || out[i] != out[d - 1]) {
                out[d++] = out[i];
            }
        }
        return Arrays.copyOf(out, d);
    }

    /**
     * The key of a text's longest line: its main paragraph, which two pages of one story share
     * (a duplicate, a write-through) and two different stories do not. Template learning counts
     * the different main lines a line recurs with, so that one story kept under several URLs does
     * not make its own paragraphs look like a template. 0 for a text without a word.
     */
    public static long mainLineKey(String text) {
        if (text == null || text.isEmpty()) {
            return 0L;
        }
        int bestFrom = 0;
        int bestEnd = 0;
        for (int from = 0, end; from <= text.length(); from = end + 1) {
            end = lineEnd(text, from);
            if (end - from > bestEnd - bestFrom) {
                bestFrom = from;
                bestEnd = end;
            }
        }
        return key(text.substring(bestFrom, bestEnd));
    }

    /**
     * The text without the lines whose key is in {@code drop} (sorted); the others, blank ones
     * included, keep their order, so paragraphs and sentence ends stay where they were.
     */
    public static String without(String text, long[] drop) {
        if (text == null || drop == null || drop.length == 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean first = true;
        for (int from = 0, end; from <= text.length(); from = end + 1) {
            end = lineEnd(text, from);
            String line = text.substring(from, end);
            long k = key(line);
            if (k == 0L || Arrays.binarySearch(drop, k) < 0) {
                if (!first) {
                    out.append('\n');
                }
                out.append(line);
                first = false;
            }
        }
        return out.toString();
    }

    /** Where the line starting at {@code from} ends: its line break, or the end of the text. */
    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }
}
