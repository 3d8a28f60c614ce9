package io.wiretrace.core.syndication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Direct tests of the small pieces syndication is built from: buckets, edit kinds, banding, signatures. */
class SyndicationPrimitivesTest {

    private static List<long[]> pairsOf(long[] members, int maxSize, int window) {
        List<long[]> out = new ArrayList<>();
        long n = Buckets.pairs(members, maxSize, window, (a, b) -> {
            out.add(new long[] {a, b});
            return 0;
        });
        assertEquals(n, out.size());
        return out;
    }

    @Test
    void aNormalBucketYieldsEveryPairOnceInKeyOrder() {
        List<long[]> pairs = pairsOf(new long[] {30, 10, 20, 10}, 10, 2);
        // 10 twice (one article in two bands' rows) pairs with nothing twice: 3 distinct pairs, a < b.
        assertEquals(List.of("10-20", "10-30", "20-30"),
                Buckets.distinct(pairs).stream().map(p -> p[0] + "-" + p[1]).toList());
        pairs.forEach(p -> assertTrue(p[0] < p[1]));
    }

    @Test
    void aGiantBucketIsLinearAndStillConnected() {
        long[] members = new long[1000];
        for (int i = 0; i < members.length; i++) {
            members[i] = 1000 - i;
        }
        List<long[]> pairs = pairsOf(members, 50, 3);
        assertTrue(pairs.size() <= 3 * members.length, "linear: " + pairs.size());
        // Each member is linked to the next in key order: one connected group.
        java.util.Set<String> edges = new java.util.HashSet<>();
        pairs.forEach(p -> edges.add(p[0] + "-" + p[1]));
        for (long k = 1; k < 1000; k++) {
            assertTrue(edges.contains(k + "-" + (k + 1)), "chain broken at " + k);
        }
    }

    @Test
    void distinctOrdersAndMergesPairsWhateverTheirOrder() {
        List<long[]> in = List.of(new long[] {5, 1}, new long[] {1, 5}, new long[] {2, 3}, new long[] {1, 5});
        List<long[]> out = Buckets.distinct(in);
        assertEquals(2, out.size());
        assertArrayEquals(new long[] {1, 5}, out.get(0));
        assertArrayEquals(new long[] {2, 3}, out.get(1));
    }

    @Test
    void editKindsInTheirOrder() {
        assertEquals(EditKind.IDENTICAL, EditKind.classify(100, 100, 95, true, true));
        assertEquals(EditKind.HEADLINE_CHANGED, EditKind.classify(100, 100, 95, false, true));
        assertEquals(EditKind.LEDE_REWRITTEN, EditKind.classify(100, 100, 70, true, false));
        assertEquals(EditKind.TRIMMED, EditKind.classify(50, 100, 45, true, true));
        assertEquals(EditKind.EXTENDED, EditKind.classify(150, 100, 95, true, true));
        assertEquals(EditKind.OTHER, EditKind.classify(100, 100, 40, true, true));
        assertEquals("headline_changed", EditKind.HEADLINE_CHANGED.code());
    }

    @Test
    void bandingIsChosenFromTheThresholdAndItsCurveIsMonotone() {
        LshParams p = LshParams.optimal(0.3, 128, 0.5, 0.5);
        assertTrue(p.bands() * p.rows() <= 128, p.toString());
        assertTrue(p.candidateProbability(0.3) > 0.3 && p.candidateProbability(0.3) < 0.95, p.toString());
        for (double s = 0.05; s < 1; s += 0.05) {
            assertTrue(p.candidateProbability(s + 0.05) >= p.candidateProbability(s));
        }
        assertEquals(0.0, p.candidateProbability(0.0), 1e-12);
        assertEquals(1.0, p.candidateProbability(1.0), 1e-12);
        // A higher threshold moves the curve right: more rows per band, fewer chance candidates at 0.3.
        LshParams strict = LshParams.optimal(0.7, 128, 0.5, 0.5);
        assertTrue(strict.candidateProbability(0.3) < p.candidateProbability(0.3));
        assertThrows(IllegalArgumentException.class, () -> LshParams.optimal(1.0, 128, 0.5, 0.5));
    }

    @Test
    void signaturesEstimateJaccardAndAreStableAcrossInstances() {
        SplittableRandom rnd = new SplittableRandom(7);
        long[] a = new long[600];
        long[] b = new long[600];
        for (int i = 0; i < 600; i++) {
            a[i] = rnd.nextLong();
            b[i] = i < 400 ? a[i] : rnd.nextLong(); // 400 shared of 800 in all: J = 0.5
        }
        MinHashSketcher sk = new MinHashSketcher(256);
        byte[] sa = sk.signature(a);
        byte[] sb = sk.signature(b);
        assertEquals(0.5, sk.estimatedJaccard(sa, sb), 0.1);
        assertEquals(0.5, MinHashSketcher.estimateFromSketch8(sk.sketch8(sa), sk.sketch8(sb)), 0.1);
        // Persistable: a new sketcher (another JVM, another run) gives the same bytes and band keys.
        MinHashSketcher again = new MinHashSketcher(256);
        assertArrayEquals(sa, again.signature(a));
        assertEquals(sk.bandKey(sa, 3, 4), again.bandKey(again.signature(a), 3, 4));
        assertNotEquals(sk.bandKey(sa, 3, 4), sk.bandKey(sa, 4, 4), "bands are keyed apart");
        assertThrows(IllegalArgumentException.class, () -> new MinHashSketcher(MinHashSketcher.MAX_COMPONENTS + 1));
        assertThrows(IllegalArgumentException.class, () -> new MinHashSketcher(MinHashSketcher.MIN_COMPONENTS - 1));
    }

    @Test
    void lookupKeysAreTheBucketsBandByBandThenTheAnchors() {
        SplittableRandom rnd = new SplittableRandom(11);
        long[] a = new long[300];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextLong();
        }
        long[] b = a.clone();
        b[0] = 1; // one shingle of 300 differs: most bands still agree, not all
        BucketKeys keys = new BucketKeys(128, 16, 8, 3);
        MinHashSketcher sk = new MinHashSketcher(128);
        char[] sentences = ContentSentences.of("The first sentence of this made-up story opens it here. "
                + "A second sentence of the same story follows right after it. "
                + "And a third sentence, just as long as the others, ends it.");
        long[] buckets = keys.buckets(sk.signature(a), sentences);
        long[] lookups = keys.lookups(sk.signature(a), sentences);
        assertEquals(16 + 3, buckets.length);
        assertArrayEquals(ContentSentences.anchors(sentences, 3), java.util.Arrays.copyOfRange(buckets, 16, 19));
        for (int i = 0; i < buckets.length; i++) {
            assertEquals(i < 16 ? sk.bandKey(sk.signature(a), i, 8) : ContentSentences.anchors(sentences, 3)[i - 16],
                    buckets[i]);
            assertEquals(BucketKeys.lookup(keys.band(i), buckets[i]), lookups[i]);
        }
        // Two articles share a lookup key exactly where they share a bucket of the same band.
        long[] other = keys.lookups(sk.signature(b), ContentSentences.of("Another opening. Nothing shared."));
        for (int i = 0; i < 16; i++) {
            assertEquals(buckets[i] == keys.buckets(sk.signature(b), sentences)[i], lookups[i] == other[i], "band " + i);
        }
        // The same bucket value in two bands is two keys.
        assertNotEquals(BucketKeys.lookup(2, 42L), BucketKeys.lookup(3, 42L));
        assertEquals(16, keys.band(1000), "anchors count as band number bands");
        assertEquals(1, keys.band(1));
    }
}
