package io.wiretrace.core.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Token-level precision, recall and F1 of an extracted text against the expected one, the usual
 * score of main-text extraction (bag of lower-cased word tokens, counted with multiplicity, so
 * that a duplicated paragraph or a missing one both cost).
 */
public final class TokenOverlap {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

    private TokenOverlap() {}

    public record Score(double precision, double recall, double f1) {}

    public static Score score(String extracted, String expected) {
        Map<String, Integer> got = bag(extracted);
        Map<String, Integer> want = bag(expected);
        long gotTotal = got.values().stream().mapToLong(Integer::longValue).sum();
        long wantTotal = want.values().stream().mapToLong(Integer::longValue).sum();
        if (gotTotal == 0 && wantTotal == 0) {
            return new Score(1, 1, 1);
        }
        long common = 0;
        for (Map.Entry<String, Integer> e : got.entrySet()) {
            common += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
        }
        double p = gotTotal == 0 ? 0 : (double) common / gotTotal;
        double r = wantTotal == 0 ? 0 : (double) common / wantTotal;
        return new Score(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    /** The lower-cased word tokens (runs of letters and digits) of a text, in order; empty for null. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Map<String, Integer> bag(String text) {
        Map<String, Integer> out = new HashMap<>();
        for (String t : tokens(text)) {
            out.merge(t, 1, Integer::sum);
        }
        return out;
    }
}
