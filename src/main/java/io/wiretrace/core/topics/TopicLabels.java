package io.wiretrace.core.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Topic labels from a cluster centroid: the terms that are both heavy in the topic and heavier
 * there than in the corpus. Score per term = c · ln(c / m), where c is the term's weight in the
 * topic's centroid and m in the corpus centroid (both scaled to unit length): a term every topic
 * shares scores near zero however frequent it is, a rare term scores little however distinctive.
 * Plain Java, no Spark.
 */
public final class TopicLabels {

    /** Terms shown in the one-line label. */
    public static final int LABEL_TERMS = 4;

    public record Term(String term, double weight) {}

    /** One topic's description. */
    public record Topic(int topicId, String label, List<Term> topTerms, String centralStoryId, String centralTitle) {}

    private TopicLabels() {}

    public static Topic label(int topicId, double[] centroid, double[] corpus, String[] vocabulary, int n,
                              String centralStoryId, String centralTitle) {
        double[] c = unit(centroid);
        double[] m = unit(corpus);
        // Min-heap of the best n (score, then term for a total order).
        PriorityQueue<Term> best = new PriorityQueue<>((a, b) -> a.weight() != b.weight()
                ? Double.compare(a.weight(), b.weight()) : b.term().compareTo(a.term()));
        for (int t = 0; t < c.length && t < vocabulary.length; t++) {
            double score = score(c[t], m[t]);
            if (score <= 0 || vocabulary[t] == null) {
                continue;
            }
            Term term = new Term(vocabulary[t], score);
            if (best.size() < n) {
                best.add(term);
            } else if (best.comparator().compare(term, best.peek()) > 0) {
                best.poll();
                best.add(term);
            }
        }
        List<Term> top = new ArrayList<>(best);
        top.sort((a, b) -> a.weight() != b.weight() ? Double.compare(b.weight(), a.weight()) : a.term().compareTo(b.term()));
        List<String> words = new ArrayList<>();
        for (Term t : top.subList(0, Math.min(LABEL_TERMS, top.size()))) {
            words.add(t.term());
        }
        String label = words.isEmpty() ? "(no distinctive terms)" : String.join(", ", words);
        return new Topic(topicId, label, List.copyOf(top), centralStoryId, centralTitle);
    }

    /**
     * The {@code n} best-scoring term indices (score &gt; 0), best first, ties by index: used when
     * terms are hashed, to learn which buckets need a name before naming them.
     */
    public static int[] topIndices(double[] centroid, double[] corpus, int n) {
        double[] c = unit(centroid);
        double[] m = unit(corpus);
        List<double[]> scored = new ArrayList<>();
        for (int t = 0; t < c.length && t < m.length; t++) {
            double score = score(c[t], m[t]);
            if (score > 0) {
                scored.add(new double[] {score, t});
            }
        }
        scored.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
        return scored.stream().limit(n).mapToInt(x -> (int) x[1]).toArray();
    }

    /** c · ln(c / m), rounded so that scores are stable across platforms; 0 when not distinctive. */
    private static double score(double c, double m) {
        if (c <= 0 || m <= 0 || c <= m) {
            return 0;
        }
        return Math.round(c * Math.log(c / m) * 1e6) / 1e6;
    }

    static double[] unit(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        double norm = Math.sqrt(s);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : v[i] / norm;
        }
        return out;
    }
}
