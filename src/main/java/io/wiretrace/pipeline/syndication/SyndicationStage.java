package io.wiretrace.pipeline.syndication;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.syndication.CorpusSyndication;
import io.wiretrace.core.syndication.LshParams;
import io.wiretrace.core.syndication.StoryBuilder;
import io.wiretrace.pipeline.Caches;
import io.wiretrace.pipeline.Layout;
import io.wiretrace.pipeline.StageInput;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.CoGroupFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Syndication: articles → stories. Features (shingles, MinHash signature, wire credit) per
 * article ({@link SyndicationFeatures}); LSH candidates ({@link LshCandidates}); connected
 * components of the likely-pair graph; then, per component, exact verification of every candidate
 * pair and cohesive story building ({@link StoryBuilder}) — so shingle sets travel once per
 * article, never once per pair. Articles without candidates are their own story.
 *
 * <p>A small run does the same in one task after computing features in parallel
 * ({@link CorpusSyndication}, {@code syndication.local_max_articles}).
 */
public final class SyndicationStage {

    /**
     * What the stage produced, its counts for the manifest, and the datasets it cached: the caller
     * releases them (unpersist) once assignments and pairs are written. A stage that fails releases
     * its caches itself. Counts are in manifest order and read-only.
     */
    public record Result(Dataset<Row> assignments, Dataset<Row> pairs, LshParams lsh, Map<String, Long> counts,
                         List<Dataset<Row>> cached) {}

    /**
     * Articles with candidates up to which their doc → component table (two longs a row, ~50 MB
     * as a hash relation at this bound) is broadcast to the features rather than joined by key.
     */
    static final long MAX_BROADCAST_COMPONENT_ROWS = 2_000_000L;

    /**
     * What the stage reads of each article; other columns are ignored ({@link StageInput}). The
     * article id is the content-derived one of normalisation (16 hex digits).
     */
    public static final StructType INPUT = new StructType()
            .add("article_id", DataTypes.StringType)
            .add("outlet", DataTypes.StringType)
            .add("published_at", DataTypes.TimestampType)
            .add("title", DataTypes.StringType)
            .add("text", DataTypes.StringType);

    private SyndicationStage() {}

    public static LshParams lshParams(WiretraceConfig.Syndication cfg) {
        WiretraceConfig.Lsh l = cfg.lsh();
        return l.bands() > 0 ? new LshParams(l.bands(), l.rows())
                : LshParams.optimal(l.threshold(), cfg.minhashComponents(), l.falsePositiveWeight(), l.falseNegativeWeight());
    }

    static StoryBuilder.Settings settings(WiretraceConfig.Syndication cfg) {
        WiretraceConfig.Verify v = cfg.verify();
        return new StoryBuilder.Settings(v.jaccard(), v.containment(), v.minSharedShingles(), v.sentenceShare(),
                v.nearVerbatim(), v.minSharedSentences());
    }

    /**
     * Runs the stage on {@code articleCount} articles: in one task ({@link CorpusSyndication}) up to
     * {@code syndication.local_max_articles}, where a Spark job per step costs more than the work;
     * distributed above. Both give the same stories, pairs and counts.
     */
    public static Result run(Dataset<Row> articles, long articleCount, WiretraceConfig.Syndication cfg, Layout layout) {
        StageInput.require("syndication", articles, INPUT);
        return articleCount <= cfg.localMaxArticles() ? runInOneTask(articles, cfg, layout) : run(articles, cfg);
    }

    /** Features in parallel, then everything else in one task. */
    static Result runInOneTask(Dataset<Row> articles, WiretraceConfig.Syndication cfg, Layout layout) {
        return Caches.releasingOnFailure(cached -> runInOneTask(articles, cfg, layout, cached));
    }

    private static Result runInOneTask(Dataset<Row> articles, WiretraceConfig.Syndication cfg, Layout layout,
                                       List<Dataset<Row>> cached) {
        LshParams lsh = lshParams(cfg);
        CorpusSyndication.Banding banding = new CorpusSyndication.Banding(cfg.minhashComponents(), lsh.bands(), lsh.rows(),
                cfg.lsh().maxBucketSize(), cfg.lsh().giantBucketWindow(), cfg.lsh().anchorSentences());
        StoryBuilder.Settings settings = settings(cfg);
        Map<String, Long> counts = lshCounts(lsh);
        Dataset<Row> feats = SyndicationFeatures.withTemplates(articles, cfg, counts, cached);
        Dataset<Row> built = layout.gather(feats.selectExpr(StoryRows.CORPUS_DOC))
                .mapPartitions((MapPartitionsFunction<Row, Row>) it -> StoryRows.buildCorpus(it, banding, settings),
                        Encoders.row(StoryRows.SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(built);
        // Zeros first: on an empty run the optimiser drops the task, and with it the count rows.
        counts.putAll(CorpusSyndication.run(List.of(), banding, settings).counts());
        for (Row r : built.filter(col("kind").equalTo("count")).select("article_id", "lag_s").collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        counts.putAll(PageTemplates.removed(feats));
        return result(built, built.filter(col("kind").equalTo("article")), feats, lsh, counts, cached);
    }

    /** Distributed: every step a Spark operation, for corpora of any size. */
    public static Result run(Dataset<Row> articles, WiretraceConfig.Syndication cfg) {
        StageInput.require("syndication", articles, INPUT);
        return Caches.releasingOnFailure(cached -> run(articles, cfg, cached));
    }

    private static Result run(Dataset<Row> articles, WiretraceConfig.Syndication cfg, List<Dataset<Row>> cached) {
        LshParams lsh = lshParams(cfg);
        Map<String, Long> counts = lshCounts(lsh);
        Dataset<Row> feats = SyndicationFeatures.withTemplates(articles, cfg, counts, cached);
        StoryBuilder.Settings settings = settings(cfg);
        LshCandidates.Result candidates = LshCandidates.run(feats, lsh, cfg, settings, cached);
        counts.putAll(candidates.counts());
        Dataset<Row> likely = candidates.likely();

        // A likely-pair graph that fits one task (nearly always below a few million articles) is
        // resolved there in one shuffle; label propagation costs several jobs per round.
        boolean oneTask = counts.get("candidate_pairs_after_sketch_filter") <= cfg.localComponentsMaxPairs();
        Dataset<Row> comps = (oneTask ? ConnectedComponents.inOneTask(likely) : ConnectedComponents.run(likely, cached))
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(comps);
        long withCandidates = comps.count();
        Dataset<Row> compByDoc = comps.select(col("vertex").as("doc_key"), col("component"));
        if (withCandidates <= MAX_BROADCAST_COMPONENT_ROWS) {
            compByDoc = broadcast(compByDoc);
        }
        Dataset<Row> built = buildComponents(feats, likely, compByDoc, settings).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(built);
        counts.put("articles_with_candidates", withCandidates);
        counts.putAll(PageTemplates.removed(feats));
        return result(built, built.filter(col("kind").equalTo("article")).unionByName(singles(feats, compByDoc)), feats,
                lsh, counts, cached);
    }

    private static Map<String, Long> lshCounts(LshParams lsh) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("lsh_bands", (long) lsh.bands());
        counts.put("lsh_rows", (long) lsh.rows());
        return counts;
    }

    /**
     * Per component: docs and candidate pairs together, verified and built into stories. The doc →
     * component table is broadcast while small ({@link #MAX_BROADCAST_COMPONENT_ROWS}): joined by doc
     * key, it would shuffle the features (shingle sets and sentences) once to meet it and once more
     * to group them by component (measured at 200,000 articles: 411 MB more shuffle, ~2 s).
     */
    private static Dataset<Row> buildComponents(Dataset<Row> feats, Dataset<Row> likely, Dataset<Row> compByDoc,
                                                StoryBuilder.Settings settings) {
        Dataset<Row> docs = feats.join(compByDoc, "doc_key").select("component", StoryRows.COMPONENT_DOC);
        Dataset<Row> pairsByComp = likely.join(compByDoc.withColumnRenamed("doc_key", "a"), "a")
                .select(col("component"), col("a"), col("b"));
        return docs.groupByKey((MapFunction<Row, Long>) r -> r.getLong(0), Encoders.LONG())
                .cogroup(pairsByComp.groupByKey((MapFunction<Row, Long>) r -> r.getLong(0), Encoders.LONG()),
                        (CoGroupFunction<Long, Row, Row, Row>) (key, docRows, pairRows) ->
                                StoryRows.buildComponent(docRows, pairRows, settings), Encoders.row(StoryRows.SCHEMA));
    }

    /** Articles without any candidate: a story of their own. */
    private static Dataset<Row> singles(Dataset<Row> feats, Dataset<Row> compByDoc) {
        return feats.join(compByDoc, "doc_key", "left_anti")
                .select("doc_key", "article_id", "published_s")
                .map((MapFunction<Row, Row>) r -> StoryRows.assignment(StoryBuilder.singleton(r.getLong(0), r.getString(1),
                        r.isNullAt(2) ? null : r.getLong(2))), Encoders.row(StoryRows.SCHEMA));
    }

    /** The stage's datasets from the per-component output: assignments with wire credits, and pairs. */
    private static Result result(Dataset<Row> built, Dataset<Row> assignmentRows, Dataset<Row> feats, LshParams lsh,
                                 Map<String, Long> counts, List<Dataset<Row>> cached) {
        Dataset<Row> assignments = assignmentRows
                .join(feats.select("article_id", "wire_credit", "content_chars"), "article_id")
                .select("article_id", "story_id", "origin_article_id", "is_origin", "edit_kind", "lag_from_origin_s",
                        "wire_credit", "content_chars");
        Dataset<Row> pairs = built.filter(col("kind").equalTo("pair"))
                .select("article_id_a", "article_id_b", "outlet_a", "outlet_b", "relation", "jaccard", "containment",
                        "sentence_share", "matched_by", "lag_s");
        return new Result(assignments, pairs, lsh, Collections.unmodifiableMap(new LinkedHashMap<>(counts)),
                List.copyOf(cached));
    }
}
