package io.wiretrace.core.syndication;

/**
 * LSH banding: {@code bands} × {@code rows} ≤ signature components. A pair with Jaccard similarity
 * s becomes a candidate with probability P(s) = 1 − (1 − s^rows)^bands (AND within a band, OR
 * across bands). {@link #optimal} picks the shape that minimises the weighted area of false
 * positives (P below the threshold) and false negatives (1 − P above it).
 */
public record LshParams(int bands, int rows) {

    public double candidateProbability(double s) {
        return 1.0 - Math.pow(1.0 - Math.pow(s, rows), bands);
    }

    public static LshParams optimal(double threshold, int components, double fpWeight, double fnWeight) {
        if (threshold <= 0 || threshold >= 1) {
            throw new IllegalArgumentException("Invalid LSH threshold: " + threshold + " (must be in (0, 1))");
        }
        LshParams best = null;
        double bestCost = Double.MAX_VALUE;
        for (int b = 1; b <= components; b++) {
            for (int r = 1; b * r <= components; r++) {
                LshParams p = new LshParams(b, r);
                double cost = fpWeight * p.falsePositiveArea(threshold) + fnWeight * p.falseNegativeArea(threshold);
                if (cost < bestCost - 1e-12) {
                    bestCost = cost;
                    best = p;
                }
            }
        }
        return best;
    }

    double falsePositiveArea(double t) {
        return integrate(0, t, false);
    }

    double falseNegativeArea(double t) {
        return integrate(t, 1, true);
    }

    private double integrate(double from, double to, boolean complement) {
        int steps = 200;
        double h = (to - from) / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double s = from + i * h;
            double v = candidateProbability(s);
            if (complement) {
                v = 1 - v;
            }
            sum += (i == 0 || i == steps) ? v / 2 : v;
        }
        return sum * h;
    }
}
