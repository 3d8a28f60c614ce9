package io.wiretrace.pipeline.syndication;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

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
    public record Result(Dataset<Row> assignments, Dataset<Row> pairs, Dataset<Row> index, LshParams lsh,
                         Map<String, Long> counts, List<Dataset<Row>> cached) {}

    /**
     * Articles with candidates up to which their doc → component table (two longs a row, ~50 MB
     * as a hash relation at this bound) is broadcast to the features rather than joined by key.
     */
    static final long MAX_BROADCAST_COMPONENT_ROWS = 2_000_000L;

    /**
     * Lookup keys of the new articles (bands plus sentence anchors, per article) up to which they
     * are broadcast to the story index's rows rather than joined by key: one long a key, ~130 MB as
     * a hash relation at this bound (~180,000 articles a run with the default 37 bands and 6 anchors).
     */
    static final long MAX_BROADCAST_LOOKUP_KEYS = 8_000_000L;

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
        return run(articles, articleCount, cfg, layout, null);
    }

    /**
     * The same, matching the articles also against what earlier runs left ({@code earlier}, null or
     * empty for none; {@link StoryIndex}): a new copy of an earlier story joins it under its id.
     * Assignments and pairs are the new articles' only; the index rows are theirs, for later runs.
     * The one-task bound counts the earlier articles that take part ({@link #features}).
     */
    public static Result run(Dataset<Row> articles, long articleCount, WiretraceConfig.Syndication cfg, Layout layout,
                             StoryIndex.Earlier earlier) {
        StageInput.require("syndication", articles, INPUT);
        StoryIndex.Earlier e = earlier == null ? StoryIndex.Earlier.empty("", StoryIndex.params(cfg)) : earlier;
        return Caches.releasingOnFailure(cached -> {
            Map<String, Long> counts = lshCounts(lshParams(cfg));
            Features f = features(articles, articleCount, cfg, e, counts, cached);
            return articleCount + f.pinned() <= cfg.localMaxArticles()
                    ? inOneTask(f, cfg, layout, e, counts, cached) : distributed(f, cfg, e, counts, cached);
        });
    }

    /** Features in parallel, then everything else in one task. */
    static Result runInOneTask(Dataset<Row> articles, WiretraceConfig.Syndication cfg, Layout layout) {
        StoryIndex.Earlier none = StoryIndex.Earlier.empty("", StoryIndex.params(cfg));
        return Caches.releasingOnFailure(cached -> {
            Map<String, Long> counts = lshCounts(lshParams(cfg));
            return inOneTask(features(articles, 0, cfg, none, counts, cached), cfg, layout, none, counts, cached);
        });
    }

    /** Distributed: every step a Spark operation, for corpora of any size. */
    public static Result run(Dataset<Row> articles, WiretraceConfig.Syndication cfg) {
        StageInput.require("syndication", articles, INPUT);
        StoryIndex.Earlier none = StoryIndex.Earlier.empty("", StoryIndex.params(cfg));
        return Caches.releasingOnFailure(cached -> {
            Map<String, Long> counts = lshCounts(lshParams(cfg));
            return distributed(features(articles, 0, cfg, none, counts, cached), cfg, none, counts, cached);
        });
    }

    /**
     * The new articles' features ({@code fresh}, cached) and, with them, the earlier articles that
     * can match one of them ({@code all}; {@code pinned} of them).
     */
    private record Features(Dataset<Row> fresh, Dataset<Row> all, long pinned) {}

    /**
     * Features of the new articles, and the earlier articles of the index that share an LSH bucket
     * (a band key or a sentence anchor) with one of them: only those can become a candidate, so
     * only their shingle sets and sentences are read, and the steps after this one see the day's
     * articles plus the stories they continue, not the whole window. The window is searched by its
     * lookup keys ({@code lsh_keys}, the one column read in full) against the day's, broadcast
     * while they are few enough ({@link #MAX_BROADCAST_LOOKUP_KEYS}): joined by key instead, the
     * window's keys and then its features would be shuffled on every run, a cost that grows with
     * the window (measured over 7 days at 100,000 articles: 2.6 ms an article on day 1, 4.5-4.7 on
     * days 4-6; with lookup keys, at 700,000: 1.26-1.45 ms on every day, docs/benchmarks.md). An
     * article already in the index (scraped again, same id) is matched as a new one.
     */
    private static Features features(Dataset<Row> articles, long articleCount, WiretraceConfig.Syndication cfg,
                                     StoryIndex.Earlier e, Map<String, Long> counts, List<Dataset<Row>> cached) {
        Dataset<Row> fresh = SyndicationFeatures.withTemplates(articles, cfg, counts, cached);
        if (e.pinned() == null) {
            return new Features(fresh, fresh, 0);
        }
        boolean few = articleCount * (lshParams(cfg).bands() + cfg.lsh().anchorSentences()) <= MAX_BROADCAST_LOOKUP_KEYS;
        Dataset<Row> wanted = fresh.select(explode(col("lsh_keys")).as("key")).distinct();
        Dataset<Row> reachable = e.pinned().select(col("doc_key"), explode(col("lsh_keys")).as("key"))
                .join(few ? broadcast(wanted) : wanted, "key", "left_semi").select("doc_key").distinct()
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(reachable);
        boolean fewReached = reachable.count() <= MAX_BROADCAST_COMPONENT_ROWS;
        Dataset<Row> freshIds = fresh.select("article_id");
        Dataset<Row> pinned = e.pinned().join(fewReached ? broadcast(reachable) : reachable, "doc_key", "left_semi")
                .join(few ? broadcast(freshIds) : freshIds, "article_id", "left_anti")
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(pinned);
        long n = pinned.count();
        counts.put("index_articles_matched", n);
        return new Features(fresh, fresh.unionByName(pinned), n);
    }

    private static Result inOneTask(Features f, WiretraceConfig.Syndication cfg, Layout layout, StoryIndex.Earlier e,
                                    Map<String, Long> counts, List<Dataset<Row>> cached) {
        LshParams lsh = lshParams(cfg);
        CorpusSyndication.Banding banding = new CorpusSyndication.Banding(cfg.minhashComponents(), lsh.bands(), lsh.rows(),
                cfg.lsh().maxBucketSize(), cfg.lsh().giantBucketWindow(), cfg.lsh().anchorSentences());
        StoryBuilder.Settings settings = settings(cfg);
        Dataset<Row> built = layout.gather(f.all().selectExpr(StoryRows.CORPUS_DOC))
                .mapPartitions((MapPartitionsFunction<Row, Row>) it -> StoryRows.buildCorpus(it, banding, settings),
                        Encoders.row(StoryRows.SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(built);
        // Zeros first: on an empty run the optimiser drops the task, and with it the count rows.
        counts.putAll(CorpusSyndication.run(List.of(), banding, settings).counts());
        for (Row r : built.filter(col("kind").equalTo("count")).select("article_id", "lag_s").collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        counts.putAll(PageTemplates.removed(f.fresh()));
        return result(built, built.filter(col("kind").equalTo("article")), f.fresh(), lsh, counts, e, cached);
    }

    private static Result distributed(Features f, WiretraceConfig.Syndication cfg, StoryIndex.Earlier e,
                                      Map<String, Long> counts, List<Dataset<Row>> cached) {
        LshParams lsh = lshParams(cfg);
        Dataset<Row> feats = f.all();
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
        counts.putAll(PageTemplates.removed(f.fresh()));
        return result(built, built.filter(col("kind").equalTo("article")).unionByName(singles(f.fresh(), compByDoc)),
                f.fresh(), lsh, counts, e, cached);
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

    /**
     * The stage's datasets from the per-component output: assignments with wire credits, pairs, and
     * the new articles' index rows.
     */
    private static Result result(Dataset<Row> built, Dataset<Row> assignmentRows, Dataset<Row> feats, LshParams lsh,
                                 Map<String, Long> counts, StoryIndex.Earlier e, List<Dataset<Row>> cached) {
        Dataset<Row> assignments = assignmentRows
                .join(feats.select("article_id", "wire_credit", "content_chars"), "article_id")
                .select("article_id", "story_id", "origin_article_id", "is_origin", "edit_kind", "lag_from_origin_s",
                        "wire_credit", "content_chars", "origin_published_s");
        if (e.pinned() != null) {
            // Scraped again on this date, same text: already counted in its story on an earlier date.
            Dataset<Row> seen = e.pinned().select("article_id").join(feats.select("article_id"), "article_id",
                    "left_semi").withColumn("seen_before", lit(true));
            assignments = assignments.join(seen, "article_id", "left")
                    .withColumn("seen_before", coalesce(col("seen_before"), lit(false)));
        } else {
            assignments = assignments.withColumn("seen_before", lit(false));
        }
        Dataset<Row> index = StoryIndex.rows(feats, assignmentRows.select(col("article_id"), col("story_id"),
                col("origin_article_id"), col("origin_published_s")), e.params(), e.since());
        Dataset<Row> pairs = built.filter(col("kind").equalTo("pair"))
                .select("article_id_a", "article_id_b", "outlet_a", "outlet_b", "relation", "jaccard", "containment",
                        "sentence_share", "matched_by", "lag_s");
        return new Result(assignments, pairs, index, lsh, Collections.unmodifiableMap(new LinkedHashMap<>(counts)),
                List.copyOf(cached));
    }
}
