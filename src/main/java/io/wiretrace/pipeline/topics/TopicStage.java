package io.wiretrace.pipeline.topics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.wiretrace.config.TopicAlgorithm;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.topics.TopicLabels;
import io.wiretrace.pipeline.Layout;
import io.wiretrace.pipeline.StageInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Topics: stories → TF-IDF vectors → spherical k-means → labelled topics, in four steps: vectorise
 * ({@link TopicVectors}), choose k ({@link ChooseK}, or {@code topics.k}), fit ({@link LocalFit} in
 * one task or {@link MllibFit}: {@link KMeans} or {@link BisectingKMeans} with cosine distance on
 * L2-normalised vectors), label ({@link TopicNaming}).
 *
 * <p>Clustering runs on one representative per story (its origin), never on every copy: fifteen
 * copies of one wire story would otherwise form a topic of their own or drag a centroid, and the
 * work would grow with syndication rather than with news. Every article then takes its story's
 * topic.
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

    /**
     * What the stage reads of each article; with {@code story_id} (syndication ran) it also reads
     * {@code is_origin} ({@link #STORY_INPUT}). Other columns are ignored ({@link StageInput}).
     */
    public static final StructType INPUT = new StructType()
            .add("article_id", DataTypes.StringType)
            .add("title", DataTypes.StringType)
            .add("text", DataTypes.StringType);

    /** The story columns, required when {@code story_id} is present. */
    public static final StructType STORY_INPUT = new StructType()
            .add("story_id", DataTypes.StringType)
            .add("is_origin", DataTypes.BooleanType);

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
     * Too few stories or terms to cluster is said in the result, not failed: a small or uniform
     * corpus is normal input.
     */
    public static Result run(SparkSession spark, Dataset<Row> articles, long articleCount, WiretraceConfig.Topics cfg,
                             int partitions, Layout layout) {
        StageInput.require("topics", articles, INPUT);
        if (List.of(articles.columns()).contains("story_id")) {
            StageInput.require("topics", articles, STORY_INPUT);
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        Map<String, Long> stepMs = new LinkedHashMap<>();
        counts.put("step_ms", stepMs);
        Dataset<Row> keyed = withStoryKey(articles);
        int needed = cfg.fixedK() > 0 ? 2 : cfg.kMin();
        String fewer = ", fewer than " + (cfg.fixedK() > 0 ? "2" : "k_min=" + cfg.kMin());
        if (articleCount < needed) { // at most one story per article: too few to cluster, known without looking
            return skipped(keyed, null, counts, articleCount == 0 ? "no articles" : of(articleCount, "article") + fewer);
        }
        long t0 = System.nanoTime();
        Dataset<Row> terms = TopicVectors.terms(TopicVectors.representatives(keyed), cfg.text())
                .persist(StorageLevel.MEMORY_AND_DISK());
        long stories = terms.count();
        counts.put("stories", stories);
        stepMs.put("terms", lap(t0));
        if (stories < needed) {
            return skipped(keyed, terms, counts, stories == 0 ? "no stories" : of(stories, "story") + fewer);
        }
        t0 = System.nanoTime();
        TopicVectors vectors = new TopicVectors(terms, stories, cfg.text());
        counts.put("vectorizer", cfg.text().vectorizer().key());
        counts.put("vocabulary_size", (long) vectors.dimension());
        stepMs.put("vocabulary", lap(t0));
        if (vectors.dimension() == 0) {
            return skipped(keyed, terms, counts, vectors.emptyReason());
        }
        t0 = System.nanoTime();
        Dataset<Row> features = vectors.features(partitions, layout).persist(StorageLevel.MEMORY_AND_DISK());
        long usable = features.count();
        counts.put("unclustered_stories", stories - usable);
        if (!vectors.hashing()) {
            terms.unpersist();
        }
        stepMs.put("vectors", lap(t0));
        if (usable < needed) {
            features.unpersist();
            return skipped(keyed, terms, counts, usable + " of " + stories + " stories have topic terms" + fewer);
        }
        t0 = System.nanoTime();
        int k = chooseK(features, usable, vectors.dimension(), cfg, counts);
        stepMs.put("choose_k", lap(t0));
        t0 = System.nanoTime();
        List<Dataset<Row>> cached = new ArrayList<>(List.of(features));
        Clustering clustering = fit(spark, features, usable, k, vectors.dimension(), cfg, layout, cached, counts);
        stepMs.put("fit", lap(t0));
        t0 = System.nanoTime();
        List<TopicLabels.Topic> topics = TopicNaming.label(clustering, vectors, terms, cfg.labelTerms());
        terms.unpersist();
        stepMs.put("label", lap(t0));
        Dataset<Row> assignments = keyed.select("article_id", "story_key")
                .join(clustering.storyTopics(), "story_key", "left")
                .select("article_id", "topic_id");
        return new Result(assignments, List.copyOf(topics), readOnly(counts), List.copyOf(cached), null);
    }

    /** {@code topics.k} when fixed (at most the usable stories), else the silhouette's choice. */
    private static int chooseK(Dataset<Row> features, long usable, int dimension, WiretraceConfig.Topics cfg,
                               Map<String, Object> counts) {
        int k;
        if (cfg.fixedK() > 0) {
            k = (int) Math.min(cfg.fixedK(), usable);
            counts.put("k_chosen_by", "config");
        } else {
            k = ChooseK.choose(features, usable, dimension, cfg, counts);
            counts.put("k_chosen_by", "silhouette");
        }
        counts.put("k", (long) k);
        return k;
    }

    /** The final fit: in one task up to {@code local_fit_max_stories} (k-means only), else MLlib. */
    private static Clustering fit(SparkSession spark, Dataset<Row> features, long usable, int k, int dimension,
                                  WiretraceConfig.Topics cfg, Layout layout, List<Dataset<Row>> cached,
                                  Map<String, Object> counts) {
        boolean local = cfg.algorithm() == TopicAlgorithm.KMEANS && usable <= cfg.localFitMaxStories();
        counts.put("fit", local ? "one_task" : "mllib");
        Clustering clustering = local ? LocalFit.run(features, k, dimension, cfg, cached, layout)
                : MllibFit.run(spark, features, k, cfg);
        counts.put("training_cost", Math.round(clustering.cost() * 1e6) / 1e6);
        return clustering;
    }

    private static String of(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
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
        return new Result(assignments, List.of(), readOnly(counts), List.of(), reason);
    }

    /** Adds {@code story_key}: the story id, or the article id when the article has no story (syndication off). */
    public static Dataset<Row> withStoryKey(Dataset<Row> articles) {
        return articles.withColumn("story_key", List.of(articles.columns()).contains("story_id")
                ? coalesce(col("story_id"), col("article_id")) : col("article_id"));
    }

    /** The counts as the result holds them: read-only, in manifest order, nested maps included. */
    private static Map<String, Object> readOnly(Map<String, Object> counts) {
        Map<String, Object> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m
                ? Collections.unmodifiableMap(new LinkedHashMap<>(m)) : v));
        return Collections.unmodifiableMap(out);
    }

    private static long lap(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
