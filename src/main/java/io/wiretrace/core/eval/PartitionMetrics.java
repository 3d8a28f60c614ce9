package io.wiretrace.core.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * Scores of a predicted partition against true classes, computed from the contingency table:
 * NMI (arithmetic-mean normalisation, scikit-learn's default), ARI, V-measure, homogeneity,
 * completeness and purity. Natural logarithms; the definitions follow Rosenberg &amp; Hirschberg
 * (2007) for V-measure and Hubert &amp; Arabie (1985) for ARI. Plain Java.
 */
public final class PartitionMetrics {

    public record Scores(long items, int classes, int clusters, double nmi, double ari, double vMeasure,
                         double homogeneity, double completeness, double purity) {}

    private final Map<String, Map<String, Long>> cells = new HashMap<>();

    /** Adds {@code n} items of true class {@code truth} placed in predicted cluster {@code predicted}. */
    public PartitionMetrics add(String truth, String predicted, long n) {
        if (n > 0) {
            cells.computeIfAbsent(truth, k -> new HashMap<>()).merge(predicted, n, Long::sum);
        }
        return this;
    }

    public Scores scores() {
        Map<String, Long> rows = new HashMap<>();
        Map<String, Long> cols = new HashMap<>();
        long total = 0;
        for (var r : cells.entrySet()) {
            for (var c : r.getValue().entrySet()) {
                rows.merge(r.getKey(), c.getValue(), Long::sum);
                cols.merge(c.getKey(), c.getValue(), Long::sum);
                total += c.getValue();
            }
        }
        if (total == 0) {
            return new Scores(0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double hClass = entropy(rows, total);
        double hCluster = entropy(cols, total);
        double mi = 0;
        ClusteringMetrics.Builder ari = new ClusteringMetrics.Builder();
        Map<String, Long> bestInCluster = new HashMap<>();
        for (var r : cells.entrySet()) {
            long ni = rows.get(r.getKey());
            for (var c : r.getValue().entrySet()) {
                long nij = c.getValue();
                long nj = cols.get(c.getKey());
                mi += (double) nij / total * Math.log((double) total * nij / ((double) ni * nj));
                ari.cell(nij);
                bestInCluster.merge(c.getKey(), nij, Math::max);
            }
        }
        rows.values().forEach(ari::truthCluster);
        cols.values().forEach(ari::predictedCluster);
        mi = Math.max(0, mi);
        // Conventions as in scikit-learn: a single class (or cluster) is perfectly homogeneous (complete).
        double homogeneity = hClass == 0 ? 1.0 : mi / hClass;
        double completeness = hCluster == 0 ? 1.0 : mi / hCluster;
        double v = homogeneity + completeness == 0 ? 0 : 2 * homogeneity * completeness / (homogeneity + completeness);
        double nmi = hClass == 0 && hCluster == 0 ? 1.0 : (hClass + hCluster == 0 ? 0 : 2 * mi / (hClass + hCluster));
        long pure = bestInCluster.values().stream().mapToLong(Long::longValue).sum();
        return new Scores(total, rows.size(), cols.size(), nmi, ari.scores().ari(), v, homogeneity, completeness,
                (double) pure / total);
    }

    private static double entropy(Map<String, Long> sizes, long total) {
        double h = 0;
        for (long n : sizes.values()) {
            double p = (double) n / total;
            h -= p * Math.log(p);
        }
        return h;
    }
}
