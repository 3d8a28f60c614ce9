package io.wiretrace.core.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Story building with pinned articles (a scheduled run: articles of earlier dates with the story
 * they were given). Pinned articles keep their story, two pinned stories never merge, a story's id
 * and origin never move, and only the new articles are assigned.
 */
class PinnedStoryBuilderTest {

    private static final StoryBuilder.Settings S = new StoryBuilder.Settings(0.5, 0.8, 15);

    private static int[] shingles(int[]... ranges) {
        List<Integer> s = new ArrayList<>();
        for (int[] r : ranges) {
            IntStream.range(r[0], r[1]).forEach(s::add);
        }
        return s.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    }

    private static StoryBuilder.Doc fresh(String id, Long t, int[]... ranges) {
        return new StoryBuilder.Doc(id.hashCode(), id, "outlet-" + id, t, 1, 1, shingles(ranges), new char[0], null);
    }

    private static StoryBuilder.Doc pinned(String id, Long t, StoryBuilder.Pin pin, int[]... ranges) {
        return new StoryBuilder.Doc(id.hashCode(), id, "outlet-" + id, t, 1, 1, shingles(ranges), new char[0], pin);
    }

    private static List<long[]> allPairs(List<StoryBuilder.Doc> docs) {
        return StoryBuilderTest.allPairs(docs);
    }

    private static Map<String, StoryBuilder.Assignment> byId(StoryBuilder.Result r) {
        return StoryBuilderTest.byId(r);
    }

    @Test
    void aNewCopyJoinsTheEarlierStoryUnderItsIdWithItsOrigin() {
        StoryBuilder.Pin pin = new StoryBuilder.Pin("story-1", "a", 1000L);
        List<StoryBuilder.Doc> docs = List.of(
                pinned("a", 1000L, pin, new int[]{0, 100}),
                pinned("b", 2000L, pin, new int[]{0, 100}),
                fresh("c", 90_000L, new int[]{0, 100}),
                fresh("d", 90_500L, new int[]{5000, 5100}));
        StoryBuilder.Result r = StoryBuilder.build(docs, allPairs(docs), S);
        Map<String, StoryBuilder.Assignment> m = byId(r);
        assertEquals(List.of("c", "d"), r.assignments().stream().map(StoryBuilder.Assignment::articleId).sorted().toList(),
                "pinned articles keep the assignment of their own run");
        assertEquals("story-1", m.get("c").storyId());
        assertEquals("a", m.get("c").originArticleId());
        assertFalse(m.get("c").isOrigin());
        assertEquals(89_000L, m.get("c").lagSeconds());
        assertEquals("identical", m.get("c").editKind());
        assertEquals(1000L, m.get("c").originPublishedAt());
        assertEquals(StoryBuilder.storyId("d"), m.get("d").storyId(), "a new story is built as in a single run");
        assertTrue(r.pairs().stream().noneMatch(p -> p.articleIdA().equals("a") && p.articleIdB().equals("b")),
                "two pinned articles are not verified again");
    }

    @Test
    void anArticleCopyingTwoEarlierStoriesJoinsTheCloserOneAndTheyStayApart() {
        StoryBuilder.Pin one = new StoryBuilder.Pin("story-1", "a", 1000L);
        StoryBuilder.Pin two = new StoryBuilder.Pin("story-2", "b", 1500L);
        // c holds all of story 1 and most of story 2: a strong copy of both (Jaccard 0.77 and 0.64), closer to story 1.
        List<StoryBuilder.Doc> docs = List.of(
                pinned("a", 1000L, one, new int[]{0, 100}),
                pinned("b", 1500L, two, new int[]{40, 140}),
                fresh("c", 5000L, new int[]{0, 130}));
        StoryBuilder.Result r = StoryBuilder.build(docs, allPairs(docs), S);
        assertEquals("story-1", byId(r).get("c").storyId());
        assertEquals(2, r.pairs().stream().filter(p -> p.relation().equals(StoryBuilder.COPY)).count(),
                "both copy pairs stay in the pairs: the other story is related");
        // And when the bridge is closer to story 2, story 2 it is; in neither case do the two merge.
        List<StoryBuilder.Doc> other = List.of(
                pinned("a", 1000L, one, new int[]{0, 100}),
                pinned("b", 1500L, two, new int[]{40, 140}),
                fresh("c", 5000L, new int[]{20, 140}));
        assertEquals("story-2", byId(StoryBuilder.build(other, allPairs(other), S)).get("c").storyId());
    }

    @Test
    void aLateArrivingEarlierArticleJoinsWithANegativeLagAndTheOriginStays() {
        StoryBuilder.Pin pin = new StoryBuilder.Pin("story-1", "a", 10_000L);
        List<StoryBuilder.Doc> docs = List.of(
                pinned("a", 10_000L, pin, new int[]{0, 100}),
                fresh("z", 4_000L, new int[]{0, 100}));
        StoryBuilder.Assignment z = byId(StoryBuilder.build(docs, allPairs(docs), S)).get("z");
        assertEquals("story-1", z.storyId());
        assertEquals("a", z.originArticleId());
        assertFalse(z.isOrigin());
        assertEquals(-6_000L, z.lagSeconds());
    }

    @Test
    void aStoryWithoutAKnownOriginTakesItsFirstTimedNewArticleAndKeepsItsId() {
        StoryBuilder.Pin untimed = new StoryBuilder.Pin("story-1", null, null);
        List<StoryBuilder.Doc> docs = List.of(
                pinned("a", null, untimed, new int[]{0, 100}),
                fresh("b", 7_000L, new int[]{0, 100}),
                fresh("c", 5_000L, new int[]{0, 100}));
        Map<String, StoryBuilder.Assignment> m = byId(StoryBuilder.build(docs, allPairs(docs), S));
        assertEquals("story-1", m.get("c").storyId());
        assertEquals("c", m.get("c").originArticleId());
        assertTrue(m.get("c").isOrigin());
        assertEquals(0L, m.get("c").lagSeconds());
        assertEquals("c", m.get("b").originArticleId());
        assertEquals(2_000L, m.get("b").lagSeconds());
        assertFalse(m.get("b").isOrigin());
    }

    @Test
    void withoutPinsTheResultIsTheSingleRunOne() {
        // The same docs unpinned: the pinned build must not change how new articles group among themselves.
        List<StoryBuilder.Doc> docs = List.of(
                fresh("a", 1000L, new int[]{0, 100}),
                fresh("b", 1500L, new int[]{40, 140}),
                fresh("c", 5000L, new int[]{0, 130}),
                fresh("d", 6000L, new int[]{5000, 5100}));
        Map<String, StoryBuilder.Assignment> m = byId(StoryBuilder.build(docs, allPairs(docs), S));
        assertEquals(m.get("a").storyId(), m.get("b").storyId(), "one story through c when nothing is pinned");
        assertEquals(m.get("a").storyId(), m.get("c").storyId());
        assertNotEquals(m.get("a").storyId(), m.get("d").storyId());
    }
}
