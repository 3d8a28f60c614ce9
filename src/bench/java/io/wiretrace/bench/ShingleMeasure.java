package io.wiretrace.bench;

import io.wiretrace.bench.ExtractionBench.Result;
import io.wiretrace.core.eval.TokenOverlap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The measure the public main-text extraction benchmarks report: per page, precision and recall
 * of the word 4-gram shingles of the extracted text against the expected text (words as
 * {@link TokenOverlap#tokens} splits them; a text of fewer than four words is one shingle). A
 * page with an empty prediction has recall 0 and is left out of the precision mean; the score is
 * the F1 of the two means.
 */
public final class ShingleMeasure {

    /** The two means, their F1, and the pages whose prediction was empty. */
    public record Score(double precision, double recall, double f1, int emptyPredictions) {}

    static final int SHINGLE_WORDS = 4;

    private ShingleMeasure() {}

    public static Score of(List<Result> results) {
        double precisionSum = 0;
        int precisionPages = 0;
        double recallSum = 0;
        int empty = 0;
        for (Result r : results) {
            Set<String> got = shingles(r.got().text());
            Set<String> want = shingles(r.c().body());
            if (got.isEmpty()) {
                empty++;
                continue; // recall 0; no precision to average
            }
            int shared = 0;
            for (String s : got) {
                shared += want.contains(s) ? 1 : 0;
            }
            precisionSum += (double) shared / got.size();
            precisionPages++;
            recallSum += want.isEmpty() ? 0 : (double) shared / want.size();
        }
        double p = precisionPages == 0 ? 0 : precisionSum / precisionPages;
        double r = results.isEmpty() ? 0 : recallSum / results.size();
        return new Score(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), empty);
    }

    static Set<String> shingles(String text) {
        List<String> words = TokenOverlap.tokens(text);
        Set<String> out = new HashSet<>();
        if (!words.isEmpty() && words.size() < SHINGLE_WORDS) {
            out.add(String.join(" ", words));
        }
        for (int i = 0; i + SHINGLE_WORDS <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + SHINGLE_WORDS)));
        }
        return out;
    }
}
