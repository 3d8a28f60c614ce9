package io.wiretrace.pipeline.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import io.wiretrace.config.TopicAlgorithm;
import io.wiretrace.config.WiretraceConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.BisectingKMeansModel;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The final fit at scale: MLlib {@link KMeans} or {@link BisectingKMeans} with cosine distance and
 * restarts, then topic ids by cluster size and each cluster's most central story as Spark jobs.
 */
final class MllibFit {

    private MllibFit() {}

    /** A fitted clustering of either algorithm. */
    private record Fitted(Object model, double cost) {
        Dataset<Row> transform(Dataset<Row> df) {
            return model instanceof KMeansModel km ? km.transform(df) : ((BisectingKMeansModel) model).transform(df);
        }

        Vector[] centers() {
            return model instanceof KMeansModel km ? km.clusterCenters() : ((BisectingKMeansModel) model).clusterCenters();
        }
    }

    /** Fits {@code features} (story_key, title, unit-length features) into {@code k} clusters. */
    static Clustering run(SparkSession spark, Dataset<Row> features, int k, WiretraceConfig.Topics cfg) {
        Fitted fitted = fit(features, k, cfg, cfg.restarts(), cfg.maxIterations());
        Dataset<Row> predicted = fitted.transform(features);
        int[] idOf = topicIds(predicted, k);
        Vector[] centers = normalised(fitted.centers());
        Vector corpusMean = features.select(Summarizer.mean(col("features")).as("m")).first().getAs(0);
        Map<Integer, Row> centralByCluster = centralStories(spark, predicted, centers);
        List<Clustering.Cluster> clusters = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (idOf[c] < 0) {
                continue; // an empty cluster (k-means can end with one): no topic
            }
            Row cr = centralByCluster.get(c);
            clusters.add(new Clustering.Cluster(c, idOf[c], cr == null ? null : cr.getString(1),
                    cr == null ? null : cr.getString(2)));
        }
        UserDefinedFunction toId = udf((UDF1<Integer, Integer>) p -> idOf[p], DataTypes.IntegerType);
        return new Clustering(centers, corpusMean, clusters,
                predicted.select(col("story_key"), toId.apply(col("prediction")).as("topic_id")), fitted.cost);
    }

    /** Cluster → topic id, by size (desc), ties by smallest story key: stable across runs and readable; -1 when empty. */
    private static int[] topicIds(Dataset<Row> predicted, int k) {
        List<Row> sizes = predicted.groupBy("prediction").agg(count(lit(1)).as("n"), min("story_key").as("first"))
                .orderBy(col("n").desc(), col("first")).collectAsList();
        int[] idOf = new int[k];
        Arrays.fill(idOf, -1);
        for (int i = 0; i < sizes.size(); i++) {
            idOf[sizes.get(i).getInt(0)] = i;
        }
        return idOf;
    }

    /** Per cluster, the story closest to its center: (prediction, story_key, title). */
    private static Map<Integer, Row> centralStories(SparkSession spark, Dataset<Row> predicted, Vector[] centers) {
        Broadcast<Vector[]> bc = spark.sparkContext().broadcast(centers, scala.reflect.ClassTag$.MODULE$.apply(Vector[].class));
        UserDefinedFunction similarity = udf((UDF2<Vector, Integer, Double>) (v, c) -> dot(v, bc.value()[c]),
                DataTypes.DoubleType);
        Dataset<Row> central = predicted
                .withColumn("sim", similarity.apply(col("features"), col("prediction")))
                .groupBy("prediction").agg(max(struct(col("sim"), col("story_key"), col("title"))).as("c"))
                .select(col("prediction"), col("c.story_key").as("story_key"), col("c.title").as("title"));
        Map<Integer, Row> centralByCluster = new LinkedHashMap<>();
        for (Row r : central.collectAsList()) {
            centralByCluster.put(r.getInt(0), r);
        }
        bc.unpersist();
        return centralByCluster;
    }

    /** Fits {@code restarts} times with consecutive seeds and keeps the lowest within-cluster cost. */
    private static Fitted fit(Dataset<Row> features, int k, WiretraceConfig.Topics cfg, int restarts, int iterations) {
        Fitted best = null;
        for (int r = 0; r < restarts; r++) {
            long seed = cfg.seed() + r;
            Fitted f;
            if (cfg.algorithm() == TopicAlgorithm.BISECTING_KMEANS) {
                BisectingKMeansModel m = new BisectingKMeans().setK(k).setSeed(seed).setMaxIter(iterations)
                        .setDistanceMeasure("cosine").setFeaturesCol("features").fit(features);
                f = new Fitted(m, m.summary().trainingCost());
            } else {
                KMeansModel m = new KMeans().setK(k).setSeed(seed).setMaxIter(iterations)
                        .setDistanceMeasure("cosine").setFeaturesCol("features").fit(features);
                f = new Fitted(m, m.summary().trainingCost());
            }
            if (best == null || f.cost < best.cost) {
                best = f;
            }
        }
        return best;
    }

    private static Vector[] normalised(Vector[] centers) {
        Vector[] out = new Vector[centers.length];
        for (int i = 0; i < centers.length; i++) {
            double[] a = centers[i].toArray().clone();
            double norm = Vectors.norm(centers[i], 2.0);
            if (norm > 0) {
                for (int j = 0; j < a.length; j++) {
                    a[j] /= norm;
                }
            }
            out[i] = new DenseVector(a);
        }
        return out;
    }

    static double dot(Vector v, Vector center) {
        double[] c = center.toArray();
        if (v instanceof SparseVector s) {
            double d = 0;
            int[] idx = s.indices();
            double[] val = s.values();
            for (int i = 0; i < idx.length; i++) {
                d += val[i] * c[idx[i]];
            }
            return d;
        }
        double[] a = v.toArray();
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * c[i];
        }
        return d;
    }
}
