package io.wiretrace.core.syndication;

/**
 * The LSH buckets of one article: one per band of its MinHash signature, then one per sentence
 * anchor ({@link ContentSentences#anchors}), the anchors counting as band number {@code bands}.
 * Candidate generation groups articles by (band, bucket); the story index keeps each article's
 * buckets as single 64-bit lookup keys ({@link #lookups}), so that a later run finds the earlier
 * articles sharing a bucket with its own by reading one small column, without recomputing band
 * keys from signatures or anchors from sentences.
 */
public final class BucketKeys {

    private final MinHashSketcher sketcher;
    private final int bands;
    private final int rows;
    private final int anchors;

    public BucketKeys(int components, int bands, int rows, int anchors) {
        this.sketcher = new MinHashSketcher(components);
        this.bands = bands;
        this.rows = rows;
        this.anchors = anchors;
    }

    /** The band keys (index b = band b), then the anchor keys (band {@code bands}). */
    public long[] buckets(byte[] signature, char[] sentences) {
        long[] a = ContentSentences.anchors(sentences, anchors);
        long[] out = new long[bands + a.length];
        for (int b = 0; b < bands; b++) {
            out[b] = sketcher.bandKey(signature, b, rows);
        }
        System.arraycopy(a, 0, out, bands, a.length);
        return out;
    }

    /** The band of entry {@code i} of {@link #buckets}. */
    public int band(int i) {
        return Math.min(i, bands);
    }

    /**
     * One key per bucket, (band, bucket) mixed: two articles share a bucket only if they share its
     * lookup key. A collision of two different buckets (odds 2^-64 per pair) only adds an earlier
     * article to the candidates, which verification then judges like any other.
     */
    public long[] lookups(byte[] signature, char[] sentences) {
        long[] b = buckets(signature, sentences);
        for (int i = 0; i < b.length; i++) {
            b[i] = lookup(band(i), b[i]);
        }
        return b;
    }

    /** The lookup key of {@code bucket} in band {@code band}. */
    public static long lookup(int band, long bucket) {
        return Shingler.mix(bucket + 0x9E3779B97F4A7C15L * (band + 1L));
    }
}
