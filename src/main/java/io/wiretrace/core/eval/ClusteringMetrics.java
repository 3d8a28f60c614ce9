package io.wiretrace.core.eval;

/**
 * Pairwise precision/recall/F1 and the adjusted Rand index of a predicted clustering against a
 * true one, from their contingency table: no pair is enumerated, so a cluster of 10,000 costs the
 * same as one of 2. Counts are over items present in both clusterings.
 */
public final class ClusteringMetrics {

    /** The scores. Pair counts are unordered pairs of items. */
    public record Scores(long items, long truePairs, long predictedPairs, long sharedPairs, double precision, double recall,
                         double f1, double ari) {}

    /** Accumulates contingency cells (truth cluster i, predicted cluster j, n_ij). */
    public static final class Builder {
        private long items;
        private double sumCells;
        private double sumTruth;
        private double sumPred;

        /** One non-empty cell of the contingency table. */
        public Builder cell(long nij) {
            items += nij;
            sumCells += pairs(nij);
            return this;
        }

        /** The size of one true cluster (row total). */
        public Builder truthCluster(long ni) {
            sumTruth += pairs(ni);
            return this;
        }

        /** The size of one predicted cluster (column total). */
        public Builder predictedCluster(long nj) {
            sumPred += pairs(nj);
            return this;
        }

        public Scores scores() {
            double precision = sumPred == 0 ? 1.0 : sumCells / sumPred;
            double recall = sumTruth == 0 ? 1.0 : sumCells / sumTruth;
            double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
            double total = pairs(items);
            double expected = total == 0 ? 0 : sumTruth * sumPred / total;
            double maxIndex = (sumTruth + sumPred) / 2;
            double ari = maxIndex - expected == 0 ? 1.0 : (sumCells - expected) / (maxIndex - expected);
            return new Scores(items, (long) sumTruth, (long) sumPred, (long) sumCells, precision, recall, f1, ari);
        }
    }

    private ClusteringMetrics() {}

    static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }

    /** Precision/recall/F1 from labelled pairs: tp = copy pairs predicted together, etc. */
    public static Scores fromPairs(long tp, long fp, long fn) {
        double precision = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Scores(0, tp + fn, tp + fp, tp, precision, recall, f1, Double.NaN);
    }
}
