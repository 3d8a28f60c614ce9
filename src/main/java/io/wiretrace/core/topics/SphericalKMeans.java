package io.wiretrace.core.topics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Spherical k-means (cosine geometry) and the exact cosine silhouette on a small in-memory set of
 * unit-length sparse vectors. Plain Java, no Spark: it runs inside one executor task to choose k
 * on a bounded sample, where launching a Spark job per k-means iteration (MLlib) costs far more
 * than the arithmetic.
 *
 * <p>Both algorithms match what MLlib computes at scale with {@code distanceMeasure = cosine}:
 * points go to the centroid of highest dot product, centroids are re-normalised means, and the
 * silhouette uses cosine distance 1 − x·y. Because the vectors have unit length, the mean distance
 * from x to a cluster C is exactly 1 − x·S<sub>C</sub>/|C| with S<sub>C</sub> the sum of C's
 * vectors, so the silhouette is exact in O(n·k·nnz) rather than O(n²).
 */
public final class SphericalKMeans {

    /** One unit-length sparse vector: sorted indices, values. */
    public record Point(int[] indices, double[] values) {
        public Point {
            if (indices.length != values.length) {
                throw new IllegalArgumentException("Invalid point: " + indices.length + " indices, " + values.length + " values");
            }
        }

        double dot(Point o) {
            int i = 0;
            int j = 0;
            double d = 0;
            while (i < indices.length && j < o.indices.length) {
                if (indices[i] == o.indices[j]) {
                    d += values[i++] * o.values[j++];
                } else if (indices[i] < o.indices[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return d;
        }
    }

    /** A clustering: cluster of each point, and its cost Σ (1 − x·centroid). */
    public record Fit(int k, int[] assignment, double cost, int iterations) {}

    private final int dimension;
    private final Point[] points;

    /** @param points unit-length vectors in a fixed order (the result depends on the order and the seed only) */
    public SphericalKMeans(int dimension, Point[] points) {
        this.dimension = dimension;
        this.points = points.clone();
    }

    /**
     * Fits k clusters {@code restarts} times (seeds seed, seed+1, …) with k-means++ seeding and at
     * most {@code maxIterations} Lloyd rounds each; keeps the fit of lowest cost.
     */
    public Fit fit(int k, long seed, int restarts, int maxIterations) {
        if (k < 1 || k > points.length) {
            throw new IllegalArgumentException("Invalid k: " + k + " for " + points.length + " points");
        }
        Fit best = null;
        for (int r = 0; r < Math.max(1, restarts); r++) {
            Fit f = fitOnce(k, seed + r, maxIterations);
            if (best == null || f.cost() < best.cost()) {
                best = f;
            }
        }
        return best;
    }

    private Fit fitOnce(int k, long seed, int maxIterations) {
        // Centroids are stored term-major (k values per term, contiguous) so a sparse point's dot
        // products with all k centroids read one short run of memory per non-zero term.
        double[] centroids = seeds(k, new SplittableRandom(seed));
        int[] assignment = new int[points.length];
        Arrays.fill(assignment, -1);
        double[] dots = new double[k];
        double cost;
        int iteration = 0;
        while (true) {
            boolean changed = false;
            cost = 0;
            for (int p = 0; p < points.length; p++) {
                dots(points[p], centroids, k, dots);
                int bestC = 0;
                for (int c = 1; c < k; c++) {
                    if (dots[c] > dots[bestC]) {
                        bestC = c;
                    }
                }
                cost += 1 - dots[bestC];
                if (assignment[p] != bestC) {
                    assignment[p] = bestC;
                    changed = true;
                }
            }
            if (!changed || iteration >= maxIterations) {
                break;
            }
            iteration++;
            double[] sums = clusterSums(assignment, k);
            for (int c = 0; c < k; c++) {
                // An emptied cluster keeps its old centroid (as MLlib does) rather than vanishing.
                double norm = 0;
                for (int t = 0; t < dimension; t++) {
                    norm += sums[t * k + c] * sums[t * k + c];
                }
                if (norm > 0) {
                    double inv = 1 / Math.sqrt(norm);
                    for (int t = 0; t < dimension; t++) {
                        centroids[t * k + c] = sums[t * k + c] * inv;
                    }
                }
            }
        }
        return new Fit(k, assignment, cost, iteration);
    }

    private static void dots(Point x, double[] termMajor, int k, double[] out) {
        Arrays.fill(out, 0);
        for (int i = 0; i < x.indices.length; i++) {
            int base = x.indices[i] * k;
            double v = x.values[i];
            for (int c = 0; c < k; c++) {
                out[c] += v * termMajor[base + c];
            }
        }
    }

    /** k-means++: each next seed drawn with probability proportional to its distance from the nearest seed. */
    private double[] seeds(int k, SplittableRandom rnd) {
        double[] centroids = new double[dimension * k];
        int[] chosen = new int[k];
        chosen[0] = rnd.nextInt(points.length);
        double[] nearest = new double[points.length];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            Point last = points[chosen[c - 1]];
            double total = 0;
            for (int p = 0; p < points.length; p++) {
                nearest[p] = Math.min(nearest[p], Math.max(0, 1 - points[p].dot(last)));
                total += nearest[p];
            }
            if (total <= 0) {
                chosen[c] = rnd.nextInt(points.length); // every point already sits on a seed
                continue;
            }
            double target = rnd.nextDouble() * total;
            chosen[c] = points.length - 1;
            for (int p = 0; p < points.length; p++) {
                target -= nearest[p];
                if (target < 0) {
                    chosen[c] = p;
                    break;
                }
            }
        }
        for (int c = 0; c < k; c++) {
            Point x = points[chosen[c]];
            for (int i = 0; i < x.indices.length; i++) {
                centroids[x.indices[i] * k + c] = x.values[i];
            }
        }
        return centroids;
    }

    /**
     * Mean silhouette with cosine distance 1 − x·y (points in singleton clusters score 0, as in
     * MLlib's ClusteringEvaluator and scikit-learn).
     */
    public double silhouette(int[] assignment, int k) {
        double[] sums = clusterSums(assignment, k);
        long[] sizes = new long[k];
        for (int a : assignment) {
            sizes[a]++;
        }
        int used = 0;
        for (long s : sizes) {
            used += s > 0 ? 1 : 0;
        }
        if (used < 2) {
            return 0.0; // silhouette needs two clusters
        }
        double[] dots = new double[k];
        double total = 0;
        for (int p = 0; p < points.length; p++) {
            int own = assignment[p];
            if (sizes[own] <= 1) {
                continue;
            }
            dots(points[p], sums, k, dots);
            // Mean distance to the other members: x·x = 1 is removed from the cluster sum.
            double a = 1 - (dots[own] - 1) / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, 1 - dots[c] / sizes[c]);
                }
            }
            double m = Math.max(a, b);
            total += m <= 0 ? 0 : (b - a) / m;
        }
        return total / points.length;
    }

    /**
     * The unit-length centroid of each cluster of {@code assignment} (row c, dense over the
     * dimension); an empty cluster's row is all zeros.
     */
    public double[][] centroids(int[] assignment, int k) {
        double[] sums = clusterSums(assignment, k);
        double[][] out = new double[k][dimension];
        for (int c = 0; c < k; c++) {
            double norm = 0;
            for (int t = 0; t < dimension; t++) {
                out[c][t] = sums[t * k + c];
                norm += out[c][t] * out[c][t];
            }
            if (norm > 0) {
                double inv = 1 / Math.sqrt(norm);
                for (int t = 0; t < dimension; t++) {
                    out[c][t] *= inv;
                }
            }
        }
        return out;
    }

    /** Per-cluster sums of the points, term-major like the centroids. */
    private double[] clusterSums(int[] assignment, int k) {
        double[] sums = new double[dimension * k];
        for (int p = 0; p < points.length; p++) {
            int c = assignment[p];
            Point x = points[p];
            for (int i = 0; i < x.indices.length; i++) {
                sums[x.indices[i] * k + c] += x.values[i];
            }
        }
        return sums;
    }
}
