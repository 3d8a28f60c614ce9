package io.wiretrace.bench;

import static io.wiretrace.bench.ExtractionBench.titleMatches;

import io.wiretrace.bench.ExtractionBench.Case;
import io.wiretrace.bench.ExtractionBench.Got;
import io.wiretrace.core.html.ArticleExtractor;
import io.wiretrace.core.html.HtmlDecoder;
import io.wiretrace.core.html.TitleSource;
import io.wiretrace.core.ingest.WarcPages;
import io.wiretrace.core.text.TextNormalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Part of {@code scripts/bench extraction}: how far the choice of title source goes on the fundus
 * pages — per outlet ({@code title_source} in the outlet registry, learned from a publisher's
 * other pages) and per page (a rule on which title candidates agree).
 */
public final class TitleSourceStudy {

    /** Title exact match on the pages of publishers with 2+ pages, with and without held-out title sources. */
    public record HeldOut(int publishers, int pages, double withSources, double without) {}

    private TitleSourceStudy() {}

    /**
     * What a per-outlet {@code title_source} buys, measured without looking at the scored page:
     * for each publisher with two or more pages, each page takes the source that gives the
     * expected title on most of the publisher's <em>other</em> pages (none when the titles
     * {@code extracted} already did as well), as an operator would set it after checking a few
     * pages of the outlet.
     */
    public static HeldOut heldOutTitleSources(List<Case> cases, List<Map<TitleSource, String>> candidates,
                                              List<Got> extracted) {
        Map<String, List<Integer>> byPublisher = new TreeMap<>();
        for (int i = 0; i < cases.size(); i++) {
            byPublisher.computeIfAbsent(cases.get(i).publisher(), k -> new ArrayList<>()).add(i);
        }
        int publishers = 0;
        int pages = 0;
        int before = 0;
        int after = 0;
        for (List<Integer> pagesOf : byPublisher.values()) {
            if (pagesOf.size() < 2) {
                continue;
            }
            publishers++;
            for (int scored : pagesOf) {
                List<Integer> others = pagesOf.stream().filter(i -> i != scored).toList();
                TitleSource chosen = null;
                long best = others.stream().filter(i -> titleMatches(cases.get(i), extracted.get(i))).count();
                for (TitleSource source : TitleSource.values()) {
                    long right = others.stream().filter(i -> titleMatches(cases.get(i),
                            titleUnder(source, candidates.get(i), extracted.get(i)))).count();
                    if (right > best) {
                        best = right;
                        chosen = source;
                    }
                }
                pages++;
                before += titleMatches(cases.get(scored), extracted.get(scored)) ? 1 : 0;
                after += titleMatches(cases.get(scored), titleUnder(chosen, candidates.get(scored), extracted.get(scored)))
                        ? 1 : 0;
            }
        }
        return new HeldOut(publishers, pages, after / (double) pages, before / (double) pages);
    }

    /**
     * The title ingestion gives a page when its outlet names {@code source} (null: the generic
     * rule's {@code extracted} title): the source's text when the page has it, as normalisation
     * cleans it; nothing for a page ingestion rejected.
     */
    private static String titleUnder(TitleSource source, Map<TitleSource, String> candidates, Got extracted) {
        if (extracted.rejectReason() != null || source == null || candidates.get(source) == null) {
            return extracted.title();
        }
        return TextNormalizer.clean(candidates.get(source));
    }

    /** Each page's title candidates ({@link ArticleExtractor#titleCandidates}), read from {@link #archive}. */
    public static List<Map<TitleSource, String>> titleCandidates(byte[] archive) throws IOException {
        List<Map<TitleSource, String>> out = new ArrayList<>();
        ArticleExtractor extractor = new ArticleExtractor();
        try (WarcPages pages = new WarcPages(new ByteArrayInputStream(archive), 64 << 20)) {
            for (WarcPages.Page p = pages.next(); p != null; p = pages.next()) {
                out.add(p.kind() == WarcPages.Kind.PAGE
                        ? extractor.titleCandidates(HtmlDecoder.decode(p.body(), p.contentType()).text(), p.url()) : Map.of());
            }
        }
        return out;
    }

    /** Title exact match of the best page-level source choice: fitted to all pages, and leave-one-publisher-out. */
    public record Ceiling(double fitted, double leaveOnePublisherOut) {}

    /**
     * How far a generic rule can go. All a page tells a rule is which of its title candidates
     * agree with which; group the pages by that pattern and, per pattern, take the source most
     * often right. Fitted to all pages this is the best any such rule does on this set (it
     * memorises the answer per pattern); learned on the other publishers and scored on the
     * held-out one, it is what such a rule can be expected to do on outlets it has not seen.
     * Patterns never seen keep the extracted title.
     */
    public static Ceiling pageRuleCeiling(List<Case> cases, List<Map<TitleSource, String>> candidates,
                                          List<Got> extracted) {
        List<String> patterns = candidates.stream().map(TitleSourceStudy::agreement).toList();
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            all.add(i);
        }
        int fitted = 0;
        int heldOut = 0;
        Map<String, TitleSource> fittedRule = bestSources(cases, candidates, patterns, all);
        Map<String, Map<String, TitleSource>> withoutPublisher = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            fitted += ruleRight(cases.get(i), candidates.get(i), fittedRule.get(patterns.get(i)), extracted.get(i)) ? 1 : 0;
            Map<String, TitleSource> rule = withoutPublisher.computeIfAbsent(cases.get(i).publisher(), publisher ->
                    bestSources(cases, candidates, patterns,
                            all.stream().filter(j -> !cases.get(j).publisher().equals(publisher)).toList()));
            heldOut += ruleRight(cases.get(i), candidates.get(i), rule.get(patterns.get(i)), extracted.get(i)) ? 1 : 0;
        }
        return new Ceiling(fitted / (double) cases.size(), heldOut / (double) cases.size());
    }

    /** Which candidates agree: per source, in order, the index of its distinct text ("-" when absent). */
    private static String agreement(Map<TitleSource, String> candidates) {
        List<String> distinct = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        for (TitleSource s : TitleSource.values()) {
            String v = candidates.get(s);
            if (v == null) {
                key.append('-');
                continue;
            }
            String n = v.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}]+", " ").strip();
            if (!distinct.contains(n)) {
                distinct.add(n);
            }
            key.append(distinct.indexOf(n));
        }
        return key.toString();
    }

    /** Per agreement pattern, the source right on most of {@code pages} (ties: the earlier source). */
    private static Map<String, TitleSource> bestSources(List<Case> cases, List<Map<TitleSource, String>> candidates,
                                                        List<String> patterns, List<Integer> pages) {
        Map<String, int[]> right = new HashMap<>();
        for (int i : pages) {
            int[] counts = right.computeIfAbsent(patterns.get(i), k -> new int[TitleSource.values().length]);
            for (TitleSource s : TitleSource.values()) {
                String v = candidates.get(i).get(s);
                if (v != null && titleMatches(cases.get(i), v)) {
                    counts[s.ordinal()]++;
                }
            }
        }
        Map<String, TitleSource> out = new HashMap<>();
        right.forEach((pattern, counts) -> {
            int best = 0;
            for (int s = 1; s < counts.length; s++) {
                if (counts[s] > counts[best]) {
                    best = s;
                }
            }
            if (counts[best] > 0) {
                out.put(pattern, TitleSource.values()[best]);
            }
        });
        return out;
    }

    private static boolean ruleRight(Case c, Map<TitleSource, String> candidates, TitleSource source, Got extracted) {
        return titleMatches(c, titleUnder(source, candidates, extracted));
    }
}
