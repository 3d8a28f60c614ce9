package io.wiretrace.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClusteringMetricsTest {

    @Test
    void perfectClusteringScoresOne() {
        ClusteringMetrics.Scores s = new ClusteringMetrics.Builder()
                .cell(3).cell(2).truthCluster(3).truthCluster(2).predictedCluster(3).predictedCluster(2).scores();
        assertEquals(1.0, s.precision());
        assertEquals(1.0, s.recall());
        assertEquals(1.0, s.ari(), 1e-12);
        assertEquals(4, s.truePairs());
    }

    @Test
    void splitClusterLosesRecallNotPrecision() {
        // truth {a,b,c,d}; predicted {a,b} {c,d}
        ClusteringMetrics.Scores s = new ClusteringMetrics.Builder()
                .cell(2).cell(2).truthCluster(4).predictedCluster(2).predictedCluster(2).scores();
        assertEquals(1.0, s.precision());
        assertEquals(2.0 / 6, s.recall(), 1e-12);
        assertEquals(0.5, s.f1(), 1e-12);
    }

    @Test
    void ariMatchesAKnownValue() {
        // sklearn: adjusted_rand_score([0,0,0,1,1,1], [0,0,1,1,2,2]) = 0.24242424...
        ClusteringMetrics.Scores s = new ClusteringMetrics.Builder()
                .cell(2).cell(1).cell(1).cell(2)
                .truthCluster(3).truthCluster(3)
                .predictedCluster(2).predictedCluster(2).predictedCluster(2).scores();
        assertEquals(0.24242424242424243, s.ari(), 1e-12);
    }

    @Test
    void pairLabelsScore() {
        ClusteringMetrics.Scores s = ClusteringMetrics.fromPairs(8, 2, 2);
        assertEquals(0.8, s.precision(), 1e-12);
        assertEquals(0.8, s.recall(), 1e-12);
    }
}
