package io.wiretrace.pipeline.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.topics.SphericalKMeans;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.spark.HashPartitioner;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * {@code topics.k: auto}: the k in [k_min, k_max] with the highest mean silhouette (cosine) on a
 * deterministic sample of stories. Silhouette rewards clusters that are tight and apart and needs
 * no labels.
 *
 * <p>The sweep runs in plain Java ({@link SphericalKMeans}) inside executor tasks, not as MLlib
 * fits: the sample is bounded ({@code auto_sample_size}), so each candidate k is a fraction of a
 * second of arithmetic, while an MLlib fit pays one Spark job per iteration (measured at 100k
 * articles: 178 s for the MLlib sweep). Each task receives the whole sample and a share of the
 * candidate ks; the driver receives only (k, silhouette) rows. The sample is sorted by story key
 * inside the task, so the choice does not depend on partitioning or parallelism.
 */
final class ChooseK {

    /** Lloyd rounds per candidate k while sweeping (fewer when assignments stop changing). */
    static final int SWEEP_ITERATIONS = 20;

    /** One sampled story's vector, compact for the shuffle that hands the sample to each sweep task. */
    record SamplePoint(String key, int[] indices, double[] values) implements Serializable {}

    /** What one sweep task needs besides its points. */
    private record Sweep(int[] ks, int groups, int dimension, long seed, int restarts, int iterations)
            implements Serializable {}

    private ChooseK() {}

    /**
     * The best k for {@code usable} stories' unit vectors of {@code dimension}; the sample size and
     * the silhouette of every k go to {@code counts} ({@code auto_k_sample}, {@code silhouette_by_k}).
     */
    static int choose(Dataset<Row> features, long usable, int dimension, WiretraceConfig.Topics cfg,
                      Map<String, Object> counts) {
        double fraction = Math.min(1.0, (double) cfg.autoSampleSize() / usable);
        long buckets = 1_000_000L;
        Dataset<Row> sample = features.filter(pmod(xxhash64(col("story_key"), lit(cfg.seed())), lit(buckets))
                        .lt(lit((long) Math.ceil(fraction * buckets))))
                .select("story_key", "features");
        long n = sample.count();
        int hi = (int) Math.min(cfg.kMax(), Math.max(2, n - 1));
        int lo = Math.min(cfg.kMin(), hi);
        int[] ks = IntStream.rangeClosed(lo, hi).toArray();
        int groups = Math.max(1, Math.min(ks.length, features.sparkSession().sparkContext().defaultParallelism()));
        // Restarts as in the final fit: one unlucky seeding would otherwise put a dent in the curve.
        Sweep sweep = new Sweep(ks, groups, dimension, cfg.seed(), cfg.restarts(),
                Math.min(SWEEP_ITERATIONS, cfg.maxIterations()));
        List<Tuple2<Integer, Double>> results = sample.toJavaRDD()
                .flatMapToPair(r -> copies(r, groups))
                // Keys 0..groups-1 under a HashPartitioner of size groups: one group per task.
                .partitionBy(new HashPartitioner(groups))
                .mapPartitions(it -> sweep(it, sweep))
                .collect();
        Map<Integer, Double> byK = new TreeMap<>();
        results.forEach(t -> byK.put(t._1(), t._2()));
        counts.put("auto_k_sample", n);
        return best(byK, lo, counts);
    }

    /** One sampled row as a point, once for every sweep group. */
    private static Iterator<Tuple2<Integer, SamplePoint>> copies(Row r, int groups) {
        SparseVector v = ((Vector) r.getAs(1)).toSparse();
        SamplePoint sp = new SamplePoint(r.getString(0), v.indices(), v.values());
        List<Tuple2<Integer, SamplePoint>> copies = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            copies.add(new Tuple2<>(g, sp));
        }
        return copies.iterator();
    }

    /** One task: the whole sample, sorted by story key, fitted at every k of its group. */
    private static Iterator<Tuple2<Integer, Double>> sweep(Iterator<Tuple2<Integer, SamplePoint>> it, Sweep s) {
        List<SamplePoint> pts = new ArrayList<>();
        int group = -1;
        while (it.hasNext()) {
            Tuple2<Integer, SamplePoint> t = it.next();
            group = t._1();
            pts.add(t._2());
        }
        List<Tuple2<Integer, Double>> out = new ArrayList<>();
        if (pts.size() < 2) {
            return out.iterator();
        }
        pts.sort(Comparator.comparing(SamplePoint::key));
        SphericalKMeans.Point[] points = pts.stream()
                .map(p -> new SphericalKMeans.Point(p.indices(), p.values()))
                .toArray(SphericalKMeans.Point[]::new);
        SphericalKMeans km = new SphericalKMeans(s.dimension(), points);
        for (int i = group; i < s.ks().length; i += s.groups()) {
            int k = Math.min(s.ks()[i], points.length);
            SphericalKMeans.Fit f = km.fit(k, s.seed(), s.restarts(), s.iterations());
            out.add(new Tuple2<>(s.ks()[i], km.silhouette(f.assignment(), k)));
        }
        return out.iterator();
    }

    /** The k of the highest silhouette (the smallest on ties); every k's score to {@code silhouette_by_k}. */
    private static int best(Map<Integer, Double> byK, int lo, Map<String, Object> counts) {
        int best = lo;
        double bestScore = Double.NEGATIVE_INFINITY;
        Map<String, Double> scores = new LinkedHashMap<>();
        for (var e : byK.entrySet()) {
            scores.put(Integer.toString(e.getKey()), Math.round(e.getValue() * 1e4) / 1e4);
            if (e.getValue() > bestScore + 1e-9) {
                bestScore = e.getValue();
                best = e.getKey();
            }
        }
        counts.put("silhouette_by_k", scores);
        return best;
    }
}
