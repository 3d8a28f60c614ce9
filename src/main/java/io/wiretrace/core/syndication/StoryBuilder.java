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
 *
 * <p><b>Pinned articles</b> (an incremental run: articles of earlier days, read from the story
 * index with their {@link Pin}) keep their story: they are never re-verified against each other,
 * never move, and two pinned stories never merge. Pinned members of one story start as one core;
 * a strong edge or a core merge that would join two pinned stories is refused (strong edges are
 * taken best first, so an article that copies two earlier stories joins the one it copies most
 * closely; its copy pairs with the other stay in the pairs). A story holding a pinned article takes
 * that article's story id and origin: the origin never moves, and a new article published before
 * it (scraped late) gets a negative lag. Only the new articles' assignments are returned.
 */
public final class StoryBuilder {

    /**
     * One article of a component. {@code publishedAt} is epoch seconds, or null when unknown;
     * {@code sentences} its content sentences ({@link ContentSentences}).
     */
    public record Doc(long key, String articleId, String outlet, Long publishedAt, long titleHash, long ledeHash,
                      int[] shingles, char[] sentences, Pin pin) implements Serializable {
        /** A new article (not pinned). */
        public Doc(long key, String articleId, String outlet, Long publishedAt, long titleHash, long ledeHash,
                   int[] shingles, char[] sentences) {
            this(key, articleId, outlet, publishedAt, titleHash, ledeHash, shingles, sentences, null);
        }

        /** An article whose sentences do not take part (shingle tests only). */
        public Doc(long key, String articleId, String outlet, Long publishedAt, long titleHash, long ledeHash,
                   int[] shingles) {
            this(key, articleId, outlet, publishedAt, titleHash, ledeHash, shingles, new char[0], null);
        }
    }

    /**
     * The story an article of an earlier run belongs to, as the story index holds it: its id, its
     * origin and the origin's publication time (epoch seconds; null when unknown).
     */
    public record Pin(String storyId, String originArticleId, Long originPublishedAt) implements Serializable {}

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

    /**
     * An article's place in its story; {@code originPublishedAt} is the origin's time (epoch
     * seconds), which the story index keeps so that later runs can place late copies.
     */
    public record Assignment(long key, String articleId, String storyId, String originArticleId, boolean isOrigin,
                             String editKind, Long lagSeconds, Long originPublishedAt) implements Serializable {}

    public record Result(List<Assignment> assignments, List<Pair> pairs) {}

    private StoryBuilder() {}

    /** The story of an article that has no copies: itself. */
    public static Assignment singleton(long key, String articleId, Long publishedAt) {
        return new Assignment(key, articleId, storyId(articleId), publishedAt == null ? null : articleId,
                publishedAt != null, null, publishedAt == null ? null : 0L, publishedAt);
    }

    public static String storyId(String anchorArticleId) {
        return ContentIds.hash("story", anchorArticleId);
    }

    record Edge(int a, int b, int shared, double jaccard, double containment, boolean strong) {}

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
            if (da.pin() != null && db.pin() != null) {
                continue; // both decided by earlier runs
            }
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

        // 1. Cores over strong edges; pinned members of one story start as one core.
        UnionFind cores = new UnionFind(n);
        PinnedStories pins = new PinnedStories(docs, cores);
        List<Edge> strong = new ArrayList<>();
        for (Edge e : edges) {
            if (e.strong()) {
                strong.add(e);
            }
        }
        // Best first, so that when two pinned stories compete the closer copy wins. Without pins the
        // order changes nothing (connected components).
        strong.sort(Comparator.comparingDouble((Edge e) -> -e.jaccard())
                .thenComparingInt(Edge::a).thenComparingInt(Edge::b));
        for (Edge e : strong) {
            pins.union(e.a(), e.b());
        }
        CoreLinkage.merge(cores, pins, edges, n);
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
                if (coreSize[cores.find(x)] != 1 || docs.get(x).pin() != null) { // a pinned article never moves
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
            Pin pin = pins.of(m);
            if (pin != null) {
                PinnedStories.assign(m, pin, docs, out);
                continue;
            }
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
                Long lag = o == null ? null : i == origin ? Long.valueOf(0L) : lag(d, o.publishedAt());
                out[i] = new Assignment(d.key(), d.articleId(), storyId, o == null ? null : o.articleId(), i == origin,
                        o != null && i != origin ? editKind(d, o) : null, lag, o == null ? null : o.publishedAt());
            }
        }
        List<Assignment> result = new ArrayList<>(n);
        for (Assignment a : out) {
            if (a != null) { // pinned articles keep the assignment of their own run
                result.add(a);
            }
        }
        return new Result(result, pairs);
    }

    static boolean earlier(Doc a, Doc b) {
        long ta = a.publishedAt() == null ? Long.MAX_VALUE : a.publishedAt();
        long tb = b.publishedAt() == null ? Long.MAX_VALUE : b.publishedAt();
        return ta != tb ? ta < tb : a.articleId().compareTo(b.articleId()) < 0;
    }

    static Long lag(Doc d, Long originPublishedAt) {
        return d.publishedAt() == null || originPublishedAt == null ? null : d.publishedAt() - originPublishedAt;
    }

    static String editKind(Doc d, Doc o) {
        int shared = Similarity.intersection(d.shingles(), o.shingles());
        return EditKind.classify(d.shingles().length, o.shingles().length, shared,
                d.titleHash() == o.titleHash(), d.ledeHash() == o.ledeHash()).code();
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
