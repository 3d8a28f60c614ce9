package io.wiretrace.core.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LSH family's rates, measured (as Spark's {@code LSHTest} does for its families): pairs of
 * sets with a known Jaccard similarity s become candidates — share a band key of their MinHash
 * signatures — at the rate the S-curve P(s) = 1 − (1 − s^r)^b predicts, for the banding the
 * default configuration chooses. Below the threshold that rate is the false-positive rate, above
 * it one minus the false-negative rate.
 */
class LshBandingPropertyTest {

    private static final int COMPONENTS = 128;
    /** The default banding: threshold 0.3, equal weights (conf/wiretrace.yaml). */
    private static final LshParams DEFAULT = LshParams.optimal(0.3, COMPONENTS, 0.5, 0.5);
    private static final int PAIRS = 600;

    /** Two sets of distinct 64-bit elements, of union size {@code union}, sharing round(s·union) elements. */
    private static long[][] pairWithJaccard(double s, int union, SplittableRandom rnd) {
        int shared = (int) Math.round(s * union);
        int onlyA = (union - shared) / 2;
        int onlyB = union - shared - onlyA;
        long[] a = new long[shared + onlyA];
        long[] b = new long[shared + onlyB];
        for (int i = 0; i < shared; i++) {
            a[i] = b[i] = rnd.nextLong();
        }
        for (int i = 0; i < onlyA; i++) {
            a[shared + i] = rnd.nextLong();
        }
        for (int i = 0; i < onlyB; i++) {
            b[shared + i] = rnd.nextLong();
        }
        return new long[][] {a, b};
    }

    private static boolean candidates(byte[] x, byte[] y, LshParams p, MinHashSketcher sk) {
        for (int band = 0; band < p.bands(); band++) {
            if (sk.bandKey(x, band, p.rows()) == sk.bandKey(y, band, p.rows())) {
                return true;
            }
        }
        return false;
    }

    /** Share of {@link #PAIRS} pairs at Jaccard {@code s} (union sizes from {@code union}) that become candidates. */
    private static double candidateRate(double s, SplittableRandom rnd, java.util.function.IntSupplier union) {
        MinHashSketcher sk = new MinHashSketcher(COMPONENTS);
        int found = 0;
        for (int i = 0; i < PAIRS; i++) {
            long[][] pair = pairWithJaccard(s, union.getAsInt(), rnd);
            found += candidates(sk.signature(pair[0]), sk.signature(pair[1]), DEFAULT, sk) ? 1 : 0;
        }
        return (double) found / PAIRS;
    }

    @ParameterizedTest(name = "Jaccard {0}")
    @ValueSource(doubles = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9})
    void candidateRateFollowsTheSCurve(double s) {
        SplittableRandom rnd = new SplittableRandom(Double.doubleToLongBits(s)); // seeded: the same draw every run
        double measured = candidateRate(s, rnd, () -> 200 + rnd.nextInt(400));
        double expected = DEFAULT.candidateProbability(s);
        // Binomial spread of the rate, plus the MinHash estimate's own spread around s: 4σ + 0.03.
        double sigma = Math.sqrt(expected * (1 - expected) / PAIRS);
        assertEquals(expected, measured, 4 * sigma + 0.03,
                "candidate rate at Jaccard " + s + " with " + DEFAULT + ": measured " + measured + ", S-curve " + expected);
    }

    @ParameterizedTest(name = "Jaccard {0}")
    @ValueSource(doubles = {0.05, 0.5})
    void farFromTheThresholdTheErrorsAreRare(double s) {
        // What the default banding promises at the ends: unrelated articles (J 0.05) almost never
        // meet, and copies well above the threshold (J 0.5) almost always do.
        double rate = candidateRate(s, new SplittableRandom(42L + (long) (s * 100)), () -> 400);
        if (s < 0.3) {
            assertTrue(rate <= 0.02, "false-positive rate at J " + s + ": " + rate);
        } else {
            assertTrue(rate >= 0.98, "false-negative rate at J " + s + ": " + (1 - rate));
        }
    }
}
