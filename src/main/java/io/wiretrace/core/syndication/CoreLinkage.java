package io.wiretrace.core.syndication;

import io.wiretrace.core.syndication.StoryBuilder.Edge;
import io.wiretrace.core.syndication.StoryBuilder.UnionFind;
import java.util.List;
import java.util.Map;

/** Step 1b of {@link StoryBuilder}: cores that verified copies link densely merge (average linkage). */
final class CoreLinkage {

    private CoreLinkage() {}

    /** Share of the pairs across two cores that must be verified copies for the cores to merge. */
    static final double CORE_LINKAGE = 0.5;

    /**
     * Merges cores (of two or more members) that copies link densely: while some two cores have
     * verified pairs for at least {@link #CORE_LINKAGE} of the pairs across them, the densest two
     * (ties by smaller root) merge and their links are summed. Density is over all pairs of the
     * merged cores, so one article linked to two stories cannot chain them: it is one pair of many.
     */
    static void merge(UnionFind cores, PinnedStories pins, List<Edge> edges, int n) {
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
                if (density > bestDensity && pins.compatible(ra, rb)) {
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
            pins.union(keep, gone); // the smaller root stays the root
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
}
