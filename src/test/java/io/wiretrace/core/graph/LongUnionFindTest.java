package io.wiretrace.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongUnionFindTest {

    @Test
    void labelsEachComponentByItsSmallestVertex() {
        LongUnionFind uf = new LongUnionFind();
        uf.union(5, 9);
        uf.union(9, -3);
        uf.union(100, 101);
        uf.union(7, 7);
        Map<Long, Long> labels = labels(uf);
        assertEquals(Map.of(5L, -3L, 9L, -3L, -3L, -3L, 100L, 100L, 101L, 100L, 7L, 7L), labels);
    }

    @Test
    void agreesWithBreadthFirstSearchOnRandomGraphsThatOutgrowTheTable() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 5; trial++) {
            int n = 20_000;
            long[] ids = new long[n];
            for (int i = 0; i < n; i++) {
                ids[i] = rnd.nextLong(Long.MIN_VALUE + 1, Long.MAX_VALUE); // hash-like keys, negatives too
            }
            Map<Long, List<Long>> adj = new HashMap<>();
            LongUnionFind uf = new LongUnionFind();
            for (int e = 0; e < n; e++) {
                long a = ids[rnd.nextInt(n)];
                long b = ids[rnd.nextInt(n)];
                uf.union(a, b);
                adj.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
                adj.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
            }
            Map<Long, Long> expected = new HashMap<>();
            for (Long start : adj.keySet()) {
                if (expected.containsKey(start)) {
                    continue;
                }
                List<Long> comp = new ArrayList<>();
                ArrayDeque<Long> queue = new ArrayDeque<>(List.of(start));
                expected.put(start, start);
                while (!queue.isEmpty()) {
                    long v = queue.poll();
                    comp.add(v);
                    for (long w : adj.get(v)) {
                        if (!expected.containsKey(w)) {
                            expected.put(w, w);
                            queue.add(w);
                        }
                    }
                }
                long min = comp.stream().mapToLong(Long::longValue).min().orElseThrow();
                comp.forEach(v -> expected.put(v, min));
            }
            assertEquals(expected, labels(uf));
            assertEquals(adj.size(), uf.size());
        }
    }

    @Test
    void refusesTheReservedVertex() {
        assertThrows(IllegalArgumentException.class, () -> new LongUnionFind().union(Long.MIN_VALUE, 1));
    }

    private static Map<Long, Long> labels(LongUnionFind uf) {
        Map<Long, Long> out = new HashMap<>();
        uf.forEach((v, c) -> assertEquals(null, out.put(v, c)));
        return out;
    }
}
