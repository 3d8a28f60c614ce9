package io.wiretrace.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PartitionMetricsTest {

    @Test
    void perfectAgreementScoresOne() {
        PartitionMetrics.Scores s = new PartitionMetrics().add("a", "0", 5).add("b", "1", 3).scores();
        assertEquals(1.0, s.nmi(), 1e-12);
        assertEquals(1.0, s.ari(), 1e-12);
        assertEquals(1.0, s.vMeasure(), 1e-12);
        assertEquals(1.0, s.purity(), 1e-12);
    }

    @Test
    void matchesScikitLearnOnAWorkedExample() {
        // labels_true = [a,a,a,b,b,b], labels_pred = [0,0,1,1,2,2]; reference values from
        // sklearn.metrics 1.2 (normalized_mutual_info_score, adjusted_rand_score, homogeneity_score,
        // completeness_score).
        PartitionMetrics.Scores s = new PartitionMetrics()
                .add("a", "0", 2).add("a", "1", 1).add("b", "1", 1).add("b", "2", 2).scores();
        assertEquals(0.5158037429793888, s.nmi(), 1e-9);
        assertEquals(0.24242424242424246, s.ari(), 1e-9);
        assertEquals(0.6666666666666669, s.homogeneity(), 1e-9);
        assertEquals(0.42061983571430506, s.completeness(), 1e-9);
        assertEquals(s.nmi(), s.vMeasure(), 1e-12); // arithmetic NMI equals V-measure
        assertEquals(5.0 / 6, s.purity(), 1e-12);
        assertEquals(6, s.items());
        assertEquals(3, s.clusters());
    }

    @Test
    void oneClusterForEverythingIsComplete() {
        PartitionMetrics.Scores s = new PartitionMetrics().add("a", "0", 4).add("b", "0", 4).scores();
        assertEquals(0.0, s.homogeneity(), 1e-12);
        assertEquals(1.0, s.completeness(), 1e-12);
        assertEquals(0.0, s.ari(), 1e-12);
        assertEquals(0.5, s.purity(), 1e-12);
    }
}
