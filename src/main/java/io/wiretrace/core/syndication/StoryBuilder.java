package io.wiretrace.core.syndication;

import io.wiretrace.core.text.ContentIds;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one group of candidate-linked articles into verified copy pairs and stories. Plain Java,
 * run per connected component of the candidate graph, so every step sees exact shingle sets
 * without shipping them per pair.
 *
 * <p>Stories must be cohesive: plain connected components over copy edges would chain unrelated
 * articles through one shared paragraph (a digest quoting two stories joins them). So:
 * <ol>
 *   <li>Strong edges (Jaccard at or above the threshold: mutual similarity) form cores by
 *       connected components.</li>
 *   <li>Cores joined by copies for at least half of the pairs across them merge (average
 *       linkage): one wire story under two sets of page chrome forms two tight cores whose
 *       members are only contained in each other, pair by pair.</li>
 *   <li>An article with only weak edges (containment: a trimmed or padded copy, a stub) attaches
 *       to the core of its best neighbour among the members of cores with two or more members; it
 *       becomes a leaf.</li>
 *   <li>Remaining weak-only articles join their best weak-only neighbour that is not a leaf
 *       (stories made only of trimmed variants).</li>
 * </ol>
 * A leaf never passes anything on, so a digest can join one story but cannot pull a second one in.
 * Ties are broken by article id: the result does not depend on input order.
 */
public final class StoryBuilder {

    /**
     * One article of a component. {@code publishedAt} is epoch seconds, or null when unknown;
     * {@code sentences} its content sentences ({@link ContentSentences}).
     */
    public record Doc(long key, String articleId, String outlet, Long publishedAt, long titleHash, long ledeHash,
                      int[] shingles, char[] sentences) implements Serializable {
        /** An article whose sentences do not take part (shingle tests only). */
        public Doc(long key, String articleId, String outlet, Long publishedAt, long titleHash, long ledeHash,
                   int[] shingles) {
            this(key, articleId, outlet, publishedAt, titleHash, ledeHash, shingles, new char[0]);
        }
    }

    /**
     * Thresholds. A pair is a copy when Jaccard ≥ jaccard; or containment ≥ containment with at
     * least minShared shingles in common; or, when sentenceShare &gt; 0, at least sentenceShare of the
     * shorter article's content sentences are near-verbatim in the other ({@link ContentSentences};
     * nearVerbatim of a sentence's words), and at least minSharedSentences of them. A pair that
     * shares a near-verbatim content sentence but is not a copy is partial reuse.
     */
    public record Settings(double jaccard, double containment, int minShared, double sentenceShare,
                           double nearVerbatim, int minSharedSentences) implements Serializable {
        /** The shingle tests; sentences only tell partial reuse (the product's defaults). */
        public Settings(double jaccard, double containment, int minShared) {
            this(jaccard, containment, minShared, 0.0, 0.7, 2);
        }
    }

    /** Relation of a copy pair, and of a pair that shares content without being a copy. */
    public static final String COPY = "copy";
    public static final String PARTIAL = "partial";

    /**
     * A verified pair, {@code articleIdA < articleIdB}: a copy, or partial reuse (matchedBy null).
     * {@code sentenceShare} is null for a copy by shingles (not compared). {@code lagSeconds} is
     * b's time minus a's.
     */
    public record Pair(String articleIdA, String articleIdB, String outletA, String outletB, double jaccard,
                       double containment, Double sentenceShare, String relation, String matchedBy, Long lagSeconds)
            implements Serializable {}

    /** An article's place in its story. */
    public record Assignment(long key, String articleId, String storyId, String originArticleId, boolean isOrigin,
                             String editKind, Long lagSeconds) implements Serializable {}

    public record Result(List<Assignment> assignments, List<Pair> pairs) {}

    private StoryBuilder() {}

    /** The story of an article that has no copies: itself. */
    public static Assignment singleton(long key, String articleId, Long publishedAt) {
        return new Assignment(key, articleId, storyId(articleId), publishedAt == null ? null : articleId,
                publishedAt != null, null, publishedAt == null ? null : 0L);
    }

    public static String storyId(String anchorArticleId) {
        return ContentIds.hash("story", anchorArticleId);
    }

    private record Edge(int a, int b, int shared, double jaccard, double containment, boolean strong) {}

    public static Result build(List<Doc> input, List<long[]> candidates, Settings s) {
        // Deterministic order whatever the partitioning delivered.
        List<Doc> docs = new ArrayList<>(input);
        docs.sort(Comparator.comparing(Doc::articleId));
        int n = docs.size();
        Map<Long, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(docs.get(i).key(), i);
        }
        List<Edge> edges = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        ContentSentences.Indexed[] sentenceIndex = new ContentSentences.Indexed[n]; // built on first use
        for (long[] c : Buckets.distinct(candidates)) {
            Integer ia = index.get(c[0]);
            Integer ib = index.get(c[1]);
            if (ia == null || ib == null || ia.equals(ib)) {
                continue;
            }
            int a = Math.min(ia, ib);
            int b = Math.max(ia, ib);
            Doc da = docs.get(a);
            Doc db = docs.get(b);
            int shared = Similarity.intersection(da.shingles(), db.shingles());
            double j = Similarity.jaccard(shared, da.shingles().length, db.shingles().length);
            double cont = Similarity.containment(shared, da.shingles().length, db.shingles().length);
            boolean byJ = j >= s.jaccard();
            boolean byC = cont >= s.containment() && shared >= s.minShared();
            // Sentences are compared only where they can change the answer: a copy by shingles is a
            // copy whatever they say (and most verified pairs are; comparing them too cost ~25 % of
            // the stage at 200k articles).
            ContentSentences.Match m = null;
            if (!byJ && !byC) {
                if (sentenceIndex[a] == null) {
                    sentenceIndex[a] = ContentSentences.index(da.sentences());
                }
                if (sentenceIndex[b] == null) {
                    sentenceIndex[b] = ContentSentences.index(db.sentences());
                }
                m = ContentSentences.compare(sentenceIndex[a], sentenceIndex[b], s.nearVerbatim());
            }
            boolean byS = m != null && s.sentenceShare() > 0 && m.share() >= s.sentenceShare()
                    && m.matched() >= s.minSharedSentences();
            Long lag = da.publishedAt() != null && db.publishedAt() != null ? db.publishedAt() - da.publishedAt() : null;
            if (!byJ && !byC && !byS) {
                if (m.matched() > 0) { // shares content, never joins stories
                    pairs.add(new Pair(da.articleId(), db.articleId(), da.outlet(), db.outlet(), round(j), round(cont),
                            round(m.share()), PARTIAL, null, lag));
                }
                continue;
            }
            edges.add(new Edge(a, b, shared, j, cont, byJ));
            pairs.add(new Pair(da.articleId(), db.articleId(), da.outlet(), db.outlet(), round(j), round(cont),
                    m == null ? null : round(m.share()), COPY,
                    byJ && byC ? "both" : byJ ? "jaccard" : byC ? "containment" : "sentences", lag));
        }

        // 1. Cores over strong edges.
        UnionFind cores = new UnionFind(n);
        for (Edge e : edges) {
            if (e.strong()) {
                cores.union(e.a(), e.b());
            }
        }
        mergeLinkedCores(cores, edges, n);
        int[] coreSize = new int[n];
        for (int i = 0; i < n; i++) {
            coreSize[cores.find(i)]++;
        }
        // Best weak neighbour of every article that has no strong edge, and its best neighbour in a
        // multi-member core: a stub is contained in every copy of its story alike, and its best
        // neighbour overall may be another weak-only copy (a trimmed one), not a core member.
        int[] best = new int[n];
        int[] bestInCore = new int[n];
        Arrays.fill(best, -1);
        Arrays.fill(bestInCore, -1);
        Edge[] bestEdge = new Edge[n];
        Edge[] bestCoreEdge = new Edge[n];
        for (Edge e : edges) {
            for (int side = 0; side < 2; side++) {
                int x = side == 0 ? e.a() : e.b();
                int y = side == 0 ? e.b() : e.a();
                if (coreSize[cores.find(x)] != 1) {
                    continue;
                }
                if (best[x] < 0 || better(e, y, bestEdge[x], best[x], docs)) {
                    best[x] = y;
                    bestEdge[x] = e;
                }
                if (coreSize[cores.find(y)] >= 2
                        && (bestInCore[x] < 0 || better(e, y, bestCoreEdge[x], bestInCore[x], docs))) {
                    bestInCore[x] = y;
                    bestCoreEdge[x] = e;
                }
            }
        }
        UnionFind stories = new UnionFind(n);
        for (int i = 0; i < n; i++) {
            stories.union(i, cores.find(i));
        }
        // 2. Weak-only articles attach to the multi-member core of their best neighbour there, and
        // become leaves.
        boolean[] leaf = new boolean[n];
        for (int x = 0; x < n; x++) {
            if (bestInCore[x] >= 0) {
                stories.union(x, bestInCore[x]);
                leaf[x] = true;
            }
        }
        // 3. The rest join their best non-leaf weak-only neighbour.
        for (Edge e : edges) {
            if (e.strong()) {
                continue;
            }
            int a = e.a();
            int b = e.b();
            boolean aFree = coreSize[cores.find(a)] == 1 && !leaf[a];
            boolean bFree = coreSize[cores.find(b)] == 1 && !leaf[b];
            if (aFree && bFree && (best[a] == b || best[b] == a)) {
                stories.union(a, b);
            }
        }

        // Stories: origin, id, lags and edit kinds.
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < n; i++) {
            members.computeIfAbsent(stories.find(i), k -> new ArrayList<>()).add(i);
        }
        Assignment[] out = new Assignment[n];
        for (List<Integer> m : members.values()) {
            int origin = -1;
            for (int i : m) {
                Long t = docs.get(i).publishedAt();
                if (t != null && (origin < 0 || t < docs.get(origin).publishedAt())) {
                    origin = i; // members are in article-id order: ties keep the smaller id
                }
            }
            int anchor = origin >= 0 ? origin : m.get(0);
            String storyId = storyId(docs.get(anchor).articleId());
            Doc o = origin >= 0 ? docs.get(origin) : null;
            for (int i : m) {
                Doc d = docs.get(i);
                if (m.size() == 1) {
                    out[i] = singleton(d.key(), d.articleId(), d.publishedAt());
                    continue;
                }
                String kind = null;
                Long lag = null;
                if (o != null && i != origin) {
                    int shared = Similarity.intersection(d.shingles(), o.shingles());
                    kind = EditKind.classify(d.shingles().length, o.shingles().length, shared,
                            d.titleHash() == o.titleHash(), d.ledeHash() == o.ledeHash()).code();
                    lag = d.publishedAt() == null ? null : d.publishedAt() - o.publishedAt();
                } else if (o != null) {
                    lag = 0L;
                }
                out[i] = new Assignment(d.key(), d.articleId(), storyId, o == null ? null : o.articleId(), i == origin,
                        kind, lag);
            }
        }
        return new Result(Arrays.asList(out), pairs);
    }

    /** Share of the pairs across two cores that must be verified copies for the cores to merge. */
    static final double CORE_LINKAGE = 0.5;

    /**
     * Merges cores (of two or more members) that copies link densely: while some two cores have
     * verified pairs for at least {@link #CORE_LINKAGE} of the pairs across them, the densest two
     * (ties by smaller root) merge and their links are summed. Density is over all pairs of the
     * merged cores, so one article linked to two stories cannot chain them: it is one pair of many.
     */
    private static void mergeLinkedCores(UnionFind cores, List<Edge> edges, int n) {
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            size[cores.find(i)]++;
        }
        // Links between distinct multi-member cores, keyed by (smaller root, larger root).
        Map<Long, Integer> links = new java.util.TreeMap<>();
        for (Edge e : edges) {
            int ra = cores.find(e.a());
            int rb = cores.find(e.b());
            if (ra != rb && size[ra] >= 2 && size[rb] >= 2) {
                links.merge(key(ra, rb), 1, Integer::sum);
            }
        }
        while (!links.isEmpty()) {
            long bestKey = -1;
            double bestDensity = 0;
            for (Map.Entry<Long, Integer> l : links.entrySet()) {
                int ra = (int) (l.getKey() >>> 32);
                int rb = (int) (long) l.getKey();
                double density = l.getValue() / ((double) size[ra] * size[rb]);
                if (density > bestDensity) {
                    bestDensity = density;
                    bestKey = l.getKey();
                }
            }
            if (bestDensity < CORE_LINKAGE) {
                return;
            }
            int keep = (int) (bestKey >>> 32);
            int gone = (int) (long) bestKey;
            links.remove(bestKey);
            cores.union(keep, gone); // the smaller root stays the root
            size[keep] += size[gone];
            // The merged core's links: the sum of both cores' links to every other core.
            Map<Long, Integer> moved = new java.util.TreeMap<>();
            for (var it = links.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Long, Integer> l = it.next();
                int ra = (int) (l.getKey() >>> 32);
                int rb = (int) (long) l.getKey();
                if (ra == gone || rb == gone || ra == keep || rb == keep) {
                    int other = ra == gone || ra == keep ? rb : ra;
                    moved.merge(key(keep, other), l.getValue(), Integer::sum);
                    it.remove();
                }
            }
            links.putAll(moved);
        }
    }

    private static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    /** Is edge {@code e} to {@code y} a better weak link than {@code cur} to {@code curY}? */
    private static boolean better(Edge e, int y, Edge cur, int curY, List<Doc> docs) {
        if (e.containment() != cur.containment()) {
            return e.containment() > cur.containment();
        }
        if (e.jaccard() != cur.jaccard()) {
            return e.jaccard() > cur.jaccard();
        }
        return docs.get(y).articleId().compareTo(docs.get(curY).articleId()) < 0;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** Union-find with path halving; the smaller index becomes the root (deterministic). */
    static final class UnionFind {
        private final int[] parent;

        UnionFind(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }
}
