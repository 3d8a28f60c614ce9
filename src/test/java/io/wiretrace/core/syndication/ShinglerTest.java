package io.wiretrace.core.syndication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShinglerTest {

    private final Shingler words = new Shingler(Shingler.Unit.WORD, 3);

    @Test
    void typographyDoesNotChangeShingles() {
        int[] a = Shingler.toSet(words.shingles("Russia's envoy said 'the talks' - in Moscow."));
        int[] b = Shingler.toSet(words.shingles("RUSSIA\u2019S envoy  said \u201Cthe talks\u201D \u2014 in Moscow"));
        assertArrayEquals(a, b);
    }

    @Test
    void wordOrderMattersAndCountsAreRight() {
        int[] a = Shingler.toSet(words.shingles("one two three four five"));
        assertEquals(3, a.length);
        int[] b = Shingler.toSet(words.shingles("five four three two one"));
        assertEquals(0, Similarity.intersection(a, b));
        assertEquals(1, Shingler.toSet(words.shingles("just two")).length, "short texts still get one shingle");
        assertEquals(0, Shingler.toSet(words.shingles(" -- ")).length);
    }

    @Test
    void repeatedShinglesCountOnce() {
        assertEquals(3, Shingler.toSet(words.shingles("a b c a b c a b c")).length);
    }

    @Test
    void charShinglesWork() {
        Shingler chars = new Shingler(Shingler.Unit.CHAR, 4);
        assertEquals(3, Shingler.toSet(chars.shingles("abcdef")).length);
    }

    @Test
    void exactSimilarityMeasures() {
        int[] a = {1, 2, 3, 4};
        int[] b = {3, 4, 5, 6, 7, 8};
        int shared = Similarity.intersection(a, b);
        assertEquals(2, shared);
        assertEquals(0.25, Similarity.jaccard(shared, a.length, b.length));
        assertEquals(0.5, Similarity.containment(shared, a.length, b.length));
    }

    @Test
    void minHashEstimatesJaccard() {
        MinHashSketcher sk = new MinHashSketcher(256);
        long[] x = new long[1000];
        long[] y = new long[1000];
        for (int i = 0; i < 1000; i++) {
            x[i] = Shingler.mix(i);
            y[i] = Shingler.mix(i + 500); // overlap 500 of 1500 → J = 1/3
        }
        double est = sk.estimatedJaccard(sk.signature(x), sk.signature(y));
        assertTrue(Math.abs(est - 1.0 / 3) < 0.1, "estimate " + est);
        assertEquals(1.0, sk.estimatedJaccard(sk.signature(x), sk.signature(x.clone())));
        assertEquals(sk.bandKey(sk.signature(x), 3, 4), sk.bandKey(sk.signature(x), 3, 4));
    }

    @Test
    void lshShapeFollowsTheThreshold() {
        LshParams low = LshParams.optimal(0.3, 128, 0.5, 0.5);
        LshParams high = LshParams.optimal(0.8, 128, 0.5, 0.5);
        assertTrue(low.bands() * low.rows() <= 128 && high.bands() * high.rows() <= 128);
        assertTrue(low.rows() < high.rows(), low + " vs " + high);
        // Around its threshold the S-curve is steep: rare below, likely above.
        assertTrue(low.candidateProbability(0.1) < 0.1 && low.candidateProbability(0.5) > 0.95, low.toString());
        assertTrue(high.candidateProbability(0.5) < 0.1 && high.candidateProbability(0.95) > 0.99, high.toString());
    }

    @Test
    void giantBucketsYieldLinearPairs() {
        long[] small = {5, 1, 3};
        java.util.List<long[]> out = new java.util.ArrayList<>();
        Buckets.pairs(small, 10, 2, (a, b) -> {
            out.add(new long[]{a, b});
            return 0;
        });
        assertEquals(3, out.size());
        assertArrayEquals(new long[]{1, 3}, out.get(0));
        long[] giant = new long[10_000];
        for (int i = 0; i < giant.length; i++) {
            giant[i] = i;
        }
        long n = Buckets.pairs(giant, 200, 10, (a, b) -> 0);
        assertTrue(n < 10 * giant.length, "pairs: " + n);
    }
}
