package io.wiretrace.core.syndication;

/** Exact set similarity on sorted, distinct int arrays (shingle sets). */
public final class Similarity {

    private Similarity() {}

    /** |A ∩ B| by merging two sorted arrays. */
    public static int intersection(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            int x = a[i];
            int y = b[j];
            if (x == y) {
                n++;
                i++;
                j++;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    public static double jaccard(int shared, int sizeA, int sizeB) {
        int union = sizeA + sizeB - shared;
        return union == 0 ? 0.0 : (double) shared / union;
    }

    /** |A ∩ B| / min(|A|, |B|): 1.0 when the smaller text is wholly inside the larger. */
    public static double containment(int shared, int sizeA, int sizeB) {
        int min = Math.min(sizeA, sizeB);
        return min == 0 ? 0.0 : (double) shared / min;
    }
}
