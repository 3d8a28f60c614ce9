package io.wiretrace.pipeline.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.config.ConfigLoader;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.pipeline.Layout;
import io.wiretrace.testing.SparkTestSession;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The syndication stage on its own, without the CLI: a hand-made corpus of three copied stories
 * (one with a trimmed copy) among unrelated articles, through both paths (one task and
 * distributed), which must agree row for row; its input contract; and the bucket step.
 */
class SyndicationStageTest {

    private static SparkSession spark;

    private static final StructType ARTICLES = new StructType()
            .add("article_id", DataTypes.StringType, false)
            .add("outlet", DataTypes.StringType, false)
            .add("published_at", DataTypes.TimestampType, true)
            .add("title", DataTypes.StringType, true)
            .add("text", DataTypes.StringType, false)
            .add("word_count", DataTypes.IntegerType, false);

    @BeforeAll
    static void session() {
        spark = SparkTestSession.get();
    }

    /** Made-up words, so the text is ours: "kadu", "rimotel", ... */
    private static String word(SplittableRandom rnd) {
        String[] syllables = {"ka", "du", "ri", "mo", "tel", "sa", "ven", "lo", "pir", "na", "gu", "es", "tor", "bi"};
        StringBuilder w = new StringBuilder();
        for (int i = 0, n = 2 + rnd.nextInt(2); i < n; i++) {
            w.append(syllables[rnd.nextInt(syllables.length)]);
        }
        return w.toString();
    }

    private static List<String> paragraphs(long seed, int count) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            StringBuilder sb = new StringBuilder();
            for (int s = 0; s < 3; s++) {
                for (int w = 0, n = 9 + rnd.nextInt(6); w < n; w++) {
                    sb.append(w == 0 && s > 0 ? " " : w == 0 ? "" : " ").append(word(rnd));
                }
                sb.append('.');
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Article ids are content-derived 16-digit hex in the pipeline; here one per readable name. */
    private static String id(String name) {
        return String.format("%016x", name.hashCode() & 0xffffffffL);
    }

    private static String name(String id) {
        for (String story : List.of("s1-origin", "s1-copy-a", "s1-copy-b", "s1-trimmed", "s2-origin", "s2-copy",
                "s3-origin", "s3-copy-a", "s3-copy-b")) {
            if (id(story).equals(id)) {
                return story;
            }
        }
        for (int i = 0; i < 6; i++) {
            if (id("single-" + i).equals(id)) {
                return "single-" + i;
            }
        }
        throw new AssertionError("unknown id " + id);
    }

    private static Row article(String name, String outlet, int hour, List<String> paras) {
        String text = String.join("\n\n", paras);
        return RowFactory.create(id(name), outlet, Timestamp.from(Instant.parse("2026-05-04T00:00:00Z").plusSeconds(3600L * hour)),
                "Title of " + name, text, text.split("\\s+").length);
    }

    /** Story s1 in four outlets (one copy trimmed to its first paragraphs), s2 in two, s3 in three; six singles. */
    static Dataset<Row> corpus() {
        List<Row> rows = new ArrayList<>();
        List<String> s1 = paragraphs(1, 6);
        rows.add(article("s1-origin", "wire.example", 1, s1));
        rows.add(article("s1-copy-a", "alpha.example", 3, s1));
        List<String> edited = new ArrayList<>(s1);
        edited.set(5, paragraphs(99, 1).get(0)); // a local last paragraph
        rows.add(article("s1-copy-b", "beta.example", 5, edited));
        rows.add(article("s1-trimmed", "gamma.example", 7, s1.subList(0, 4)));
        List<String> s2 = paragraphs(2, 5);
        rows.add(article("s2-origin", "alpha.example", 2, s2));
        rows.add(article("s2-copy", "gamma.example", 9, s2));
        List<String> s3 = paragraphs(3, 5);
        rows.add(article("s3-origin", "beta.example", 4, s3));
        rows.add(article("s3-copy-a", "wire.example", 6, s3));
        rows.add(article("s3-copy-b", "delta.example", 8, s3));
        for (int i = 0; i < 6; i++) {
            rows.add(article("single-" + i, "delta.example", 10 + i, paragraphs(100 + i, 4)));
        }
        return spark.createDataFrame(rows, ARTICLES);
    }

    private static Map<String, Row> byArticle(Dataset<Row> assignments) {
        Map<String, Row> out = new HashMap<>();
        for (Row r : assignments.collectAsList()) {
            out.put(name(r.getAs("article_id")), r);
        }
        return out;
    }

    private static List<String> sortedRows(Dataset<Row> d) {
        return d.collectAsList().stream().map(Row::toString).sorted().collect(Collectors.toList());
    }

    @Test
    void copiesFormStoriesWithTheirOriginsAndBothPathsAgree() {
        WiretraceConfig.Syndication cfg = ConfigLoader.load(null, List.of()).syndication();
        Dataset<Row> articles = corpus();
        SyndicationStage.Result one = SyndicationStage.runInOneTask(articles, cfg, Layout.DISTRIBUTED);
        SyndicationStage.Result distributed = SyndicationStage.run(articles, cfg);
        try {
            Map<String, Row> a = byArticle(one.assignments());
            assertEquals(15, a.size());
            for (String story : List.of("s1", "s2", "s3")) {
                String storyId = a.get(story + "-origin").getAs("story_id");
                a.forEach((id, r) -> assertEquals(id.startsWith(story + "-"), storyId.equals(r.getAs("story_id")),
                        id + " in " + story + "'s story"));
                assertEquals(id(story + "-origin"), a.get(story + "-origin").<String>getAs("origin_article_id"));
                assertTrue(a.get(story + "-origin").<Boolean>getAs("is_origin"));
            }
            for (int i = 0; i < 6; i++) {
                Row single = a.get("single-" + i);
                assertTrue(single.<Boolean>getAs("is_origin"), "a single is its own origin");
                assertEquals(id("single-" + i), single.<String>getAs("origin_article_id"));
            }
            assertEquals(7200L, a.get("s1-copy-a").<Long>getAs("lag_from_origin_s"));
            assertNotEquals(a.get("s1-origin").<String>getAs("story_id"), a.get("s2-origin").<String>getAs("story_id"));

            // Every pair is between two copies of one story, and s1's trimmed copy is among them.
            List<Row> pairs = one.pairs().collectAsList();
            for (Row p : pairs) {
                String x = name(p.getAs("article_id_a"));
                String y = name(p.getAs("article_id_b"));
                assertEquals(x.substring(0, 2), y.substring(0, 2), "pair " + x + " ~ " + y);
            }
            assertTrue(pairs.stream().anyMatch(p -> id("s1-trimmed").equals(p.getAs("article_id_a"))
                    || id("s1-trimmed").equals(p.getAs("article_id_b"))), "the trimmed copy is paired");
            assertEquals(6L + 1 + 3, pairs.size(), "all pairs within each story: C(4,2) + C(2,2) + C(3,2)");

            assertEquals(sortedRows(one.assignments()), sortedRows(distributed.assignments()));
            assertEquals(sortedRows(one.pairs()), sortedRows(distributed.pairs()));
            assertEquals(one.counts().get("lsh_bands"), distributed.counts().get("lsh_bands"));
            assertTrue(distributed.counts().get("candidate_pairs") >= distributed.counts().get(
                    "candidate_pairs_after_sketch_filter"));
            assertEquals(9L, distributed.counts().get("articles_with_candidates"), "the copies, not the singles");
        } finally {
            one.cached().forEach(Dataset::unpersist);
            distributed.cached().forEach(Dataset::unpersist);
        }
    }

    @Test
    void theInputContractIsCheckedBeforeAnythingRuns() {
        WiretraceConfig.Syndication cfg = ConfigLoader.load(null, List.of()).syndication();
        Dataset<Row> noTime = corpus().drop("published_at");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyndicationStage.run(noTime, cfg));
        assertEquals("Invalid input to syndication: missing column published_at (timestamp)", e.getMessage());
        Dataset<Row> textAsNumber = corpus().withColumn("text", org.apache.spark.sql.functions.lit(1));
        e = assertThrows(IllegalArgumentException.class, () -> SyndicationStage.run(textAsNumber, 15, cfg,
                Layout.DISTRIBUTED));
        assertEquals("Invalid input to syndication: column text is int, not string", e.getMessage());
    }

    @Test
    void bucketsAreRunsOfTwoOrMoreMembers() {
        List<Row> bands = new ArrayList<>();
        // {band, bucket, doc, pinned}: a bucket of pinned articles only (earlier runs matched them) is no bucket.
        long[][] rows = {{0, 7, 1, 0}, {0, 7, 2, 0}, {0, 8, 3, 0}, {1, 7, 4, 0}, {1, 9, 5, 1}, {1, 9, 6, 0}, {1, 9, 7, 0},
            {2, 1, 8, 0}, {2, 4, 9, 1}, {2, 4, 10, 1}};
        for (long[] r : rows) {
            bands.add(RowFactory.create((int) r[0], r[1], r[2], r[3] == 1));
        }
        Dataset<Row> buckets = LshCandidates.buckets(spark.createDataFrame(bands, LshCandidates.BANDS));
        List<String> got = buckets.collectAsList().stream()
                .map(r -> r.getInt(0) + "/" + r.getLong(1) + ":" + r.getList(2) + r.getList(3)).sorted()
                .collect(Collectors.toList());
        assertEquals(List.of("0/7:[1, 2][false, false]", "1/9:[5, 6, 7][true, false, false]"), got);
    }
}
