package io.wiretrace.pipeline.syndication;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.syndication.ArticleFeatures;
import io.wiretrace.core.syndication.Buckets;
import io.wiretrace.core.syndication.ContentSentences;
import io.wiretrace.core.syndication.CorpusSyndication;
import io.wiretrace.core.syndication.LshParams;
import io.wiretrace.core.syndication.MinHashSketcher;
import io.wiretrace.core.syndication.Shingler;
import io.wiretrace.core.syndication.StoryBuilder;
import io.wiretrace.pipeline.Caches;
import io.wiretrace.pipeline.Iterators;
import io.wiretrace.pipeline.Layout;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.CoGroupFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Syndication: articles → stories. Features (shingles, MinHash signature, wire credit) per
 * article; LSH banding into buckets; candidate pairs from buckets (giant buckets capped);
 * connected components of the candidate graph; then, per component, exact verification of every
 * candidate pair and cohesive story building ({@link StoryBuilder}) — so shingle sets travel
 * once per article, never once per pair. Articles without candidates are their own story.
 *
 * <p>A small run does the same in one task after computing features in parallel
 * ({@link CorpusSyndication}, {@code syndication.local_max_articles}).
 */
public final class SyndicationStage {

    /**
     * What the stage produced, its counts for the manifest, and the datasets it cached: the caller
     * releases them (unpersist) once assignments and pairs are written. A stage that fails releases
     * its caches itself.
     */
    public record Result(Dataset<Row> assignments, Dataset<Row> pairs, LshParams lsh, Map<String, Long> counts,
                         List<Dataset<Row>> cached) {}

    /**
     * Articles with candidates up to which their doc → component table (two longs a row, ~50 MB
     * as a hash relation at this bound) is broadcast to the features rather than joined by key.
     */
    static final long MAX_BROADCAST_COMPONENT_ROWS = 2_000_000L;

    static final StructType FEATURES = new StructType()
            .add("doc_key", DataTypes.LongType, false)
            .add("article_id", DataTypes.StringType, false)
            .add("outlet", DataTypes.StringType, false)
            .add("published_s", DataTypes.LongType, true)
            .add("title_hash", DataTypes.LongType, false)
            .add("lede_hash", DataTypes.LongType, false)
            .add("shingles", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("sentences", DataTypes.BinaryType, false)
            .add("signature", DataTypes.BinaryType, false)
            .add("wire_credit", DataTypes.StringType, true)
            .add("sketch", DataTypes.BinaryType, false)
            .add("content_chars", DataTypes.IntegerType, false)
            .add("template_chars", DataTypes.IntegerType, false);

    static final StructType BANDS = new StructType()
            .add("band", DataTypes.IntegerType, false)
            .add("bucket", DataTypes.LongType, false)
            .add("doc_key", DataTypes.LongType, false);

    static final StructType BUCKETS = new StructType()
            .add("band", DataTypes.IntegerType, false)
            .add("bucket", DataTypes.LongType, false)
            .add("members", DataTypes.createArrayType(DataTypes.LongType, false), false);

    static final StructType EDGES = new StructType()
            .add("a", DataTypes.LongType, false)
            .add("b", DataTypes.LongType, false);

    /** Output of the per-component step: an assignment row or a pair row ({@code kind}). */
    static final StructType OUT = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("article_id", DataTypes.StringType, true)
            .add("story_id", DataTypes.StringType, true)
            .add("origin_article_id", DataTypes.StringType, true)
            .add("is_origin", DataTypes.BooleanType, true)
            .add("edit_kind", DataTypes.StringType, true)
            .add("lag_from_origin_s", DataTypes.LongType, true)
            .add("article_id_a", DataTypes.StringType, true)
            .add("article_id_b", DataTypes.StringType, true)
            .add("outlet_a", DataTypes.StringType, true)
            .add("outlet_b", DataTypes.StringType, true)
            .add("jaccard", DataTypes.DoubleType, true)
            .add("containment", DataTypes.DoubleType, true)
            .add("sentence_share", DataTypes.DoubleType, true)
            .add("relation", DataTypes.StringType, true)
            .add("matched_by", DataTypes.StringType, true)
            .add("lag_s", DataTypes.LongType, true);

    private SyndicationStage() {}

    public static LshParams lshParams(WiretraceConfig.Syndication cfg) {
        WiretraceConfig.Lsh l = cfg.lsh();
        return l.bands() > 0 ? new LshParams(l.bands(), l.rows())
                : LshParams.optimal(l.threshold(), cfg.minhashComponents(), l.falsePositiveWeight(), l.falseNegativeWeight());
    }

    /**
     * Computes per-article features. Input needs article_id, outlet, published_at, title, text and
     * the template columns {@code own}, {@code shared} and {@code headlines} ({@link PageTemplates}).
     */
    static Dataset<Row> features(Dataset<Row> articles, WiretraceConfig.Syndication cfg) {
        Shingler shingler = new Shingler(Shingler.Unit.valueOf(cfg.shingleUnit().toUpperCase(Locale.ROOT)), cfg.shingleSize());
        int components = cfg.minhashComponents();
        return articles.select("article_id", "outlet", "published_at", "title", "text", "own", "shared", "headlines").mapPartitions(
                (org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) it -> {
                    io.wiretrace.pipeline.FaultInjection.maybeFail("syndication");
                    MinHashSketcher sketcher = new MinHashSketcher(components);
                    ArticleFeatures features = new ArticleFeatures(shingler, sketcher);
                    return Iterators.map(it, r -> {
                        String id = r.getString(0);
                        Timestamp t = r.getTimestamp(2);
                        String text = r.getString(4);
                        ArticleFeatures.Features f = features.compute(r.getString(3), text,
                                PageTemplates.merge(r.isNullAt(5) ? null : r.getList(5), r.isNullAt(6) ? null : r.getList(6),
                                        r.isNullAt(7) ? null : r.getList(7)));
                        return RowFactory.create(ArticleFeatures.docKey(id), id, r.getString(1),
                                t == null ? null : Math.floorDiv(t.getTime(), 1000L), f.titleHash(), f.ledeHash(),
                                f.shingleSet(), ContentSentences.toBytes(f.sentences()), f.signature(), f.wireCredit(),
                                sketcher.sketch8(f.signature()), f.contentChars(),
                                (text == null ? 0 : text.length()) - f.contentChars());
                    });
                }, Encoders.row(FEATURES));
    }

    /**
     * Features of the articles with their outlets' page templates left out, and the template
     * counts. What the templates removed is counted later ({@link PageTemplates#removed}), from the
     * cached features: counting here would compute them in a job of their own (measured: +28 s at
     * 200,000 articles), where the first LSH step computes them anyway.
     */
    private static Dataset<Row> features(Dataset<Row> articles, WiretraceConfig.Syndication cfg, Map<String, Long> counts,
                                         List<Dataset<Row>> cached) {
        PageTemplates.Marked marked = PageTemplates.mark(articles, cfg.boilerplate());
        cached.addAll(marked.cached());
        Dataset<Row> feats = features(marked.articles(), cfg).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(feats);
        counts.putAll(marked.counts());
        return feats;
    }

    private static StoryBuilder.Settings settings(WiretraceConfig.Syndication cfg) {
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
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("lsh_bands", (long) lsh.bands());
        counts.put("lsh_rows", (long) lsh.rows());
        Dataset<Row> feats = features(articles, cfg, counts, cached);
        Dataset<Row> built = layout.gather(feats.select("doc_key", "article_id", "outlet", "published_s", "title_hash",
                        "lede_hash", "shingles", "sentences", "signature", "sketch"))
                .mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) it -> {
                    List<CorpusSyndication.Article> docs = new ArrayList<>();
                    while (it.hasNext()) {
                        Row r = it.next();
                        docs.add(new CorpusSyndication.Article(r.getLong(0), r.getString(1), r.getString(2),
                                r.isNullAt(3) ? null : r.getLong(3), r.getLong(4), r.getLong(5), ints(r.getList(6)),
                                ContentSentences.fromBytes((byte[]) r.get(7)), (byte[]) r.get(8), (byte[]) r.get(9)));
                    }
                    CorpusSyndication.Result res = CorpusSyndication.run(docs, banding, settings);
                    List<Row> out = rows(res.assignments(), res.pairs());
                    res.counts().forEach((k, v) -> out.add(RowFactory.create("count", k, null, null, null, null, null,
                            null, null, null, null, null, null, null, null, null, v)));
                    return out.iterator();
                }, Encoders.row(OUT))
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
        return new Result(assignments, pairs, lsh, counts, List.copyOf(cached));
    }

    /** Distributed: every step a Spark operation, for corpora of any size. */
    public static Result run(Dataset<Row> articles, WiretraceConfig.Syndication cfg) {
        return Caches.releasingOnFailure(cached -> run(articles, cfg, cached));
    }

    private static Result run(Dataset<Row> articles, WiretraceConfig.Syndication cfg, List<Dataset<Row>> cached) {
        LshParams lsh = lshParams(cfg);
        int components = cfg.minhashComponents();
        int maxBucket = cfg.lsh().maxBucketSize();
        int window = cfg.lsh().giantBucketWindow();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("lsh_bands", (long) lsh.bands());
        counts.put("lsh_rows", (long) lsh.rows());
        Dataset<Row> feats = features(articles, cfg, counts, cached);

        // LSH: one row per (band, bucket key, article); the sentence anchors are band number `bands`.
        int bands = lsh.bands();
        int rows = lsh.rows();
        int anchors = cfg.lsh().anchorSentences();
        Dataset<Row> bandRows = feats.select("doc_key", "signature", "sentences").flatMap((FlatMapFunction<Row, Row>) r -> {
            MinHashSketcher sk = new MinHashSketcher(components);
            byte[] sig = (byte[]) r.get(1);
            List<Row> out = new ArrayList<>(bands + anchors);
            for (int b = 0; b < bands; b++) {
                out.add(RowFactory.create(b, sk.bandKey(sig, b, rows), r.getLong(0)));
            }
            for (long key : ContentSentences.anchors(ContentSentences.fromBytes((byte[]) r.get(2)), anchors)) {
                out.add(RowFactory.create(bands, key, r.getLong(0)));
            }
            return out.iterator();
        }, Encoders.row(BANDS));
        // Buckets with two or more members, read off as runs of rows sorted by (band, bucket). Not a
        // collect_list group-by: nearly every bucket holds one article, and the object aggregation
        // falls back to sorting after 128 keys anyway, building a list per bucket on the way
        // (measured at 1M articles: 101 s, sorted runs 57 s).
        Dataset<Row> buckets = bandRows.repartition(col("band"), col("bucket"))
                .sortWithinPartitions("band", "bucket", "doc_key")
                .mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) SyndicationStage::buckets,
                        Encoders.row(BUCKETS))
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(buckets);
        Row bucketStats = buckets.agg(count(lit(1)), sum(org.apache.spark.sql.functions.when(
                        size(col("members")).gt(maxBucket), 1).otherwise(0)),
                sum(org.apache.spark.sql.functions.when(size(col("members")).gt(maxBucket), size(col("members")))
                        .otherwise(0)),
                sum(org.apache.spark.sql.functions.when(col("band").equalTo(bands), 1).otherwise(0))).first();

        Dataset<Row> edges = buckets.select("members").flatMap((FlatMapFunction<Row, Row>) r -> {
                    List<Long> m = r.getList(0);
                    long[] members = m.stream().mapToLong(Long::longValue).toArray();
                    List<Row> out = new ArrayList<>();
                    Buckets.pairs(members, maxBucket, window, (a, b) -> {
                        out.add(RowFactory.create(a, b));
                        return 0;
                    });
                    return out.iterator();
                }, Encoders.row(EDGES))
                // One pair may share several bands (a near copy ~27 of 37): a hash aggregation drops
                // most repeats before the shuffle, where sorting all of them (~70M at 1M articles) cost more.
                .distinct()
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(edges);
        long candidatePairs = edges.count();
        buckets.unpersist();

        // Pre-filter on 8-bit sketches (128 bytes a side, not the shingle sets): drop candidates whose
        // estimated Jaccard and containment are both far below the verification thresholds. This
        // keeps components close to stories (a bucket shared by chance no longer links two stories)
        // while every surviving pair is still verified exactly.
        StoryBuilder.Settings settings = settings(cfg);
        Dataset<Row> sk = feats.select("doc_key", "sketch", "shingles");
        Dataset<Row> likely = edges.join(sk.select(col("doc_key").as("a"), col("sketch").as("sa"),
                        size(col("shingles")).as("na")), "a")
                .join(sk.select(col("doc_key").as("b"), col("sketch").as("sb"), size(col("shingles")).as("nb")), "b")
                .filter((org.apache.spark.api.java.function.FilterFunction<Row>) r -> CorpusSyndication.likely(
                        r.getAs("sa"), r.getAs("sb"), r.<Integer>getAs("na"), r.<Integer>getAs("nb"), settings))
                .select("a", "b").persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(likely);
        long likelyPairs = likely.count();
        edges.unpersist();

        // A likely-pair graph that fits one task (nearly always below a few million articles) is
        // resolved there in one shuffle; label propagation costs several jobs per round.
        boolean oneTask = likelyPairs <= cfg.localComponentsMaxPairs();
        Dataset<Row> comps = (oneTask ? ConnectedComponents.inOneTask(likely) : ConnectedComponents.run(likely, cached))
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(comps);

        // Per component: docs and candidate pairs together, verified and built into stories. The
        // doc → component table is broadcast while small: joined by doc key, it would shuffle the
        // features (shingle sets and sentences) once to meet it and once more to group them by
        // component (measured at 200,000 articles: 411 MB more shuffle, ~2 s).
        long withCandidates = comps.count();
        Dataset<Row> compByDoc = comps.select(col("vertex").as("doc_key"), col("component"));
        if (withCandidates <= MAX_BROADCAST_COMPONENT_ROWS) {
            compByDoc = broadcast(compByDoc);
        }
        Dataset<Row> docs = feats.join(compByDoc, "doc_key")
                .select(col("component"), col("doc_key"), col("article_id"), col("outlet"), col("published_s"),
                        col("title_hash"), col("lede_hash"), col("shingles"), col("sentences"));
        Dataset<Row> pairsByComp = likely.join(compByDoc.withColumnRenamed("doc_key", "a"), "a")
                .select(col("component"), col("a"), col("b"));
        Dataset<Row> built = docs.groupByKey((MapFunction<Row, Long>) r -> r.getLong(0), Encoders.LONG())
                .cogroup(pairsByComp.groupByKey((MapFunction<Row, Long>) r -> r.getLong(0), Encoders.LONG()),
                        (CoGroupFunction<Long, Row, Row, Row>) (key, docRows, pairRows) ->
                                buildComponent(docRows, pairRows, settings), Encoders.row(OUT))
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(built);

        // Articles without any candidate: a story of their own.
        Dataset<Row> singles = feats.join(compByDoc, "doc_key", "left_anti")
                .select("doc_key", "article_id", "published_s")
                .map((MapFunction<Row, Row>) r -> {
                    StoryBuilder.Assignment a = StoryBuilder.singleton(r.getLong(0), r.getString(1),
                            r.isNullAt(2) ? null : r.getLong(2));
                    return assignmentRow(a);
                }, Encoders.row(OUT));

        counts.put("buckets_with_candidates", bucketStats.getLong(0));
        counts.put("giant_buckets_capped", bucketStats.isNullAt(1) ? 0L : bucketStats.getLong(1));
        counts.put("giant_bucket_members", bucketStats.isNullAt(2) ? 0L : bucketStats.getLong(2));
        counts.put("anchor_buckets_with_candidates", bucketStats.isNullAt(3) ? 0L : bucketStats.getLong(3));
        counts.put("candidate_pairs", candidatePairs);
        counts.put("candidate_pairs_after_sketch_filter", likelyPairs);
        counts.put("articles_with_candidates", withCandidates);
        counts.putAll(PageTemplates.removed(feats));
        return result(built, built.filter(col("kind").equalTo("article")).unionByName(singles), feats, lsh, counts,
                cached);
    }

    /**
     * The buckets of band rows sorted by (band, bucket): one row per run of two or more members.
     * Nearly every run has one member, so no object is built until a second one shows up.
     */
    private static Iterator<Row> buckets(Iterator<Row> sorted) {
        return new Iterator<>() {
            private Row first = sorted.hasNext() ? sorted.next() : null;
            private final List<Long> members = new ArrayList<>();
            private Row ready = advance();

            private Row advance() {
                while (first != null) {
                    int band = first.getInt(0);
                    long bucket = first.getLong(1);
                    members.clear();
                    members.add(first.getLong(2));
                    first = null;
                    while (sorted.hasNext()) {
                        Row r = sorted.next();
                        if (r.getInt(0) != band || r.getLong(1) != bucket) {
                            first = r;
                            break;
                        }
                        members.add(r.getLong(2));
                    }
                    if (members.size() >= 2) {
                        return RowFactory.create(band, bucket, members.stream().mapToLong(Long::longValue).toArray());
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return ready != null;
            }

            @Override
            public Row next() {
                if (ready == null) {
                    throw new java.util.NoSuchElementException();
                }
                Row out = ready;
                ready = advance();
                return out;
            }
        };
    }

    private static Iterator<Row> buildComponent(Iterator<Row> docRows, Iterator<Row> pairRows, StoryBuilder.Settings s) {
        List<StoryBuilder.Doc> docs = new ArrayList<>();
        while (docRows.hasNext()) {
            Row r = docRows.next();
            int[] shingles = ints(r.getList(7));
            docs.add(new StoryBuilder.Doc(r.getLong(1), r.getString(2), r.getString(3), r.isNullAt(4) ? null : r.getLong(4),
                    r.getLong(5), r.getLong(6), shingles, ContentSentences.fromBytes((byte[]) r.get(8))));
        }
        List<long[]> candidates = new ArrayList<>();
        while (pairRows.hasNext()) {
            Row r = pairRows.next();
            candidates.add(new long[]{r.getLong(1), r.getLong(2)});
        }
        StoryBuilder.Result result = StoryBuilder.build(docs, candidates, s);
        return rows(result.assignments(), result.pairs()).iterator();
    }

    private static int[] ints(List<Integer> list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    /** Output rows: one per assignment, one per verified pair. */
    private static List<Row> rows(List<StoryBuilder.Assignment> assignments, List<StoryBuilder.Pair> pairs) {
        List<Row> out = new ArrayList<>(assignments.size() + pairs.size());
        for (StoryBuilder.Assignment a : assignments) {
            out.add(assignmentRow(a));
        }
        for (StoryBuilder.Pair p : pairs) {
            out.add(RowFactory.create("pair", null, null, null, null, null, null, p.articleIdA(), p.articleIdB(),
                    p.outletA(), p.outletB(), p.jaccard(), p.containment(), p.sentenceShare(), p.relation(),
                    p.matchedBy(), p.lagSeconds()));
        }
        return out;
    }

    private static Row assignmentRow(StoryBuilder.Assignment a) {
        return RowFactory.create("article", a.articleId(), a.storyId(), a.originArticleId(), a.isOrigin(), a.editKind(),
                a.lagSeconds(), null, null, null, null, null, null, null, null, null, null);
    }
}
