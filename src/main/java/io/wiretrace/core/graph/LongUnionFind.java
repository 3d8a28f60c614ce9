package io.wiretrace.core.graph;

import java.util.Arrays;

/**
 * Connected components of a graph on {@code long} vertices, in memory: union-find with path
 * halving and union by size, over an open-addressing vertex index (no boxing: a vertex costs at
 * most about 60 bytes, so ten million vertices fit in 600 MB). Each component is labelled
 * by its smallest vertex, the same label distributed min-label propagation gives, so the two are
 * interchangeable.
 */
public final class LongUnionFind {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;      // open-addressing table: vertex, or EMPTY
    private int[] slotIndex;  // table slot -> dense vertex index
    private long[] vertex;    // dense index -> vertex
    private int[] parent;
    private int[] size;
    private long[] minVertex; // per root: smallest vertex of its component
    private int n;

    public LongUnionFind() {
        keys = new long[1 << 10];
        Arrays.fill(keys, EMPTY);
        slotIndex = new int[keys.length];
        vertex = new long[256];
        parent = new int[256];
        size = new int[256];
        minVertex = new long[256];
    }

    /** Vertices seen so far. */
    public int size() {
        return n;
    }

    /** Adds the edge a–b (and both vertices). {@code Long.MIN_VALUE} is not a valid vertex. */
    public void union(long a, long b) {
        int ra = find(indexOf(a));
        int rb = find(indexOf(b));
        if (ra == rb) {
            return;
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
        minVertex[ra] = Math.min(minVertex[ra], minVertex[rb]);
    }

    /** Receives each vertex with its component label (the component's smallest vertex). */
    public interface Sink {
        void accept(long vertex, long component);
    }

    /** Every vertex once, in the order first seen, with its component label. */
    public void forEach(Sink sink) {
        for (int i = 0; i < n; i++) {
            sink.accept(vertex[i], minVertex[find(i)]);
        }
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]]; // path halving
            i = parent[i];
        }
        return i;
    }

    private int indexOf(long v) {
        if (v == EMPTY) {
            throw new IllegalArgumentException("Invalid vertex: Long.MIN_VALUE is reserved");
        }
        int mask = keys.length - 1;
        int slot = mix(v) & mask;
        while (keys[slot] != EMPTY) {
            if (keys[slot] == v) {
                return slotIndex[slot];
            }
            slot = (slot + 1) & mask;
        }
        if (n == vertex.length) {
            int cap = vertex.length * 2;
            vertex = Arrays.copyOf(vertex, cap);
            parent = Arrays.copyOf(parent, cap);
            size = Arrays.copyOf(size, cap);
            minVertex = Arrays.copyOf(minVertex, cap);
        }
        int i = n++;
        vertex[i] = v;
        parent[i] = i;
        size[i] = 1;
        minVertex[i] = v;
        keys[slot] = v;
        slotIndex[slot] = i;
        if (n * 2 > keys.length) {
            rehash();
        }
        return i;
    }

    private void rehash() {
        long[] old = keys;
        int[] oldIndex = slotIndex;
        keys = new long[old.length * 2];
        Arrays.fill(keys, EMPTY);
        slotIndex = new int[keys.length];
        int mask = keys.length - 1;
        for (int s = 0; s < old.length; s++) {
            if (old[s] != EMPTY) {
                int slot = mix(old[s]) & mask;
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = old[s];
                slotIndex[slot] = oldIndex[s];
            }
        }
    }

    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
