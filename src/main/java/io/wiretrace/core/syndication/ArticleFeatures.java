package io.wiretrace.core.syndication;

import io.wiretrace.core.text.TextNormalizer;
import java.io.Serializable;

/**
 * Everything syndication needs from one article, computed once: shingle set, MinHash signature,
 * title and lede fingerprints (for edit kinds), the wire credit and the content sentences.
 */
public final class ArticleFeatures implements Serializable {

    /** The features of one article; {@code contentChars} is the length of its matching text. */
    public record Features(int[] shingleSet, byte[] signature, long titleHash, long ledeHash, String wireCredit,
                           char[] sentences, int contentChars) {}

    private final Shingler shingler;
    private final MinHashSketcher sketcher;

    public ArticleFeatures(Shingler shingler, MinHashSketcher sketcher) {
        this.shingler = shingler;
        this.sketcher = sketcher;
    }

    public Features compute(String title, String text) {
        return compute(title, text, null);
    }

    /**
     * Features of an article whose page template lines ({@link PageLines} keys, sorted; null for
     * none) are left out of matching: shingles, sentences and the lede come from the text without
     * them. The wire credit reads the whole text, because an agency's copyright line recurs on
     * every page an outlet takes from it and is still that page's credit.
     */
    public Features compute(String title, String text, long[] template) {
        String matching = PageLines.without(text, template);
        long[] shingles = shingler.shingles(matching);
        return new Features(Shingler.toSet(shingles), sketcher.signature(shingles), fingerprint(title),
                fingerprint(lede(matching)), WireCredits.detect(text), ContentSentences.of(matching),
                matching == null ? 0 : matching.length());
    }

    /** The first non-blank line (paragraph) of a text. */
    static String lede(String text) {
        if (text == null) {
            return "";
        }
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(from, end);
            if (!line.isBlank()) {
                return line;
            }
            from = end + 1;
        }
        return "";
    }

    /** 64-bit fingerprint of a string's matching form. */
    public static long fingerprint(String s) {
        String m = TextNormalizer.forMatching(s == null ? "" : s);
        return Shingler.chars(m, 0, m.length());
    }

    /** A 64-bit key from an article id (its first 16 hex digits): compact join keys for LSH. */
    public static long docKey(String articleId) {
        return Long.parseUnsignedLong(articleId.substring(0, 16), 16);
    }
}
