package io.wiretrace.core.syndication;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.LongBinaryOperator;

/**
 * Candidate pairs from one LSH bucket. A normal bucket yields all its pairs. A giant bucket (more
 * than {@code maxSize} members: boilerplate or one text copied thousands of times) would yield a
 * quadratic number; instead each member is paired with its next {@code window} members in key
 * order, which keeps the work linear and still links every member into one connected group.
 * {@link #distinct} merges the pairs of many buckets into one ordered list without repeats.
 */
public final class Buckets {

    private Buckets() {}

    /** Calls {@code emit(a, b)} with a &lt; b for every candidate pair; returns the pair count. */
    public static long pairs(long[] members, int maxSize, int window, LongBinaryOperator emit) {
        long[] m = members.clone();
        Arrays.sort(m);
        int n = m.length;
        long count = 0;
        int reach = n > maxSize ? window : n;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n && j <= i + reach; j++) {
                if (m[i] != m[j]) {
                    emit.applyAsLong(m[i], m[j]);
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * The distinct pairs of {@code pairs}, each as {@code {min, max}}, sorted by both keys: one
     * order whatever order the pairs arrived in, and a pair found in several bands counted once.
     */
    public static List<long[]> distinct(Collection<long[]> pairs) {
        long[][] sorted = pairs.stream().map(c -> new long[]{Math.min(c[0], c[1]), Math.max(c[0], c[1])})
                .sorted((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]))
                .toArray(long[][]::new);
        List<long[]> out = new ArrayList<>(sorted.length);
        for (long[] c : sorted) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last == null || last[0] != c[0] || last[1] != c[1]) {
                out.add(c);
            }
        }
        return out;
    }
}
