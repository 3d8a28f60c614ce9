package io.wiretrace.core.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Whole-corpus syndication in memory: stories, pairs and counts, without Spark. */
class CorpusSyndicationTest {

    private static final int COMPONENTS = 128;
    private static final StoryBuilder.Settings SETTINGS = new StoryBuilder.Settings(0.5, 0.8, 15);
    private static final ArticleFeatures FEATURES = new ArticleFeatures(new Shingler(Shingler.Unit.WORD, 5),
            new MinHashSketcher(COMPONENTS));

    private static String words(SplittableRandom rnd, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("w").append(rnd.nextInt(50_000)).append(i % 20 == 19 ? ".\n" : " ");
        }
        return b.toString();
    }

    private static CorpusSyndication.Article article(int i, String text) {
        String id = String.format("%016x", 0x1000L + i * 7919L) + "0000";
        ArticleFeatures.Features f = FEATURES.compute("t" + i, text);
        return new CorpusSyndication.Article(ArticleFeatures.docKey(id), id, "outlet" + i, 1000L + i, f.titleHash(),
                f.ledeHash(), f.shingleSet(), f.sentences(), f.signature(), new MinHashSketcher(COMPONENTS).sketch8(f.signature()));
    }

    @Test
    void copiesBecomeOneStoryAndEverythingElseStaysAlone() {
        SplittableRandom rnd = new SplittableRandom(11);
        String wire = words(rnd, 300);
        List<CorpusSyndication.Article> docs = new ArrayList<>();
        docs.add(article(0, wire));
        docs.add(article(1, wire + words(rnd, 10)));           // an extended copy
        docs.add(article(2, wire.substring(0, wire.length() / 2))); // a trimmed copy
        for (int i = 3; i < 40; i++) {
            docs.add(article(i, words(rnd, 300)));              // unrelated
        }
        LshParams lsh = LshParams.optimal(0.3, COMPONENTS, 0.5, 0.5);
        CorpusSyndication.Result r = CorpusSyndication.run(docs,
                new CorpusSyndication.Banding(COMPONENTS, lsh.bands(), lsh.rows(), 200, 10, 6), SETTINGS);
        Map<String, StoryBuilder.Assignment> by = r.assignments().stream()
                .collect(Collectors.toMap(StoryBuilder.Assignment::articleId, Function.identity()));
        assertEquals(40, by.size(), "every article has exactly one assignment");
        String story = by.get(docs.get(0).articleId()).storyId();
        assertEquals(story, by.get(docs.get(1).articleId()).storyId());
        assertEquals(story, by.get(docs.get(2).articleId()).storyId());
        assertEquals(1, r.assignments().stream().filter(a -> a.storyId().equals(story) && a.isOrigin()).count());
        for (int i = 3; i < 40; i++) {
            assertNotEquals(story, by.get(docs.get(i).articleId()).storyId());
        }
        assertEquals(3, r.pairs().size(), r.pairs().toString());
        assertEquals(3L, r.counts().get("articles_with_candidates"));
        assertTrue(r.counts().get("candidate_pairs") >= r.counts().get("candidate_pairs_after_sketch_filter"));
        assertEquals(0L, r.counts().get("giant_buckets_capped"));
    }

    @Test
    void aGiantBucketIsCappedAndStillOneStory() {
        String same = words(new SplittableRandom(3), 200);
        List<CorpusSyndication.Article> docs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            docs.add(article(i, same)); // 30 identical texts: every band puts them in one bucket
        }
        LshParams lsh = LshParams.optimal(0.3, COMPONENTS, 0.5, 0.5);
        CorpusSyndication.Result r = CorpusSyndication.run(docs,
                new CorpusSyndication.Banding(COMPONENTS, lsh.bands(), lsh.rows(), 10, 3, 0), SETTINGS);
        assertEquals((long) lsh.bands(), r.counts().get("giant_buckets_capped"));
        assertEquals(30L * lsh.bands(), r.counts().get("giant_bucket_members"));
        // Each member paired with its next 3 in key order: 27*3 + 2 + 1 distinct pairs, not 435.
        assertEquals(84L, r.counts().get("candidate_pairs"));
        assertEquals(1, r.assignments().stream().map(StoryBuilder.Assignment::storyId).distinct().count());
    }

    @Test
    void aStubOfTheOpeningParagraphsIsACandidateThroughItsSentenceAnchors() {
        SplittableRandom rnd = new SplittableRandom(5);
        String story = words(rnd, 600);
        String stub = story.substring(0, story.indexOf('\n', story.indexOf('\n') + 1) + 1); // its first two sentences
        List<CorpusSyndication.Article> docs = new ArrayList<>();
        docs.add(article(0, story));
        docs.add(article(1, stub + "Read more."));
        for (int i = 2; i < 20; i++) {
            docs.add(article(i, words(rnd, 600)));
        }
        LshParams lsh = LshParams.optimal(0.3, COMPONENTS, 0.5, 0.5);
        for (int anchors : new int[]{0, 1, 6}) {
            CorpusSyndication.Result r = CorpusSyndication.run(docs,
                    new CorpusSyndication.Banding(COMPONENTS, lsh.bands(), lsh.rows(), 200, 10, anchors), SETTINGS);
            Map<String, String> storyOf = r.assignments().stream()
                    .collect(Collectors.toMap(StoryBuilder.Assignment::articleId, StoryBuilder.Assignment::storyId));
            // Jaccard ~0.07: banding at 0.3 never pairs them; one shared opening sentence does.
            assertEquals(anchors > 0, storyOf.get(docs.get(0).articleId()).equals(storyOf.get(docs.get(1).articleId())),
                    "anchors " + anchors + ": " + r.counts());
            assertEquals((long) Math.min(anchors, 2), r.counts().get("anchor_buckets_with_candidates")); // the stub's 2 sentences
            assertEquals(anchors > 0 ? 19 : 20, r.assignments().stream().map(StoryBuilder.Assignment::storyId).distinct().count());
        }
    }
}
