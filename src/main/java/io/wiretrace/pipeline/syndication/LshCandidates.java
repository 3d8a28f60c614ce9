package io.wiretrace.pipeline.syndication;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.syndication.BucketKeys;
import io.wiretrace.core.syndication.Buckets;
import io.wiretrace.core.syndication.ContentSentences;
import io.wiretrace.core.syndication.CorpusSyndication;
import io.wiretrace.core.syndication.LshParams;
import io.wiretrace.core.syndication.StoryBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The distributed candidate step: LSH band keys per article, buckets of two or more members,
 * candidate pairs from the buckets (giant buckets capped), then the 8-bit sketch pre-filter. What
 * comes out is the likely-pair graph the story builder verifies exactly.
 */
final class LshCandidates {

    /** The likely pairs ({@code a < b}, doc keys), cached, and the step's counts in manifest order. */
    record Result(Dataset<Row> likely, Map<String, Long> counts) {}

    static final StructType BANDS = new StructType()
            .add("band", DataTypes.IntegerType, false)
            .add("bucket", DataTypes.LongType, false)
            .add("doc_key", DataTypes.LongType, false)
            .add("pinned", DataTypes.BooleanType, false);

    static final StructType BUCKETS = new StructType()
            .add("band", DataTypes.IntegerType, false)
            .add("bucket", DataTypes.LongType, false)
            .add("members", DataTypes.createArrayType(DataTypes.LongType, false), false)
            .add("pinned", DataTypes.createArrayType(DataTypes.BooleanType, false), false);

    static final StructType EDGES = new StructType()
            .add("a", DataTypes.LongType, false)
            .add("b", DataTypes.LongType, false);

    private LshCandidates() {}

    /**
     * Likely pairs of {@code feats} ({@link SyndicationFeatures#SCHEMA}), pre-filtered for the
     * verification {@code settings}. What it caches goes to {@code cached}; the intermediate buckets
     * and edges are released as soon as the next step is counted.
     */
    static Result run(Dataset<Row> feats, LshParams lsh, WiretraceConfig.Syndication cfg, StoryBuilder.Settings settings,
                      List<Dataset<Row>> cached) {
        Dataset<Row> buckets = buckets(bandRows(feats, lsh, cfg)).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(buckets);
        int maxBucket = cfg.lsh().maxBucketSize();
        Row bucketStats = buckets.agg(count(lit(1)),
                sum(when(size(col("members")).gt(maxBucket), 1).otherwise(0)),
                sum(when(size(col("members")).gt(maxBucket), size(col("members"))).otherwise(0)),
                sum(when(col("band").equalTo(lsh.bands()), 1).otherwise(0))).first();
        Dataset<Row> edges = edges(buckets, maxBucket, cfg.lsh().giantBucketWindow()).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(edges);
        long candidatePairs = edges.count();
        buckets.unpersist();
        Dataset<Row> likely = likely(edges, feats, settings).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(likely);
        long likelyPairs = likely.count();
        edges.unpersist();

        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("buckets_with_candidates", bucketStats.getLong(0));
        counts.put("giant_buckets_capped", bucketStats.isNullAt(1) ? 0L : bucketStats.getLong(1));
        counts.put("giant_bucket_members", bucketStats.isNullAt(2) ? 0L : bucketStats.getLong(2));
        counts.put("anchor_buckets_with_candidates", bucketStats.isNullAt(3) ? 0L : bucketStats.getLong(3));
        counts.put("candidate_pairs", candidatePairs);
        counts.put("candidate_pairs_after_sketch_filter", likelyPairs);
        return new Result(likely, counts);
    }

    /** One row per (band, bucket key, article); the sentence anchors are band number {@code bands}. */
    static Dataset<Row> bandRows(Dataset<Row> feats, LshParams lsh, WiretraceConfig.Syndication cfg) {
        int components = cfg.minhashComponents();
        int bands = lsh.bands();
        int rows = lsh.rows();
        int anchors = cfg.lsh().anchorSentences();
        return feats.select("doc_key", "signature", "sentences", "pin_story_id").flatMap((FlatMapFunction<Row, Row>) r -> {
            BucketKeys keys = new BucketKeys(components, bands, rows, anchors);
            long doc = r.getAs("doc_key");
            boolean pinned = !r.isNullAt(3);
            long[] buckets = keys.buckets(r.getAs("signature"), ContentSentences.fromBytes(r.getAs("sentences")));
            List<Row> out = new ArrayList<>(buckets.length);
            for (int i = 0; i < buckets.length; i++) {
                out.add(RowFactory.create(keys.band(i), buckets[i], doc, pinned));
            }
            return out.iterator();
        }, Encoders.row(BANDS));
    }

    /**
     * Buckets with two or more members, read off as runs of rows sorted by (band, bucket). Not a
     * collect_list group-by: nearly every bucket holds one article, and the object aggregation
     * falls back to sorting after 128 keys anyway, building a list per bucket on the way
     * (measured at 1M articles: 101 s, sorted runs 57 s).
     */
    static Dataset<Row> buckets(Dataset<Row> bandRows) {
        return bandRows.repartition(col("band"), col("bucket"))
                .sortWithinPartitions("band", "bucket", "doc_key")
                .mapPartitions((MapPartitionsFunction<Row, Row>) BucketRuns::new, Encoders.row(BUCKETS));
    }

    /** Candidate pairs of every bucket, each pair once; never two pinned articles (earlier runs matched them). */
    static Dataset<Row> edges(Dataset<Row> buckets, int maxBucket, int window) {
        return buckets.select("members", "pinned").flatMap((FlatMapFunction<Row, Row>) r -> {
                    List<Long> m = r.getList(0);
                    List<Boolean> p = r.getList(1);
                    long[] members = m.stream().mapToLong(Long::longValue).toArray();
                    java.util.Set<Long> pinned = new java.util.HashSet<>();
                    for (int i = 0; i < members.length; i++) {
                        if (p.get(i)) {
                            pinned.add(members[i]);
                        }
                    }
                    List<Row> out = new ArrayList<>();
                    Buckets.pairs(members, maxBucket, window, (a, b) -> {
                        if (pinned.isEmpty() || !pinned.contains(a) || !pinned.contains(b)) {
                            out.add(RowFactory.create(a, b));
                        }
                        return 0;
                    });
                    return out.iterator();
                }, Encoders.row(EDGES))
                // One pair may share several bands (a near copy ~27 of 37): a hash aggregation drops
                // most repeats before the shuffle, where sorting all of them (~70M at 1M articles) cost more.
                .distinct();
    }

    /**
     * Pre-filter on 8-bit sketches (128 bytes a side, not the shingle sets): drops candidates whose
     * estimated Jaccard and containment are both far below the verification thresholds. This keeps
     * components close to stories (a bucket shared by chance no longer links two stories) while
     * every surviving pair is still verified exactly.
     */
    static Dataset<Row> likely(Dataset<Row> edges, Dataset<Row> feats, StoryBuilder.Settings settings) {
        Dataset<Row> sk = feats.select("doc_key", "sketch", "shingles");
        return edges.join(sk.select(col("doc_key").as("a"), col("sketch").as("sa"), size(col("shingles")).as("na")), "a")
                .join(sk.select(col("doc_key").as("b"), col("sketch").as("sb"), size(col("shingles")).as("nb")), "b")
                .filter((FilterFunction<Row>) r -> CorpusSyndication.likely(
                        r.getAs("sa"), r.getAs("sb"), r.<Integer>getAs("na"), r.<Integer>getAs("nb"), settings))
                .select("a", "b");
    }

    /**
     * Band rows sorted by (band, bucket) → one row per run of two or more members, at least one of
     * them new (not pinned). Nearly every run has one member, so no object is built until a second
     * one shows up.
     */
    private static final class BucketRuns implements Iterator<Row> {
        private final Iterator<Row> sorted;
        private final List<Long> members = new ArrayList<>();
        private final List<Boolean> pinned = new ArrayList<>();
        private Row first;
        private Row ready;

        BucketRuns(Iterator<Row> sorted) {
            this.sorted = sorted;
            this.first = sorted.hasNext() ? sorted.next() : null;
            this.ready = advance();
        }

        private Row advance() {
            while (first != null) {
                int band = first.getInt(0);
                long bucket = first.getLong(1);
                members.clear();
                pinned.clear();
                members.add(first.getLong(2));
                pinned.add(first.getBoolean(3));
                first = null;
                while (sorted.hasNext()) {
                    Row r = sorted.next();
                    if (r.getInt(0) != band || r.getLong(1) != bucket) {
                        first = r;
                        break;
                    }
                    members.add(r.getLong(2));
                    pinned.add(r.getBoolean(3));
                }
                if (members.size() >= 2 && pinned.contains(false)) {
                    boolean[] flags = new boolean[pinned.size()];
                    for (int i = 0; i < flags.length; i++) {
                        flags[i] = pinned.get(i);
                    }
                    return RowFactory.create(band, bucket, members.stream().mapToLong(Long::longValue).toArray(), flags);
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
                throw new NoSuchElementException();
            }
            Row out = ready;
            ready = advance();
            return out;
        }
    }
}
