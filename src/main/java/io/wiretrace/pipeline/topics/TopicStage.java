package io.wiretrace.pipeline.topics;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.xxhash64;

import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.topics.SphericalKMeans;
import io.wiretrace.core.topics.TopicLabels;
import io.wiretrace.core.topics.TopicTokenizer;
import io.wiretrace.pipeline.Iterators;
import io.wiretrace.pipeline.Layout;
import io.wiretrace.pipeline.syndication.SyndicationReports;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.BisectingKMeansModel;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.ElementwiseProduct;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Topics: stories → TF-IDF vectors → spherical k-means → labelled topics.
 *
 * <p>Clustering runs on one representative per story (its origin), never on every copy: fifteen
 * copies of one wire story would otherwise form a topic of their own or drag a centroid, and the
 * work would grow with syndication rather than with news. Every article then takes its story's
 * topic.
 *
 * <p>Text → terms is plain Java ({@link TopicTokenizer}); terms → vectors is MLlib
 * ({@link CountVectorizerModel}, {@link IDF}, {@link Normalizer}); clustering is MLlib
 * {@link KMeans} or {@link BisectingKMeans} with cosine distance on L2-normalised vectors. The
 * vocabulary is chosen here (document frequency, ties by term) rather than by
 * {@code CountVectorizer.fit}, whose order among equal counts is not deterministic. Rows are
 * hash-partitioned and sorted by story before fitting so the seeded k-means|| initialisation sees
 * the same data in the same order on every run.
 */
public final class TopicStage {

    /**
     * What the stage produced: article → topic, one row per topic (labels), counts, and the cached
     * datasets the assignments read from (the caller unpersists them once it has used them).
     */
    public record Result(Dataset<Row> assignments, List<TopicLabels.Topic> topics, Map<String, Object> counts,
                         List<Dataset<Row>> cached, String skippedReason) {

        /** True when the stage clustered nothing (too few stories, no vocabulary); {@link #skippedReason} says why. */
        public boolean skipped() {
            return skippedReason != null;
        }
    }

    static final StructType TERMS = new StructType()
            .add("story_key", DataTypes.StringType, false)
            .add("title", DataTypes.StringType, true)
            .add("terms", DataTypes.createArrayType(DataTypes.StringType, false), false);

    /** Stories per k-means partition (see the partition sizing in {@link #run}). */
    static final long ROWS_PER_PARTITION = 25_000;

    /** Lloyd rounds per candidate k while sweeping (fewer when assignments stop changing). */
    static final int SWEEP_ITERATIONS = 20;

    private TopicStage() {}

    /**
     * Runs the topic engine over {@code articles} (article_id, title, text; story_id and
     * is_origin when syndication ran). Returns article_id → topic_id; articles whose story has no
     * usable terms get no topic (counted as {@code unclustered_stories}).
     */
    public static Result run(SparkSession spark, Dataset<Row> articles, WiretraceConfig.Topics cfg, int partitions) {
        return run(spark, articles, Long.MAX_VALUE, cfg, partitions, Layout.DISTRIBUTED);
    }

    /**
     * As {@link #run(SparkSession, Dataset, WiretraceConfig.Topics, int)}, knowing that there are
     * {@code articleCount} articles: with fewer than the stage needs, it skips without a Spark job.
     */
    public static Result run(SparkSession spark, Dataset<Row> articles, long articleCount, WiretraceConfig.Topics cfg,
                             int partitions, Layout layout) {
        Map<String, Object> counts = new LinkedHashMap<>();
        Map<String, Long> stepMs = new LinkedHashMap<>();
        counts.put("step_ms", stepMs);
        long t0 = System.nanoTime();
        boolean hasStories = List.of(articles.columns()).contains("story_id");
        Dataset<Row> keyed = withStoryKey(articles);
        int needed = cfg.fixedK() > 0 ? 2 : cfg.kMin();
        String fewer = "fewer than " + (cfg.fixedK() > 0 ? "2" : "k_min=" + cfg.kMin());
        if (articleCount < needed) {
            // At most one story per article: too few to cluster, known without looking.
            return skipped(keyed, null, counts, articleCount == 0 ? "no articles"
                    : articleCount + (articleCount == 1 ? " article, " : " articles, ") + fewer);
        }
        // Representatives are chosen on the id columns alone, then their text is fetched by id: a
        // window over whole articles would move every article's text through a shuffle (measured
        // at 1M articles: 2.8 GB), where the ids are a few percent of it and the articles are
        // already partitioned by id.
        Dataset<Row> reps = hasStories
                ? keyed.join(keyed.select("article_id", "story_key", "is_origin")
                        .withColumn("rep", org.apache.spark.sql.functions.row_number().over(
                                SyndicationReports.representativeFirst("story_key")))
                        .filter(col("rep").equalTo(1)).select("article_id"), new String[]{"article_id"}, "left_semi")
                : keyed;

        WiretraceConfig.TopicText text = cfg.text();
        // No layout work here: the vectors are repartitioned and sorted by story before fitting.
        Dataset<Row> terms = reps.select("story_key", "title", "text")
                .mapPartitions((MapPartitionsFunction<Row, Row>) it -> {
                    io.wiretrace.pipeline.FaultInjection.maybeFail("topics");
                    TopicTokenizer tok = new TopicTokenizer(text.language(), text.extraStopWords(), text.stem(),
                            text.ngrams(), text.titleWeight());
                    return Iterators.map(it, r -> RowFactory.create(r.getString(0), r.getString(1),
                            tok.terms(r.getString(1), r.getString(2)).toArray(new String[0])));
                }, Encoders.row(TERMS))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long stories = terms.count();
        counts.put("stories", stories);
        stepMs.put("terms", lap(t0));
        // Too few stories to cluster at all: said, not failed (a small or uniform corpus is normal input).
        if (stories < needed) {
            return skipped(keyed, terms, counts, stories == 0 ? "no stories"
                    : stories + (stories == 1 ? " story, " : " stories, ") + fewer);
        }

        t0 = System.nanoTime();
        boolean hashing = "hashing".equals(text.vectorizer());
        HashingTF hashingTf = new HashingTF().setNumFeatures(text.vocabularySize()).setInputCol("terms").setOutputCol("tf");
        // With hashing there is no vocabulary pass; bucket names are looked up after fitting.
        Vocabulary vocabulary = hashing ? null : vocabulary(terms, stories, text);
        int dimension = hashing ? text.vocabularySize() : vocabulary.terms().length;
        counts.put("vectorizer", text.vectorizer());
        counts.put("vocabulary_size", (long) dimension);
        stepMs.put("vocabulary", lap(t0));
        if (dimension == 0) {
            // Every term is in too few or too many stories (a uniform corpus), or the tokenizer found
            // no words (a script it does not split, text of stop words only).
            return skipped(keyed, terms, counts, "empty vocabulary: no term in at least min_df="
                    + minDf(text, stories) + " and at most max_df=" + text.maxDf() + " of " + stories + " stories");
        }
        t0 = System.nanoTime();

        Dataset<Row> tf = hashing ? hashingTf.transform(terms)
                : new CountVectorizerModel(vocabulary.terms()).setInputCol("terms").setOutputCol("tf").transform(terms);
        if (text.sublinearTf()) {
            // 1 + ln(tf): the tenth mention of a word says less than the second.
            UserDefinedFunction sublinear = udf((UDF1<Vector, Vector>) TopicStage::sublinear, new VectorUDT());
            tf = tf.withColumn("tf", sublinear.apply(col("tf")));
        }
        // A counted vocabulary already has every term's document frequency: its IDF weights are
        // MLlib's formula, applied without a fitting pass. Hashed buckets are counted by MLlib.
        Dataset<Row> tfidf = hashing
                ? new IDF().setMinDocFreq((int) Math.min(Integer.MAX_VALUE, minDf(text, stories)))
                        .setInputCol("tf").setOutputCol("tfidf").fit(tf).transform(tf)
                : new ElementwiseProduct().setScalingVec(vocabulary.idf(stories))
                        .setInputCol("tf").setOutputCol("tfidf").transform(tf);
        UserDefinedFunction nnz = udf((UDF1<Vector, Integer>) Vector::numNonzeros, DataTypes.IntegerType);
        // Partitions sized to the data: every k-means iteration is a Spark job with one task per
        // partition, so a small corpus spread over many partitions pays task overhead hundreds of
        // times. Derived from the story count only, so the layout (and the seeded result) is stable.
        int fitPartitions = (int) Math.max(1, Math.min(partitions, stories / ROWS_PER_PARTITION + 1));
        Dataset<Row> features = layout.byKey(new Normalizer().setP(2.0).setInputCol("tfidf").setOutputCol("features")
                        .transform(tfidf).select("story_key", "title", "features")
                        .filter(nnz.apply(col("features")).gt(0)), fitPartitions, col("story_key"))
                .sortWithinPartitions("story_key")
                .persist(StorageLevel.MEMORY_AND_DISK());
        long usable = features.count();
        counts.put("unclustered_stories", stories - usable);
        if (!hashing) {
            terms.unpersist();
        }
        stepMs.put("vectors", lap(t0));
        if (usable < needed) {
            features.unpersist();
            return skipped(keyed, terms, counts, usable + " of " + stories + " stories have topic terms, " + fewer);
        }
        t0 = System.nanoTime();

        int k;
        if (cfg.fixedK() > 0) {
            k = (int) Math.min(cfg.fixedK(), usable);
            counts.put("k_chosen_by", "config");
        } else {
            k = chooseK(features, usable, dimension, cfg, counts);
            counts.put("k_chosen_by", "silhouette");
        }
        counts.put("k", (long) k);
        stepMs.put("choose_k", lap(t0));
        t0 = System.nanoTime();
        boolean local = "kmeans".equals(cfg.algorithm()) && usable <= cfg.localFitMaxStories();
        counts.put("fit", local ? "one_task" : "mllib");
        List<Dataset<Row>> cached = new ArrayList<>(List.of(features));
        Clustering clustering = local ? LocalFit.run(features, k, dimension, cfg, cached, layout)
                : mllibClustering(spark, features, k, cfg);
        counts.put("training_cost", Math.round(clustering.cost() * 1e6) / 1e6);
        stepMs.put("fit", lap(t0));
        t0 = System.nanoTime();

        String[] names = hashing
                ? bucketNames(terms, hashingTf, clustering.centers(), clustering.corpusMean(), dimension, cfg.labelTerms())
                : vocabulary.terms();
        terms.unpersist();
        List<TopicLabels.Topic> topics = new ArrayList<>();
        for (Cluster c : clustering.clusters()) {
            topics.add(TopicLabels.label(c.topicId(), clustering.centers()[c.index()].toArray(),
                    clustering.corpusMean().toArray(), names, cfg.labelTerms(), c.centralStoryKey(), c.centralTitle()));
        }
        topics.sort(java.util.Comparator.comparingInt(TopicLabels.Topic::topicId));
        stepMs.put("label", lap(t0));
        Dataset<Row> assignments = keyed.select("article_id", "story_key")
                .join(clustering.storyTopics(), "story_key", "left")
                .select("article_id", "topic_id");
        return new Result(assignments, List.copyOf(topics), counts, List.copyOf(cached), null);
    }

    /**
     * The stage did not cluster: every article gets a null topic, no topic rows, and the reason is
     * in the counts ({@code skipped_reason}) for the manifest and the console.
     */
    private static Result skipped(Dataset<Row> keyed, Dataset<Row> terms, Map<String, Object> counts, String reason) {
        if (terms != null) {
            terms.unpersist();
        }
        counts.put("k", 0L);
        counts.put("skipped_reason", reason);
        Dataset<Row> assignments = keyed.select(col("article_id"), lit(null).cast("int").as("topic_id"));
        return new Result(assignments, List.of(), counts, List.of(), reason);
    }

    /** One fitted cluster: its index in {@link Clustering#centers()}, its topic id and its most central story. */
    record Cluster(int index, int topicId, String centralStoryKey, String centralTitle) {}

    /**
     * A fitted clustering, whichever way it was fitted: unit-length centers, the corpus mean vector,
     * the non-empty clusters (topic ids by size, descending, ties by smallest story key), and
     * story_key → topic_id as a Dataset.
     */
    record Clustering(Vector[] centers, Vector corpusMean, List<Cluster> clusters, Dataset<Row> storyTopics,
                      double cost) {}

    /** The MLlib fit at scale: KMeans or BisectingKMeans with restarts, then sizes and central stories as jobs. */
    private static Clustering mllibClustering(SparkSession spark, Dataset<Row> features, int k, WiretraceConfig.Topics cfg) {
        Fitted fitted = fit(features, k, cfg, cfg.restarts(), cfg.maxIterations());
        Dataset<Row> predicted = fitted.transform(features);
        // Topic ids by size (desc), ties by smallest story key: stable across runs and readable.
        List<Row> sizes = predicted.groupBy("prediction").agg(count(lit(1)).as("n"), min("story_key").as("first"))
                .orderBy(col("n").desc(), col("first")).collectAsList();
        int[] idOf = new int[k];
        java.util.Arrays.fill(idOf, -1);
        for (int i = 0; i < sizes.size(); i++) {
            idOf[sizes.get(i).getInt(0)] = i;
        }
        Vector[] centers = normalised(fitted.centers());
        Vector corpusMean = features.select(Summarizer.mean(col("features")).as("m")).first().getAs(0);
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
        List<Cluster> clusters = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (idOf[c] < 0) {
                continue; // an empty cluster (k-means can end with one): no topic
            }
            Row cr = centralByCluster.get(c);
            clusters.add(new Cluster(c, idOf[c], cr == null ? null : cr.getString(1), cr == null ? null : cr.getString(2)));
        }
        int[] ids = idOf;
        UserDefinedFunction toId = udf((UDF1<Integer, Integer>) p -> ids[p], DataTypes.IntegerType);
        return new Clustering(centers, corpusMean, clusters,
                predicted.select(col("story_key"), toId.apply(col("prediction")).as("topic_id")), fitted.cost);
    }

    /** Adds {@code story_key}: the story id, or the article id when the article has no story (syndication off). */
    public static Dataset<Row> withStoryKey(Dataset<Row> articles) {
        return articles.withColumn("story_key", List.of(articles.columns()).contains("story_id")
                ? coalesce(col("story_id"), col("article_id")) : col("article_id"));
    }

    /** min_df as a story count (a fraction below 1 scales with the corpus); 1 on tiny corpora. */
    static long minDf(WiretraceConfig.TopicText text, long docs) {
        // Too few documents for document-frequency limits to mean anything.
        return docs < 10 ? 1 : text.minDf() >= 1 ? (long) text.minDf() : (long) Math.ceil(text.minDf() * docs);
    }

    /**
     * Names for the hashed buckets that can appear in labels: per topic the 3 × label_terms best
     * buckets; each named by its most frequent term (by story count, ties by term). One pass over
     * the terms; the driver receives only the terms of those buckets.
     */
    static String[] bucketNames(Dataset<Row> terms, HashingTF hashingTf, Vector[] centers, Vector corpusMean,
                                int dimension, int labelTerms) {
        java.util.Set<Integer> wanted = new java.util.TreeSet<>();
        for (Vector c : centers) {
            for (int i : TopicLabels.topIndices(c.toArray(), corpusMean.toArray(), 3 * labelTerms)) {
                wanted.add(i);
            }
        }
        UserDefinedFunction bucket = udf((UDF1<String, Integer>) t -> hashingTf.indexOf(t), DataTypes.IntegerType);
        List<Row> rows = terms.select(explode(array_distinct(col("terms"))).as("term"))
                .withColumn("bucket", bucket.apply(col("term")))
                .filter(col("bucket").isin(wanted.toArray()))
                .groupBy("bucket", "term").agg(count(lit(1)).as("df"))
                .collectAsList();
        String[] names = new String[dimension];
        long[] best = new long[dimension];
        for (Row r : rows) {
            int b = r.getInt(0);
            long df = r.getLong(2);
            String term = r.getString(1);
            if (names[b] == null || df > best[b] || (df == best[b] && term.compareTo(names[b]) < 0)) {
                names[b] = term;
                best[b] = df;
            }
        }
        return names;
    }

    /** The chosen terms, most frequent first, with the number of stories each occurs in. */
    record Vocabulary(String[] terms, long[] df) {
        /**
         * Inverse document frequencies over {@code docs} stories, as MLlib's {@code IDF} computes
         * them ({@code ln((docs + 1) / (df + 1))}), so the weights equal a fitted {@code IDFModel}'s.
         */
        Vector idf(long docs) {
            double[] w = new double[df.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.log((docs + 1.0) / (df[i] + 1.0));
            }
            return Vectors.dense(w);
        }
    }

    /** Terms kept: document frequency within [min_df, max_df], the most frequent first, ties by term. */
    static Vocabulary vocabulary(Dataset<Row> terms, long docs, WiretraceConfig.TopicText text) {
        long minDf = minDf(text, docs);
        long maxDf = docs < 10 ? docs : (long) Math.floor(text.maxDf() * docs);
        List<Row> rows = terms.select(explode(array_distinct(col("terms"))).as("term"))
                .groupBy("term").agg(count(lit(1)).as("df"))
                .filter(col("df").geq(Math.max(1, minDf)).and(col("df").leq(Math.max(1, maxDf))))
                .orderBy(col("df").desc(), col("term"))
                .limit(text.vocabularySize())
                .collectAsList();
        String[] v = new String[rows.size()];
        long[] df = new long[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows.get(i).getString(0);
            df[i] = rows.get(i).getLong(1);
        }
        return new Vocabulary(v, df);
    }

    /**
     * {@code topics.k: auto}: the k in [k_min, k_max] with the highest mean silhouette (cosine) on
     * a deterministic sample of stories. Silhouette rewards clusters that are tight and apart and
     * needs no labels.
     *
     * <p>The sweep runs in plain Java ({@link SphericalKMeans}) inside executor tasks, not as MLlib
     * fits: the sample is bounded ({@code auto_sample_size}), so each candidate k is a fraction of a
     * second of arithmetic, while an MLlib fit pays one Spark job per iteration (measured at 100k
     * articles: 178 s for the MLlib sweep). Each task receives the whole sample and a share of the
     * candidate ks; the driver receives only (k, silhouette) rows. The sample is sorted by story key
     * inside the task, so the choice does not depend on partitioning or parallelism.
     */
    static int chooseK(Dataset<Row> features, long usable, int dimension, WiretraceConfig.Topics cfg,
                       Map<String, Object> counts) {
        double fraction = Math.min(1.0, (double) cfg.autoSampleSize() / usable);
        long buckets = 1_000_000L;
        Dataset<Row> sample = features.filter(pmod(xxhash64(col("story_key"), lit(cfg.seed())), lit(buckets))
                        .lt(lit((long) Math.ceil(fraction * buckets))))
                .select("story_key", "features");
        long n = sample.count();
        int hi = (int) Math.min(cfg.kMax(), Math.max(2, n - 1));
        int lo = Math.min(cfg.kMin(), hi);
        int[] ks = java.util.stream.IntStream.rangeClosed(lo, hi).toArray();
        int groups = Math.max(1, Math.min(ks.length, features.sparkSession().sparkContext().defaultParallelism()));
        long seed = cfg.seed();
        int iterations = Math.min(SWEEP_ITERATIONS, cfg.maxIterations());
        // Restarts as in the final fit: one unlucky seeding would otherwise put a dent in the curve.
        int restarts = cfg.restarts();
        List<scala.Tuple2<Integer, Double>> results = sample.toJavaRDD()
                .flatMapToPair(r -> {
                    SparseVector v = ((Vector) r.getAs(1)).toSparse();
                    SamplePoint sp = new SamplePoint(r.getString(0), v.indices(), v.values());
                    List<scala.Tuple2<Integer, SamplePoint>> copies = new ArrayList<>(groups);
                    for (int g = 0; g < groups; g++) {
                        copies.add(new scala.Tuple2<>(g, sp));
                    }
                    return copies.iterator();
                })
                // Keys 0..groups-1 under a HashPartitioner of size groups: one group per task.
                .partitionBy(new org.apache.spark.HashPartitioner(groups))
                .mapPartitions(it -> {
                    List<SamplePoint> pts = new ArrayList<>();
                    int group = -1;
                    while (it.hasNext()) {
                        scala.Tuple2<Integer, SamplePoint> t = it.next();
                        group = t._1();
                        pts.add(t._2());
                    }
                    List<scala.Tuple2<Integer, Double>> out = new ArrayList<>();
                    if (pts.size() < 2) {
                        return out.iterator();
                    }
                    pts.sort(java.util.Comparator.comparing(SamplePoint::key));
                    SphericalKMeans.Point[] points = pts.stream()
                            .map(p -> new SphericalKMeans.Point(p.indices(), p.values()))
                            .toArray(SphericalKMeans.Point[]::new);
                    SphericalKMeans km = new SphericalKMeans(dimension, points);
                    for (int i = group; i < ks.length; i += groups) {
                        int k = (int) Math.min(ks[i], points.length);
                        SphericalKMeans.Fit f = km.fit(k, seed, restarts, iterations);
                        out.add(new scala.Tuple2<>(ks[i], km.silhouette(f.assignment(), k)));
                    }
                    return out.iterator();
                })
                .collect();
        Map<Integer, Double> byK = new java.util.TreeMap<>();
        results.forEach(t -> byK.put(t._1(), t._2()));
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
        counts.put("auto_k_sample", n);
        counts.put("silhouette_by_k", scores);
        return best;
    }

    /** One sampled story's vector, compact for the shuffle that hands the sample to each sweep task. */
    record SamplePoint(String key, int[] indices, double[] values) implements java.io.Serializable {}

    /** A fitted clustering of either algorithm. */
    private record Fitted(Object model, double cost) {
        Dataset<Row> transform(Dataset<Row> df) {
            return model instanceof KMeansModel km ? km.transform(df) : ((BisectingKMeansModel) model).transform(df);
        }

        Vector[] centers() {
            return model instanceof KMeansModel km ? km.clusterCenters() : ((BisectingKMeansModel) model).clusterCenters();
        }
    }

    /** Fits {@code restarts} times with consecutive seeds and keeps the lowest within-cluster cost. */
    private static Fitted fit(Dataset<Row> features, int k, WiretraceConfig.Topics cfg, int restarts, int iterations) {
        Fitted best = null;
        for (int r = 0; r < restarts; r++) {
            long seed = cfg.seed() + r;
            Fitted f;
            if ("bisecting_kmeans".equals(cfg.algorithm())) {
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

    private static long lap(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static Vector sublinear(Vector v) {
        SparseVector s = v.toSparse();
        double[] values = s.values().clone();
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] > 0 ? 1 + Math.log(values[i]) : 0;
        }
        return Vectors.sparse(s.size(), s.indices(), values);
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
