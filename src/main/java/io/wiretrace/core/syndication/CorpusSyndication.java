package io.wiretrace.core.syndication;

import io.wiretrace.core.graph.LongUnionFind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Syndication of a whole (small) corpus in memory, in plain Java: the same steps, thresholds and
 * results as the distributed stage — LSH buckets, capped giant buckets, the sketch pre-filter,
 * connected components of the likely pairs, then {@link StoryBuilder} per component — without a
 * Spark job per step. The Spark stage runs it in one task when a run is small, where the jobs'
 * fixed cost, not the arithmetic, is the price.
 */
public final class CorpusSyndication {

    /** How far below a threshold a sketch estimate may be and still go to exact verification (~3σ at 128 components). */
    public static final double PREFILTER_MARGIN = 0.15;

    /**
     * One article's features, as the distributed stage holds them; {@code pin} is set for an
     * article of an earlier run read from the story index (null for a new one).
     */
    public record Article(long docKey, String articleId, String outlet, Long publishedS, long titleHash, long ledeHash,
                          int[] shingles, char[] sentences, byte[] signature, byte[] sketch, StoryBuilder.Pin pin) {
        /** A new article. */
        public Article(long docKey, String articleId, String outlet, Long publishedS, long titleHash, long ledeHash,
                       int[] shingles, char[] sentences, byte[] signature, byte[] sketch) {
            this(docKey, articleId, outlet, publishedS, titleHash, ledeHash, shingles, sentences, signature, sketch, null);
        }
    }

    /** LSH banding, the sentence anchors per article, and the limits on giant buckets. */
    public record Banding(int components, int bands, int rows, int maxBucketSize, int giantBucketWindow,
                          int anchorSentences) implements java.io.Serializable {}

    /** Every article's assignment, the verified pairs, and the counts the manifest reports. */
    public record Result(List<StoryBuilder.Assignment> assignments, List<StoryBuilder.Pair> pairs, Map<String, Long> counts) {}

    private CorpusSyndication() {}

    /**
     * Whether a candidate pair goes to exact verification: its sketch-estimated Jaccard, or the
     * containment that estimate implies for the two set sizes, is within {@link #PREFILTER_MARGIN}
     * of a verification threshold. (Verifying every candidate down to an estimated containment of
     * 0.1, to report more partial reuse, cost 2.5× the stage time at 200k articles: the pairs
     * that pass are nearly all LSH's near misses, and partial reuse needs its own candidates.)
     */
    public static boolean likely(byte[] sketchA, byte[] sketchB, int sizeA, int sizeB, StoryBuilder.Settings s) {
        double j = MinHashSketcher.estimateFromSketch8(sketchA, sketchB);
        double c = j * (sizeA + sizeB) / ((1 + j) * Math.max(1, Math.min(sizeA, sizeB)));
        return j >= s.jaccard() - PREFILTER_MARGIN || c >= s.containment() - PREFILTER_MARGIN;
    }

    /** Buckets of two or more members with at least one new article (earlier runs matched the rest). */
    private static void addBuckets(Map<Long, List<Long>> buckets, List<long[]> keys, Map<Long, Article> byKey) {
        for (List<Long> members : buckets.values()) {
            if (members.size() >= 2 && members.stream().anyMatch(k -> byKey.get(k).pin() == null)) {
                keys.add(members.stream().mapToLong(Long::longValue).toArray());
            }
        }
    }

    public static Result run(List<Article> articles, Banding banding, StoryBuilder.Settings settings) {
        Map<Long, Article> byKey = new HashMap<>(articles.size() * 2);
        articles.forEach(a -> byKey.put(a.docKey(), a));
        MinHashSketcher sketcher = new MinHashSketcher(banding.components());
        // Buckets per band (ordered, so the work is the same on every run; members are sorted by Buckets).
        Map<Long, List<Long>> buckets = new HashMap<>();
        List<long[]> keys = new ArrayList<>();
        for (int b = 0; b < banding.bands(); b++) {
            buckets.clear();
            for (Article a : articles) {
                buckets.computeIfAbsent(sketcher.bandKey(a.signature(), b, banding.rows()), k -> new ArrayList<>())
                        .add(a.docKey());
            }
            addBuckets(buckets, keys, byKey);
        }
        // Sentence anchors: one more "band" whose keys are the articles' opening sentences.
        buckets.clear();
        for (Article a : articles) {
            for (long key : ContentSentences.anchors(a.sentences(), banding.anchorSentences())) {
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(a.docKey());
            }
        }
        long anchorBuckets = -keys.size();
        addBuckets(buckets, keys, byKey);
        anchorBuckets += keys.size();
        long giant = 0;
        long giantMembers = 0;
        List<long[]> found = new ArrayList<>();
        for (long[] members : keys) {
            if (members.length > banding.maxBucketSize()) {
                giant++;
                giantMembers += members.length;
            }
            Buckets.pairs(members, banding.maxBucketSize(), banding.giantBucketWindow(), (a, b) -> {
                if (byKey.get(a).pin() == null || byKey.get(b).pin() == null) {
                    found.add(new long[]{a, b});
                }
                return 0;
            });
        }
        // One pair may share several bands: distinct pairs, in a fixed order.
        List<long[]> candidates = Buckets.distinct(found);
        LongUnionFind components = new LongUnionFind();
        List<long[]> likely = new ArrayList<>();
        for (long[] p : candidates) {
            Article a = byKey.get(p[0]);
            Article b = byKey.get(p[1]);
            if (likely(a.sketch(), b.sketch(), a.shingles().length, b.shingles().length, settings)) {
                likely.add(p);
                components.union(p[0], p[1]);
            }
        }
        Map<Long, List<StoryBuilder.Doc>> docsOf = new TreeMap<>();
        Map<Long, Long> componentOf = new HashMap<>();
        components.forEach((v, c) -> {
            componentOf.put(v, c);
            Article a = byKey.get(v);
            docsOf.computeIfAbsent(c, k -> new ArrayList<>()).add(new StoryBuilder.Doc(a.docKey(), a.articleId(),
                    a.outlet(), a.publishedS(), a.titleHash(), a.ledeHash(), a.shingles(), a.sentences(), a.pin()));
        });
        Map<Long, List<long[]>> pairsOf = new HashMap<>();
        for (long[] p : likely) {
            pairsOf.computeIfAbsent(componentOf.get(p[0]), k -> new ArrayList<>()).add(p);
        }
        List<StoryBuilder.Assignment> assignments = new ArrayList<>(articles.size());
        List<StoryBuilder.Pair> pairs = new ArrayList<>();
        for (Map.Entry<Long, List<StoryBuilder.Doc>> e : docsOf.entrySet()) {
            StoryBuilder.Result r = StoryBuilder.build(e.getValue(), pairsOf.getOrDefault(e.getKey(), List.of()), settings);
            assignments.addAll(r.assignments());
            pairs.addAll(r.pairs());
        }
        for (Article a : articles) {
            if (a.pin() == null && !componentOf.containsKey(a.docKey())) {
                assignments.add(StoryBuilder.singleton(a.docKey(), a.articleId(), a.publishedS()));
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("buckets_with_candidates", (long) keys.size());
        counts.put("giant_buckets_capped", giant);
        counts.put("giant_bucket_members", giantMembers);
        counts.put("anchor_buckets_with_candidates", anchorBuckets);
        counts.put("candidate_pairs", (long) candidates.size());
        counts.put("candidate_pairs_after_sketch_filter", (long) likely.size());
        counts.put("articles_with_candidates", (long) componentOf.size());
        return new Result(assignments, pairs, counts);
    }
}
