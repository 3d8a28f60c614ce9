package io.wiretrace.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.core.graph.LongUnionFind;
import io.wiretrace.pipeline.syndication.ConnectedComponents;
import io.wiretrace.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Both ways of labelling the candidate graph's components agree with a union-find done by hand. */
class ConnectedComponentsTest {

    private static Map<Long, Long> labels(Dataset<Row> comps) {
        Map<Long, Long> out = new TreeMap<>();
        for (Row r : comps.collectAsList()) {
            out.put(r.getLong(0), r.getLong(1));
        }
        return out;
    }

    @Test
    void distributedAndOneTaskLabelsAreTheSmallestVertexOfEachComponent() {
        SparkSession spark = SparkTestSession.get();
        SplittableRandom rnd = new SplittableRandom(11);
        List<Row> rows = new ArrayList<>();
        LongUnionFind expected = new LongUnionFind();
        // Chains (long paths need several rounds of propagation), stars and random pairs.
        for (long v = 1000; v < 1040; v++) {
            rows.add(RowFactory.create(v, v + 1));
        }
        for (long leaf = 2001; leaf < 2030; leaf++) {
            rows.add(RowFactory.create(2000L, leaf));
        }
        for (int i = 0; i < 200; i++) {
            long a = 5000 + rnd.nextInt(400);
            long b = 5000 + rnd.nextInt(400);
            if (a != b) {
                rows.add(RowFactory.create(Math.min(a, b), Math.max(a, b)));
            }
        }
        rows.forEach(r -> expected.union(r.getLong(0), r.getLong(1)));
        Map<Long, Long> truth = new TreeMap<>();
        Map<Long, Long> smallest = new TreeMap<>();
        expected.forEach((v, c) -> truth.put(v, c));
        truth.forEach((v, c) -> smallest.merge(c, v, Math::min));
        Map<Long, Long> want = new TreeMap<>();
        truth.forEach((v, c) -> want.put(v, smallest.get(c)));

        StructType schema = new StructType().add("a", DataTypes.LongType, false).add("b", DataTypes.LongType, false);
        Dataset<Row> edges = spark.createDataFrame(rows, schema);
        spark.catalog().clearCache();
        List<Dataset<Row>> cached = new ArrayList<>();
        Map<Long, Long> distributed = labels(ConnectedComponents.run(edges, cached));
        cached.forEach(Dataset::unpersist);
        assertTrue(spark.sharedState().cacheManager().isEmpty(), "label propagation leaves nothing cached but what it hands over");
        Map<Long, Long> oneTask = labels(ConnectedComponents.inOneTask(edges));
        assertEquals(want, distributed, "label propagation");
        assertEquals(want.keySet(), oneTask.keySet(), "union-find in one task: same vertices");
        // One task labels by its own representative: the same partition of the vertices.
        Map<Long, Long> rep = new TreeMap<>();
        oneTask.forEach((v, c) -> rep.merge(c, v, Math::min));
        oneTask.forEach((v, c) -> assertEquals(want.get(v), rep.get(c), "vertex " + v));
        assertTrue(distributed.values().stream().distinct().count() > 2);
    }
}
