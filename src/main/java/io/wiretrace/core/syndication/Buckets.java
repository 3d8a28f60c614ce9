package io.wiretrace.core.syndication;

import java.util.Arrays;
import java.util.function.LongBinaryOperator;

/**
 * Candidate pairs from one LSH bucket. A normal bucket yields all its pairs. A giant bucket (more
 * than {@code maxSize} members: boilerplate or one text copied thousands of times) would yield a
 * quadratic number; instead each member is paired with its next {@code window} members in key
 * order, which keeps the work linear and still links every member into one connected group.
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
}
