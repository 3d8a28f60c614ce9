package io.wiretrace.core.syndication;

import io.wiretrace.core.text.TextNormalizer;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Shingles of an article's text in matching form (quote style, case, dashes and white space do
 * not matter). Word shingles are {@code size} consecutive tokens, a token being a run of letters
 * or digits (an apostrophe inside a word is dropped, so "Russia's" and "Russia’s" are one token);
 * character shingles are {@code size} consecutive characters of the matching form.
 *
 * <p>Each shingle is a 64-bit hash (fed to MinHash); the exact sets used for verification keep
 * its high 32 bits, sorted and de-duplicated: half the memory, and a chance collision between two
 * 500-shingle articles is about one in 17,000 shared shingles' worth of noise, far below any threshold.
 */
public final class Shingler implements Serializable {

    public enum Unit { WORD, CHAR }

    private final Unit unit;
    private final int size;

    public Shingler(Unit unit, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("Invalid shingle size: " + size);
        }
        this.unit = unit;
        this.size = size;
    }

    /**
     * 64-bit shingle hashes, in text order (repeats possible: MinHash ignores them and
     * {@link #toSet} removes them).
     */
    public long[] shingles(String text) {
        if (unit == Unit.CHAR) {
            return charShingles(TextNormalizer.forMatching(text));
        }
        // Word shingles read the text directly: case is folded per character, and every quote,
        // dash or space variant is a separator anyway, so only NFKC needs the whole string (and
        // only when the text is not already in NFKC, which news text almost always is).
        return wordShingles(nfkc(text));
    }

    /** The text in NFKC (compatibility forms folded), skipping the work when it already is. */
    static String nfkc(String text) {
        String t = text == null ? "" : text;
        return isAsciiOrNfkc(t) ? t : java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFKC);
    }

    private static boolean isAsciiOrNfkc(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) >= 0x80) {
                return java.text.Normalizer.isNormalized(t, java.text.Normalizer.Form.NFKC);
            }
        }
        return true;
    }

    /** The exact-verification form: high 32 bits of each shingle hash, sorted, distinct. */
    public static int[] toSet(long[] shingles) {
        int[] s = new int[shingles.length];
        for (int i = 0; i < shingles.length; i++) {
            s[i] = (int) (shingles[i] >>> 32);
        }
        Arrays.sort(s);
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            if (i == 0 || s[i] != s[i - 1]) {
                s[n++] = s[i];
            }
        }
        return n == s.length ? s : Arrays.copyOf(s, n);
    }

    static boolean wordChar(char c) {
        return c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                : Character.isLetterOrDigit(c);
    }

    static boolean invisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    static boolean apostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '`' || c == '\u00B4' || c == '\u2032';
    }

    /** Case folding of one word character (ASCII fast path). */
    static char fold(char c) {
        return c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
    }

    /**
     * Hashes of the word tokens of {@code m} (in NFKC), in text order: runs of letters and digits,
     * case folded, zero-width characters and apostrophes inside a word dropped. One scanner for
     * shingles and page-line keys, so both see the same words.
     */
    static long[] tokens(String m) {
        long[] tokens = new long[Math.max(8, m.length() / 5)];
        int nt = 0;
        int i = 0;
        int len = m.length();
        while (i < len) {
            while (i < len && !wordChar(m.charAt(i))) {
                i++;
            }
            if (i >= len) {
                break;
            }
            long h = 0x9E3779B97F4A7C15L;
            while (i < len) {
                char c = m.charAt(i);
                if (wordChar(c)) {
                    h = (h ^ fold(c)) * 0x100000001B3L;
                    i++;
                } else if (invisible(c)
                        || (apostrophe(c) && i + 1 < len && wordChar(m.charAt(i + 1)))) {
                    i++; // zero-width characters and apostrophes inside a word are dropped
                } else {
                    break;
                }
            }
            if (nt == tokens.length) {
                tokens = Arrays.copyOf(tokens, nt * 2);
            }
            tokens[nt++] = mix(h);
        }
        return nt == tokens.length ? tokens : Arrays.copyOf(tokens, nt);
    }

    /** One 64-bit hash of a token sequence (order matters). */
    static long sequence(long[] tokens, int from, int k) {
        long h = k;
        for (int j = 0; j < k; j++) {
            h = Long.rotateLeft(h, 23) ^ tokens[from + j];
            h *= 0xC2B2AE3D27D4EB4FL;
        }
        return mix(h);
    }

    private long[] wordShingles(String m) {
        long[] tokens = tokens(m);
        int nt = tokens.length;
        if (nt == 0) {
            return new long[0];
        }
        int k = Math.min(size, nt);
        long[] out = new long[nt - k + 1];
        for (int s = 0; s + k <= nt; s++) {
            out[s] = sequence(tokens, s, k);
        }
        return out;
    }

    private long[] charShingles(String m) {
        if (m.isEmpty()) {
            return new long[0];
        }
        int k = Math.min(size, m.length());
        long[] out = new long[m.length() - k + 1];
        for (int s = 0; s + k <= m.length(); s++) {
            out[s] = chars(m, s, k);
        }
        return out;
    }

    /** One 64-bit hash of the characters {@code [from, from + length)} of {@code s}: FNV-1a, then {@link #mix}. */
    static long chars(CharSequence s, int from, int length) {
        long h = 0xCBF29CE484222325L;
        for (int j = from; j < from + length; j++) {
            h = (h ^ s.charAt(j)) * 0x100000001B3L;
        }
        return mix(h);
    }

    /** A strong 64-bit finaliser (murmur3 fmix64): spreads FNV-style accumulations over all bits. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

}
