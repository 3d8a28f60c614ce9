package io.wiretrace.core.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.core.eval.PartitionMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SphericalKMeansTest {

    /** {@code groups} topics, each with its own 20 terms plus noise terms shared by all; unit length. */
    private static SphericalKMeans.Point[] topics(int groups, int perGroup, long seed, int[] truth) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int shared = 30;
        List<SphericalKMeans.Point> out = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < perGroup; i++) {
                TreeMap<Integer, Double> v = new TreeMap<>();
                for (int t = 0; t < 8; t++) {
                    v.merge(shared + g * 20 + rnd.nextInt(20), 1 + rnd.nextDouble(), Double::sum);
                }
                for (int t = 0; t < 3; t++) {
                    v.merge(rnd.nextInt(shared), 0.5 * rnd.nextDouble(), Double::sum);
                }
                truth[out.size()] = g;
                out.add(unit(v));
            }
        }
        return out.toArray(new SphericalKMeans.Point[0]);
    }

    private static SphericalKMeans.Point unit(TreeMap<Integer, Double> v) {
        double n = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
        return new SphericalKMeans.Point(v.keySet().stream().mapToInt(Integer::intValue).toArray(),
                v.values().stream().mapToDouble(x -> x / n).toArray());
    }

    @Test
    void recoversSeparatedTopicsAndSilhouettePeaksAtTheTrueK() {
        int[] truth = new int[5 * 40];
        SphericalKMeans.Point[] points = topics(5, 40, 1, truth);
        SphericalKMeans km = new SphericalKMeans(30 + 5 * 20, points);
        SphericalKMeans.Fit fit = km.fit(5, 42, 3, 40);
        PartitionMetrics m = new PartitionMetrics();
        for (int i = 0; i < truth.length; i++) {
            m.add(Integer.toString(truth[i]), Integer.toString(fit.assignment()[i]), 1);
        }
        assertEquals(1.0, m.scores().ari(), 1e-9);
        double best = km.silhouette(fit.assignment(), 5);
        for (int k : new int[] {2, 3, 4, 6, 8}) {
            SphericalKMeans.Fit other = km.fit(k, 42, 3, 40);
            assertTrue(km.silhouette(other.assignment(), k) < best, "silhouette at k=" + k + " should be below k=5");
        }
    }

    @Test
    void silhouetteEqualsTheQuadraticDefinition() {
        int[] truth = new int[3 * 15];
        SphericalKMeans.Point[] points = topics(3, 15, 9, truth);
        SphericalKMeans km = new SphericalKMeans(30 + 3 * 20, points);
        int k = 4;
        int[] assignment = km.fit(k, 7, 1, 5).assignment();
        double total = 0;
        for (int i = 0; i < points.length; i++) {
            double[] sum = new double[k];
            int[] size = new int[k];
            for (int j = 0; j < points.length; j++) {
                if (i != j) {
                    sum[assignment[j]] += 1 - points[i].dot(points[j]);
                    size[assignment[j]]++;
                }
            }
            if (size[assignment[i]] == 0) {
                continue;
            }
            double a = sum[assignment[i]] / size[assignment[i]];
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != assignment[i] && size[c] > 0) {
                    b = Math.min(b, sum[c] / size[c]);
                }
            }
            total += (b - a) / Math.max(a, b);
        }
        assertEquals(total / points.length, km.silhouette(assignment, k), 1e-9);
    }

    @Test
    void sameSeedSameResultAndBadKRejected() {
        int[] truth = new int[4 * 25];
        SphericalKMeans.Point[] points = topics(4, 25, 3, truth);
        SphericalKMeans km = new SphericalKMeans(30 + 4 * 20, points);
        assertArrayEquals(km.fit(6, 11, 2, 20).assignment(), km.fit(6, 11, 2, 20).assignment());
        assertThrows(IllegalArgumentException.class, () -> km.fit(0, 1, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> km.fit(points.length + 1, 1, 1, 10));
    }
}
