package io.wiretrace.core.syndication;

import java.util.Arrays;

/**
 * The product's definition of a copy, made operational: two articles are copies when at least
 * half of the shorter one's <em>content sentences</em> (8+ words) appear verbatim or
 * near-verbatim in the other (docs/syndication.md). Word shingles measure the same thing only
 * roughly: an agency story whose words the newspaper edited here and there keeps its sentences
 * but loses most of its 5-word runs.
 *
 * <p>An article's sentences are kept in a compact form, one entry per content sentence: the
 * sentence's distinct words as sorted 16-bit hashes. 16 bits are plenty: words are only ever
 * compared within one pair of sentences (about 20 × 20 words, so a chance match is one in
 * ~160 sentence pairs' worth of one word), and the form costs 2 bytes a word, half of a shingle set.
 * Layout: for each sentence, its word count (a char) and then its words (chars, ascending); bit 0
 * of a word marks a figure (a token with a digit).
 *
 * <p>A sentence is near-verbatim in another when at least {@code nearVerbatim} of its distinct
 * words and all of its figures are in that sentence: an edited copy keeps the facts, while
 * templated reports (a dividend notice, a market report, a match result) reuse every word but the
 * names and figures, and are different stories.
 *
 * <p>Sentences end at . ! ? and their Urdu/Arabic and CJK forms, and at line breaks; a full stop
 * between two digits (3.5) does not end one.
 */
public final class ContentSentences {

    /** A sentence with fewer words than this is not content (captions, buttons, datelines, bylines). */
    public static final int MIN_WORDS = 8;

    /** The most sentences kept for one article: bounds a pair's work on a 400-paragraph page. */
    static final int MAX_SENTENCES = 2000;

    private ContentSentences() {}

    /** How a pair's content sentences compare. */
    public record Match(int matched, int sentencesOfShorter) {
        /** Share of the shorter article's content sentences found in the other; 0 when it has none. */
        public double share() {
            return sentencesOfShorter == 0 ? 0.0 : (double) matched / sentencesOfShorter;
        }
    }

    /** The compact sentence form of a text (see the class comment). */
    public static char[] of(String text) {
        if (text == null || text.isEmpty()) {
            return new char[0];
        }
        text = Shingler.nfkc(text); // the words are the shingler's words
        char[] out = new char[Math.max(16, text.length() / 4)];
        int n = 0;
        char[] words = new char[64];
        int nw = 0;
        int tokens = 0;
        int sentences = 0;
        boolean digit = false;
        int i = 0;
        int len = text.length();
        // The end of the text (i == len) ends a sentence like a full stop.
        while (i <= len && sentences < MAX_SENTENCES) {
            if (i < len && Shingler.wordChar(text.charAt(i))) {
                long h = 0x9E3779B97F4A7C15L;
                while (i < len) {
                    char d = text.charAt(i);
                    if (Shingler.wordChar(d)) {
                        digit |= d < 0x80 ? d >= '0' && d <= '9' : Character.isDigit(d);
                        h = (h ^ Shingler.fold(d)) * 0x100000001B3L;
                        i++;
                    } else if (Shingler.invisible(d)
                            || (Shingler.apostrophe(d) && i + 1 < len && Shingler.wordChar(text.charAt(i + 1)))) {
                        i++;
                    } else {
                        break;
                    }
                }
                if (nw == words.length) {
                    words = Arrays.copyOf(words, nw * 2);
                }
                // Bit 0 marks a figure (a token with a digit): a near-verbatim sentence keeps its figures.
                words[nw++] = (char) ((Shingler.mix(h) >>> 48) & ~1 | (digit ? 1 : 0));
                digit = false;
                tokens++;
                continue;
            }
            boolean end = i == len || isStop(text.charAt(i)) && !(text.charAt(i) == '.' && i > 0 && i + 1 < len
                    && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1)));
            i++;
            if (end) {
                if (tokens >= MIN_WORDS) {
                    int distinct = sortDistinct(words, nw);
                    if (n + distinct + 1 > out.length) {
                        out = Arrays.copyOf(out, Math.max(out.length * 2, n + distinct + 1));
                    }
                    out[n++] = (char) distinct;
                    System.arraycopy(words, 0, out, n, distinct);
                    n += distinct;
                    sentences++;
                }
                nw = 0;
                tokens = 0;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean isStop(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == '\u06D4' || c == '\u061F'
                || c == '\u3002' || c == '\uFF01' || c == '\uFF1F' || c == '\u0964';
    }

    private static int sortDistinct(char[] w, int n) {
        Arrays.sort(w, 0, n);
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || w[i] != w[i - 1]) {
                w[d++] = w[i];
            }
        }
        return Math.min(d, Character.MAX_VALUE);
    }

    /**
     * Keys of an article's first {@code max} content sentences, distinct, in text order: a
     * sentence's key is a hash of its distinct words, so two articles that open with the same
     * sentence share a key whatever else they carry. Syndication uses them as candidate keys next
     * to the LSH bands, for the copies banding cannot see: a stub of a story's first paragraphs, or
     * a story trimmed to its lede, shares its opening sentences with the full text while its
     * Jaccard with it is 0.1 (docs/syndication.md, step 2).
     */
    public static long[] anchors(char[] form, int max) {
        long[] out = new long[Math.max(0, max)];
        int n = 0;
        java.nio.CharBuffer chars = java.nio.CharBuffer.wrap(form);
        for (int i = 0; i < form.length && n < out.length; i += form[i] + 1) {
            long key = Shingler.chars(chars, i, form[i] + 1); // the sentence's word count and words
            boolean seen = false;
            for (int q = 0; q < n; q++) {
                seen |= out[q] == key;
            }
            if (!seen) {
                out[n++] = key;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The number of content sentences in a compact form. */
    public static int count(char[] form) {
        int s = 0;
        for (int i = 0; i < form.length; i += form[i] + 1) {
            s++;
        }
        return s;
    }

    /**
     * An article's sentences ready to be compared: its compact form, its size, and an inverted
     * index ((word &lt;&lt; 16 | sentence) sorted, so a word's sentences are one run found by binary
     * search), built once per article rather than once per pair.
     */
    public record Indexed(char[] form, int sentences, int words, int[] postings) {}

    public static Indexed index(char[] form) {
        int nb = count(form);
        int[] postings = new int[form.length - nb];
        int p = 0;
        int s = 0;
        for (int i = 0; i < form.length; i += form[i] + 1, s++) {
            for (int k = 1; k <= form[i]; k++) {
                // Sign bit flipped: the word compares as unsigned in the high half.
                postings[p++] = ((form[i + k] << 16) | Math.min(s, 0xFFFF)) ^ Integer.MIN_VALUE;
            }
        }
        Arrays.sort(postings);
        return new Indexed(form, nb, form.length - nb, postings);
    }

    public static Match compare(char[] a, char[] b, double nearVerbatim) {
        return compare(index(a), index(b), nearVerbatim);
    }

    /**
     * Compares two articles: how many of the shorter one's content sentences (fewer content words;
     * on a tie, {@code a}) have at least {@code nearVerbatim} of their distinct words, and all their
     * figures, in one sentence of the other.
     */
    public static Match compare(Indexed a, Indexed b, double nearVerbatim) {
        Indexed sIdx = a.words() <= b.words() ? a : b;
        Indexed lIdx = sIdx == a ? b : a;
        char[] shorter = sIdx.form();
        int sentences = sIdx.sentences();
        int nb = lIdx.sentences();
        if (sentences == 0 || nb == 0) {
            return new Match(0, sentences);
        }
        int[] postings = lIdx.postings();
        int[] hits = new int[nb];
        int[] figureHits = new int[nb];
        int[] touched = new int[nb];
        int matched = 0;
        for (int i = 0; i < shorter.length; i += shorter[i] + 1) {
            int size = shorter[i];
            int need = (int) Math.ceil(nearVerbatim * size);
            int figures = 0;
            int nt = 0;
            for (int k = 1; k <= size; k++) {
                char w = shorter[i + k];
                boolean figure = (w & 1) != 0;
                figures += figure ? 1 : 0;
                int key = (w << 16) ^ Integer.MIN_VALUE;
                for (int q = lowerBound(postings, key); q < postings.length
                        && (postings[q] & 0xFFFF0000) == (key & 0xFFFF0000); q++) {
                    int t = postings[q] & 0xFFFF;
                    if (hits[t]++ == 0) {
                        touched[nt++] = t;
                    }
                    figureHits[t] += figure ? 1 : 0;
                }
            }
            boolean found = false;
            for (int k = 0; k < nt; k++) {
                int t = touched[k];
                found |= hits[t] >= need && figureHits[t] == figures;
                hits[t] = 0;
                figureHits[t] = 0;
            }
            if (found) {
                matched++;
            }
        }
        return new Match(matched, sentences);
    }

    /** The compact form as bytes (big-endian chars), for a binary column. */
    public static byte[] toBytes(char[] form) {
        byte[] out = new byte[form.length * 2];
        for (int i = 0; i < form.length; i++) {
            out[2 * i] = (byte) (form[i] >>> 8);
            out[2 * i + 1] = (byte) form[i];
        }
        return out;
    }

    public static char[] fromBytes(byte[] bytes) {
        char[] out = new char[bytes.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (char) (((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF));
        }
        return out;
    }

    private static int lowerBound(int[] a, int key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
