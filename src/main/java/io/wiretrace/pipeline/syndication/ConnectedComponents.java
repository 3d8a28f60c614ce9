package io.wiretrace.pipeline.syndication;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import io.wiretrace.core.graph.LongUnionFind;
import io.wiretrace.pipeline.Caches;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Connected components of an undirected graph given as edges {@code (a, b)} of longs, in Spark:
 * min-label propagation with pointer jumping, each round one join over neighbours and one over
 * labels. Pointer jumping makes the number of rounds grow with the logarithm of the component
 * diameter, not the diameter. Every vertex ends labelled with the smallest vertex of its component.
 *
 * <p>{@link #inOneTask} gives the same labels by union-find in a single task: for graphs that fit
 * in one executor's memory it is one shuffle instead of several jobs per round.
 */
public final class ConnectedComponents {

    /** Safety bound: pointer jumping converges long before this on any real graph. */
    static final int MAX_ROUNDS = 64;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConnectedComponents.class);

    private ConnectedComponents() {}

    /**
     * Cuts the logical plan: each round's plan would otherwise contain every earlier round twice
     * (exponential plan growth). The RDD keeps its lineage, so lost blocks can still be recomputed.
     */
    private static Dataset<Row> truncate(Dataset<Row> df) {
        Dataset<Row> cut = df.sparkSession().createDataFrame(df.javaRDD(), df.schema());
        return cut.persist(StorageLevel.MEMORY_AND_DISK());
    }

    /**
     * The same result as {@link #run}, computed by union-find ({@link LongUnionFind}) in one task:
     * every edge is shuffled to a single partition. For a graph whose edges and vertices fit in one
     * executor (the caller decides, from the edge count).
     */
    public static Dataset<Row> inOneTask(Dataset<Row> edges) {
        StructType out = new StructType().add("vertex", DataTypes.LongType, false)
                .add("component", DataTypes.LongType, false);
        return edges.select("a", "b").repartition(1).mapPartitions((MapPartitionsFunction<Row, Row>) it -> {
            LongUnionFind uf = new LongUnionFind();
            while (it.hasNext()) {
                Row r = it.next();
                uf.union(r.getLong(0), r.getLong(1));
            }
            List<Row> rows = new ArrayList<>(uf.size());
            uf.forEach((v, c) -> rows.add(RowFactory.create(v, c)));
            return rows.iterator();
        }, Encoders.row(out));
    }

    /**
     * Intermediate labels are persisted (not checkpointed) so a lost executor's blocks can be
     * recomputed from lineage; the few rounds real candidate graphs need keep the plans small.
     *
     * @param cached receives the cached labels the result reads, for the caller to release once
     *               it has read the result; everything else is released here, also on failure
     * @return rows (vertex, component) for every vertex that has an edge
     */
    public static Dataset<Row> run(Dataset<Row> edges, List<Dataset<Row>> cached) {
        Dataset<Row> labels = Caches.releasingOnFailure(own -> propagate(edges, own));
        cached.add(labels);
        return labels.select(col("v").as("vertex"), col("label").as("component"));
    }

    /**
     * Label propagation; every dataset it caches is in {@code own}, and all but the final labels
     * (v, label), which it returns, are released by the time it returns.
     */
    private static Dataset<Row> propagate(Dataset<Row> edges, List<Dataset<Row>> own) {
        Dataset<Row> both = edges.select(col("a").as("src"), col("b").as("dst"))
                .union(edges.select(col("b").as("src"), col("a").as("dst")))
                .persist(StorageLevel.MEMORY_AND_DISK());
        own.add(both);
        // Initial label: the smallest of a vertex and its neighbours.
        Dataset<Row> labels = both.groupBy("src").agg(min("dst").as("m"))
                .select(col("src").as("v"), least(col("src"), col("m")).as("label"));
        labels = truncate(labels);
        own.add(labels);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            // Smallest label among neighbours (joins on uniquely named columns: these frames share lineage).
            Dataset<Row> viaNeighbours = both.join(labels.select(col("v").as("dst"), col("label").as("dst_label")), "dst")
                    .groupBy("src").agg(min("dst_label").as("nl"))
                    .select(col("src").as("v"), col("nl"));
            Dataset<Row> propagated = labels.join(viaNeighbours, "v")
                    .select(col("v"), least(col("label"), col("nl")).as("label"));
            // Pointer jumping: take the label of my label.
            Dataset<Row> hop = propagated.select(col("v").as("label"), col("label").as("hl"));
            Dataset<Row> jumped = truncate(propagated.join(hop, "label", "left")
                    .select(col("v"), least(col("label"), org.apache.spark.sql.functions.coalesce(col("hl"), col("label")))
                            .as("label")));
            own.add(jumped);
            long changed = jumped.join(labels.withColumnRenamed("label", "old"), "v")
                    .filter(col("label").notEqual(col("old"))).count();
            labels.unpersist();
            labels = jumped;
            LOG.info("connected components: round {} changed {} labels", round + 1, changed);
            if (changed == 0) {
                both.unpersist();
                return labels;
            }
        }
        throw new IllegalStateException("Cannot compute story components: no convergence after " + MAX_ROUNDS + " rounds");
    }
}
