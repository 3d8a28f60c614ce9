package io.wiretrace.core.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StoryBuilderTest {

    private static final StoryBuilder.Settings S = new StoryBuilder.Settings(0.5, 0.8, 15);

    /** A document whose shingles are the given integer ranges. */
    private static StoryBuilder.Doc doc(String id, Long t, long title, long lede, int[]... ranges) {
        List<Integer> s = new ArrayList<>();
        for (int[] r : ranges) {
            IntStream.range(r[0], r[1]).forEach(s::add);
        }
        return new StoryBuilder.Doc(id.hashCode(), id, "outlet-" + id, t, title, lede,
                s.stream().mapToInt(Integer::intValue).sorted().distinct().toArray());
    }

    static List<long[]> allPairs(List<StoryBuilder.Doc> docs) {
        List<long[]> p = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            for (int j = i + 1; j < docs.size(); j++) {
                p.add(new long[]{docs.get(i).key(), docs.get(j).key()});
            }
        }
        return p;
    }

    static Map<String, StoryBuilder.Assignment> byId(StoryBuilder.Result r) {
        return r.assignments().stream().collect(Collectors.toMap(StoryBuilder.Assignment::articleId, Function.identity()));
    }

    @Test
    void copiesFormOneStoryWithEarliestOriginLagsAndEditKinds() {
        StoryBuilder.Doc origin = doc("a", 1000L, 1, 1, new int[]{0, 100});
        StoryBuilder.Doc same = doc("b", 1600L, 1, 1, new int[]{0, 100});
        StoryBuilder.Doc retitled = doc("c", 4600L, 2, 1, new int[]{0, 100});
        StoryBuilder.Doc trimmed = doc("d", 2000L, 1, 1, new int[]{0, 30});
        StoryBuilder.Doc extended = doc("e", null, 1, 9, new int[]{0, 100}, new int[]{1000, 1060});
        StoryBuilder.Doc unrelated = doc("f", 500L, 3, 3, new int[]{5000, 5100});
        List<StoryBuilder.Doc> docs = List.of(origin, same, retitled, trimmed, extended, unrelated);
        StoryBuilder.Result r = StoryBuilder.build(docs, allPairs(docs), S);
        Map<String, StoryBuilder.Assignment> m = byId(r);
        String story = m.get("a").storyId();
        for (String id : List.of("b", "c", "d", "e")) {
            assertEquals(story, m.get(id).storyId(), id);
            assertEquals("a", m.get(id).originArticleId());
        }
        assertNotEquals(story, m.get("f").storyId());
        assertTrue(m.get("a").isOrigin());
        assertNull(m.get("a").editKind());
        assertEquals(0L, m.get("a").lagSeconds());
        assertEquals("identical", m.get("b").editKind());
        assertEquals(600L, m.get("b").lagSeconds());
        assertEquals("headline_changed", m.get("c").editKind());
        assertEquals("trimmed", m.get("d").editKind());
        assertEquals("extended", m.get("e").editKind());
        assertNull(m.get("e").lagSeconds(), "unknown time: no lag");
        assertEquals(StoryBuilder.storyId("a"), story);
        // The trimmed copy matched by containment only.
        StoryBuilder.Pair ad = r.pairs().stream().filter(p -> p.articleIdA().equals("a") && p.articleIdB().equals("d"))
                .findFirst().orElseThrow();
        assertEquals("containment", ad.matchedBy());
        assertEquals(0.3, ad.jaccard(), 1e-9);
        assertEquals(1.0, ad.containment(), 1e-9);
        assertEquals(1000L, ad.lagSeconds());
    }

    @Test
    void aDigestQuotingTwoStoriesDoesNotMergeThem() {
        // Two stories of 3 copies each, and a digest holding a trimmed excerpt of each.
        List<StoryBuilder.Doc> docs = new ArrayList<>();
        for (String s : List.of("x", "y")) {
            int base = s.equals("x") ? 0 : 10_000;
            for (int i = 1; i <= 3; i++) {
                docs.add(doc(s + i, (long) i, 1, 1, new int[]{base, base + 200}));
            }
        }
        StoryBuilder.Doc digest = doc("z-digest", 10L, 5, 5, new int[]{0, 40}, new int[]{10_000, 10_040}, new int[]{90_000, 90_300});
        docs.add(digest);
        StoryBuilder.Result r = StoryBuilder.build(docs, allPairs(docs), S);
        Map<String, StoryBuilder.Assignment> m = byId(r);
        assertNotEquals(m.get("x1").storyId(), m.get("y1").storyId());
        assertEquals(m.get("x1").storyId(), m.get("x3").storyId());
        assertEquals(m.get("y1").storyId(), m.get("y2").storyId());
    }

    @Test
    void oneStoryUnderTwoSetsOfChromeIsOneStory() {
        // One wire text (0..100) republished by two outlets' templates: three pages with chrome A,
        // two with chrome B. Within a template the pages are near-identical (strong); across the
        // two, each pair is contained only (J 0.36, containment 0.63).
        StoryBuilder.Settings s = new StoryBuilder.Settings(0.5, 0.6, 15);
        List<StoryBuilder.Doc> docs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            docs.add(doc("a" + i, (long) i, 1, 1, new int[]{0, 100}, new int[]{1000, 1060}));
        }
        for (int i = 1; i <= 2; i++) {
            docs.add(doc("b" + i, 10L + i, 1, 1, new int[]{0, 100}, new int[]{2000, 2120}));
        }
        Map<String, StoryBuilder.Assignment> m = byId(StoryBuilder.build(docs, allPairs(docs), s));
        for (String id : List.of("a2", "a3", "b1", "b2")) {
            assertEquals(m.get("a1").storyId(), m.get(id).storyId(), id);
        }
    }

    @Test
    void oneArticleQuotingAnotherStoryDoesNotMergeTwoCores() {
        // Cores x (0..200) and y (10000..10200) of three copies each; x3 also carries most of y's
        // text, so it is a copy of every y page by containment: 3 of the 9 pairs across the cores.
        StoryBuilder.Settings s = new StoryBuilder.Settings(0.5, 0.6, 15);
        List<StoryBuilder.Doc> docs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            docs.add(doc("y" + i, (long) i, 1, 1, new int[]{10_000, 10_200}));
            docs.add(i < 3 ? doc("x" + i, (long) i, 1, 1, new int[]{0, 200})
                    : doc("x3", 3L, 1, 1, new int[]{0, 200}, new int[]{10_000, 10_130}));
        }
        StoryBuilder.Result r = StoryBuilder.build(docs, allPairs(docs), s);
        Map<String, StoryBuilder.Assignment> m = byId(r);
        assertTrue(r.pairs().stream().anyMatch(p -> p.articleIdA().equals("x3") && p.articleIdB().equals("y1")),
                "x3 and y1 are a verified pair");
        assertEquals(m.get("x1").storyId(), m.get("x3").storyId());
        assertNotEquals(m.get("x1").storyId(), m.get("y1").storyId());
        assertEquals(m.get("y1").storyId(), m.get("y3").storyId());
    }

    @Test
    void storiesOfTrimmedVariantsOnlyStillForm() {
        StoryBuilder.Doc full = doc("a", 100L, 1, 1, new int[]{0, 300});
        StoryBuilder.Doc t1 = doc("b", 200L, 1, 1, new int[]{0, 90});
        StoryBuilder.Doc t2 = doc("c", 300L, 1, 1, new int[]{0, 80});
        List<StoryBuilder.Doc> docs = List.of(full, t1, t2);
        Map<String, StoryBuilder.Assignment> m = byId(StoryBuilder.build(docs, allPairs(docs), S));
        assertEquals(m.get("a").storyId(), m.get("b").storyId());
        // c's best link is b or a; either way all three share one story.
        assertEquals(m.get("a").storyId(), m.get("c").storyId());
    }

    @Test
    void oneSharedLineIsNotACopy() {
        StoryBuilder.Doc a = doc("a", 1L, 1, 1, new int[]{0, 10}, new int[]{100, 400});
        StoryBuilder.Doc b = doc("b", 2L, 1, 1, new int[]{0, 10}, new int[]{500, 800});
        StoryBuilder.Result r = StoryBuilder.build(List.of(a, b), allPairs(List.of(a, b)), S);
        assertTrue(r.pairs().isEmpty());
        assertNotEquals(byId(r).get("a").storyId(), byId(r).get("b").storyId());
    }

    private static StoryBuilder.Doc withText(String id, long t, String text) {
        return new StoryBuilder.Doc(id.hashCode(), id, "outlet-" + id, t, 1, 1,
                Shingler.toSet(new Shingler(Shingler.Unit.WORD, 5).shingles(text)), ContentSentences.of(text));
    }

    @Test
    void aSharedQuoteIsPartialReuseAndNeverJoinsStories() {
        String quote = "We will not accept any cut to the hospital budget this year, the minister told reporters.";
        StoryBuilder.Doc a = withText("a", 1000L, "The regional council met on Tuesday to discuss the coming winter season. "
                + quote + " Opposition members walked out before the final vote was taken in the chamber. "
                + "The council will meet again next month to settle the transport plan for the valley.");
        StoryBuilder.Doc b = withText("b", 2000L, "Nurses gathered outside the central hospital early on Wednesday morning. "
                + quote + " Union leaders said they would hold a second protest if nothing changed soon. "
                + "Patients were told to expect delays at the outpatient clinics during the protest.");
        List<StoryBuilder.Doc> docs = List.of(a, b);
        StoryBuilder.Result r = StoryBuilder.build(docs, allPairs(docs), S);
        assertNotEquals(byId(r).get("a").storyId(), byId(r).get("b").storyId());
        assertEquals(1, r.pairs().size());
        StoryBuilder.Pair p = r.pairs().get(0);
        assertEquals(StoryBuilder.PARTIAL, p.relation());
        assertNull(p.matchedBy());
        assertEquals(0.25, p.sentenceShare().doubleValue());
    }

    @Test
    void sentencesMakeACopyOnlyWhenSwitchedOn() {
        StoryBuilder.Doc a = withText("a", 1000L, "The harbour board approved the new ferry timetable on Monday after a long debate. "
                + "Ferries will leave every forty minutes from the north quay starting in June.");
        StoryBuilder.Doc b = withText("b", 2000L, "The harbour board approved a new ferry timetable on Monday after long debate. "
                + "Ferries will now leave every forty minutes from the north quay from June.");
        List<StoryBuilder.Doc> docs = List.of(a, b);
        StoryBuilder.Result off = StoryBuilder.build(docs, allPairs(docs), S);
        assertEquals(StoryBuilder.PARTIAL, off.pairs().get(0).relation());
        assertNotEquals(byId(off).get("a").storyId(), byId(off).get("b").storyId());
        StoryBuilder.Settings on = new StoryBuilder.Settings(0.5, 0.8, 15, 0.5, 0.7, 2);
        StoryBuilder.Result r = StoryBuilder.build(docs, allPairs(docs), on);
        assertEquals(StoryBuilder.COPY, r.pairs().get(0).relation());
        assertEquals("sentences", r.pairs().get(0).matchedBy());
        assertEquals(byId(r).get("a").storyId(), byId(r).get("b").storyId());
    }

    @Test
    void unknownTimesGiveNoOriginAndResultIsOrderIndependent() {
        StoryBuilder.Doc a = doc("a", null, 1, 1, new int[]{0, 100});
        StoryBuilder.Doc b = doc("b", null, 1, 1, new int[]{0, 100});
        StoryBuilder.Doc c = doc("c", null, 1, 1, new int[]{0, 95});
        List<StoryBuilder.Doc> docs = new ArrayList<>(List.of(a, b, c));
        StoryBuilder.Result r1 = StoryBuilder.build(docs, allPairs(docs), S);
        Collections.reverse(docs);
        List<long[]> pairs = allPairs(docs);
        Collections.reverse(pairs);
        StoryBuilder.Result r2 = StoryBuilder.build(docs, pairs, S);
        assertEquals(byId(r1), byId(r2));
        StoryBuilder.Assignment x = byId(r1).get("b");
        assertNull(x.originArticleId());
        assertFalse(x.isOrigin());
        assertNull(x.editKind());
        assertEquals(StoryBuilder.storyId("a"), x.storyId());
    }

    @Test
    void aStubJoinsTheCoreEvenWhenItsBestNeighbourIsATrimmedCopy() {
        StoryBuilder.Doc a = doc("a", 1000L, 1, 1, new int[]{0, 100});
        StoryBuilder.Doc b = doc("b", 1100L, 1, 1, new int[]{0, 100});
        StoryBuilder.Doc trimmed = doc("t", 1200L, 1, 1, new int[]{0, 45}); // Jaccard 0.45 with the core: weak only
        StoryBuilder.Doc stub = doc("s", 1300L, 1, 1, new int[]{0, 20});    // Jaccard 0.44 with t, 0.2 with the core
        List<StoryBuilder.Doc> docs = List.of(a, b, trimmed, stub);
        Map<String, StoryBuilder.Assignment> m = byId(StoryBuilder.build(docs, allPairs(docs), S));
        String story = m.get("a").storyId();
        for (String id : List.of("b", "t", "s")) {
            assertEquals(story, m.get(id).storyId(), id);
        }
        // Without a core member among its neighbours, a stub still pairs with its best weak-only neighbour.
        List<StoryBuilder.Doc> alone = List.of(trimmed, stub);
        Map<String, StoryBuilder.Assignment> m2 = byId(StoryBuilder.build(alone, allPairs(alone), S));
        assertEquals(m2.get("t").storyId(), m2.get("s").storyId());
    }
}
