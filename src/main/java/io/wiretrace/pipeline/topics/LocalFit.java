package io.wiretrace.pipeline.topics;

import static org.apache.spark.sql.functions.col;

import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.topics.SphericalKMeans;
import io.wiretrace.pipeline.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The final k-means fit in one executor task, for corpora up to {@code topics.local_fit_max_stories}
 * stories: plain-Java spherical k-means ({@link SphericalKMeans}: k-means++ seeding, the configured
 * restarts and iterations, lowest cost kept), then the topic ids, central stories and corpus mean
 * in the same task. MLlib's fit costs a Spark job per iteration per restart (about 40 jobs on the
 * sample corpus, most of the stage's time); this is one job. The task sorts its points by story
 * key, so the result does not depend on how the rows arrived.
 *
 * <p>The task emits one row per story (story_key, topic_id) and one row per non-empty cluster
 * (center, central story) plus one for the corpus mean; only the latter k + 1 rows reach the
 * driver, as MLlib's cluster centers would.
 */
final class LocalFit {

    static final StructType OUT = new StructType()
            .add("story_key", DataTypes.StringType, true)
            .add("topic_id", DataTypes.IntegerType, true)
            .add("cluster", DataTypes.IntegerType, true)
            .add("center", new VectorUDT(), true)
            .add("central_story_key", DataTypes.StringType, true)
            .add("central_title", DataTypes.StringType, true)
            .add("cost", DataTypes.DoubleType, true);

    private LocalFit() {}

    /** One story's vector as the task holds it. */
    private record Story(String key, String title, SphericalKMeans.Point point) {}

    /**
     * @param features story_key, title, features (unit-length vectors), at least {@code k} rows
     * @param layout   the run's layout: a one-partition run gathers without a shuffle
     * @return the clustering; its story→topic rows are cached (released with {@code cached})
     */
    static Clustering run(Dataset<Row> features, int k, int dimension, WiretraceConfig.Topics cfg,
                                     List<Dataset<Row>> cached, Layout layout) {
        long seed = cfg.seed();
        int restarts = cfg.restarts();
        int iterations = cfg.maxIterations();
        Dataset<Row> out = layout.gather(features.select("story_key", "title", "features"))
                .mapPartitions((MapPartitionsFunction<Row, Row>) it -> {
                    List<Story> stories = new ArrayList<>();
                    while (it.hasNext()) {
                        Row r = it.next();
                        SparseVector v = ((Vector) r.get(2)).toSparse();
                        stories.add(new Story(r.getString(0), r.getString(1),
                                new SphericalKMeans.Point(v.indices(), v.values())));
                    }
                    return fitRows(stories, k, dimension, seed, restarts, iterations).iterator();
                }, Encoders.row(OUT))
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(out);
        List<Row> meta = out.filter(col("story_key").isNull()).collectAsList();
        Vector mean = null;
        double cost = 0;
        Vector[] centers = new Vector[k];
        List<Clustering.Cluster> clusters = new ArrayList<>();
        for (Row r : meta) {
            cost = r.getDouble(6);
            if (r.isNullAt(1)) {
                mean = r.getAs(3);
                continue;
            }
            int c = r.getInt(2);
            centers[c] = r.getAs(3);
            clusters.add(new Clustering.Cluster(c, r.getInt(1), r.getString(4), r.getString(5)));
        }
        clusters.sort(Comparator.comparingInt(Clustering.Cluster::topicId));
        for (int c = 0; c < k; c++) {
            if (centers[c] == null) {
                centers[c] = new DenseVector(new double[dimension]); // an empty cluster: never labelled
            }
        }
        Dataset<Row> storyTopics = out.filter(col("story_key").isNotNull()).select("story_key", "topic_id");
        return new Clustering(centers, mean, clusters, storyTopics, cost);
    }

    /** The task's work: fit, number the clusters, find each one's most central story. */
    private static List<Row> fitRows(List<Story> stories, int k, int dimension, long seed, int restarts, int iterations) {
        stories.sort(Comparator.comparing(Story::key));
        SphericalKMeans.Point[] points = stories.stream().map(Story::point).toArray(SphericalKMeans.Point[]::new);
        SphericalKMeans km = new SphericalKMeans(dimension, points);
        SphericalKMeans.Fit fit = km.fit(k, seed, restarts, iterations);
        int[] assignment = fit.assignment();
        double[][] centers = km.centroids(assignment, k);

        long[] size = new long[k];
        int[] first = new int[k]; // index of the smallest story key in each cluster (points are sorted)
        Arrays.fill(first, -1);
        int[] central = new int[k];
        double[] best = new double[k];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        double[] mean = new double[dimension];
        for (int p = 0; p < points.length; p++) {
            int c = assignment[p];
            size[c]++;
            if (first[c] < 0) {
                first[c] = p;
            }
            double sim = 0;
            int[] idx = points[p].indices();
            double[] val = points[p].values();
            for (int i = 0; i < idx.length; i++) {
                sim += val[i] * centers[c][idx[i]];
                mean[idx[i]] += val[i] / points.length;
            }
            // Ties go to the later (larger) story key, as max(struct(sim, story_key)) does at scale.
            if (sim >= best[c]) {
                best[c] = sim;
                central[c] = p;
            }
        }
        // Topic ids by size (desc), ties by smallest story key: stable across runs and readable.
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(c -> -size[c]).thenComparingInt(c -> first[c]));
        int[] idOf = new int[k];
        int next = 0;
        for (int c : order) {
            idOf[c] = size[c] > 0 ? next++ : -1;
        }

        List<Row> rows = new ArrayList<>(points.length + k + 1);
        for (int p = 0; p < points.length; p++) {
            rows.add(RowFactory.create(stories.get(p).key(), idOf[assignment[p]], null, null, null, null, null));
        }
        for (int c = 0; c < k; c++) {
            if (size[c] > 0) {
                Story s = stories.get(central[c]);
                rows.add(RowFactory.create(null, idOf[c], c, new DenseVector(centers[c]), s.key(), s.title(), fit.cost()));
            }
        }
        rows.add(RowFactory.create(null, null, -1, new DenseVector(mean), null, null, fit.cost()));
        return rows;
    }
}
