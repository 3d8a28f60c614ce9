package io.wiretrace.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.cli.Main;
import io.wiretrace.core.generate.CorpusGenerator;
import io.wiretrace.pipeline.eval.TopicEval;
import io.wiretrace.testing.DuckDb;
import io.wiretrace.testing.SampleRuns;
import io.wiretrace.testing.SparkTestSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topic engine end to end in local Spark: story-level clustering, labels, reports, quality. On real data: TopicsEvaluationTest. */
class TopicsTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    private static String t(Path out, String table) {
        return DuckDb.table(out.toString(), table);
    }

    /** The sample run (k = 10, the generator's ten themes). */
    @Test
    void sampleTopicsFollowStoriesAndMatchTruth() throws Exception {
        SampleRuns.Run run = SampleRuns.oneTask();
        Path out = run.output();
        TopicEval.Outcome o = TopicEval.run(SparkTestSession.get(), out.toString(),
                SampleRuns.sample().resolve("truth/topics.csv").toString());
        assertEquals(0, o.missingIds());
        assertEquals(0, o.withoutTopic());
        assertTrue(o.scores().nmi() >= 0.6, "NMI " + o.scores());
        assertTrue(o.scores().purity() >= 0.6, "purity " + o.scores());

        try (DuckDb duck = new DuckDb()) {
            // Every copy of a story has the story's topic.
            assertEquals(0, duck.count("SELECT count(*) FROM (SELECT story_id FROM " + t(out, "articles")
                    + " GROUP BY story_id HAVING count(DISTINCT topic_id) > 1)"));
            assertEquals(0, duck.count("SELECT count(*) FROM " + t(out, "articles") + " WHERE topic_id IS NULL"));
            // The topics table: ids 0..k-1 ordered by story count, sizes add up, labels readable.
            List<Map<String, Object>> topics = duck.query("SELECT topic_id, label, len(top_terms) AS terms,"
                    + " top_terms[1].term AS first_term, top_terms[1].weight AS w, central_title, n_stories, n_articles"
                    + " FROM " + t(out, "topics") + " ORDER BY topic_id");
            assertEquals(10, topics.size());
            long stories = duck.count("SELECT count(DISTINCT story_id) FROM " + t(out, "articles"));
            assertEquals(stories, duck.count("SELECT sum(n_stories) FROM " + t(out, "topics")));
            assertEquals(duck.count("SELECT count(*) FROM " + t(out, "articles")),
                    duck.count("SELECT sum(n_articles) FROM " + t(out, "topics")));
            for (int i = 0; i < topics.size(); i++) {
                Map<String, Object> r = topics.get(i);
                assertEquals(i, ((Number) r.get("topic_id")).intValue());
                assertTrue(((Number) r.get("terms")).intValue() >= 4, r.toString());
                assertTrue(r.get("label").toString().startsWith(r.get("first_term").toString()), r.toString());
                assertTrue(((Number) r.get("w")).doubleValue() > 0);
                assertFalse(r.get("central_title").toString().isBlank());
                if (i > 0) {
                    assertTrue(((Number) topics.get(i - 1).get("n_stories")).longValue()
                            >= ((Number) r.get("n_stories")).longValue());
                }
            }
            // topic_outlets: shares sum to one per outlet and per topic.
            assertEquals(0, duck.count("SELECT count(*) FROM (SELECT outlet, sum(share_of_outlet) s FROM "
                    + t(out, "topic_outlets") + " GROUP BY outlet) WHERE abs(s - 1) > 1e-9"));
            assertEquals(0, duck.count("SELECT count(*) FROM (SELECT topic_id, sum(share_of_topic) s FROM "
                    + t(out, "topic_outlets") + " GROUP BY topic_id) WHERE abs(s - 1) > 1e-9"));
            Map<String, String> types = duck.types(t(out, "topics"));
            assertTrue(types.get("top_terms").startsWith("STRUCT(term VARCHAR, weight DOUBLE)[]"), types.toString());
            assertEquals("TIMESTAMP WITH TIME ZONE", types.get("first_published_at"));
        }
        JsonNode m = run.manifest();
        JsonNode topics = m.path("stages").path("topics");
        assertEquals(10, topics.path("k").asInt());
        assertEquals("config", topics.path("k_chosen_by").asText());
        assertEquals(10, topics.path("topics").asInt());
        assertEquals(10, m.path("tables").path("topics").path("rows").asInt());
    }

    @Test
    void hashedTermsClusterTooAndTheirLabelsNameRealTerms() throws Exception {
        Path in = tmp.resolve("gen");
        new CorpusGenerator(new CorpusGenerator.Settings(1500, 6, 0.0, 1000, null)).generate(in);
        Path out = tmp.resolve("out");
        assertEquals(0, Main.execute("run", "--input", in.resolve("articles").toString(), "--output", out.toString(),
                "--set", "topics.k=10", "--set", "topics.restarts=1", "--set", "topics.text.vectorizer=hashing",
                "--set", "topics.text.vocabulary_size=4096"));
        TopicEval.Outcome o = TopicEval.run(SparkTestSession.get(), out.toString(), in.resolve("truth/topics.csv").toString());
        assertTrue(o.scores().nmi() >= 0.6, "NMI " + o.scores());
        JsonNode topics = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile()).path("stages").path("topics");
        assertEquals("hashing", topics.path("vectorizer").asText());
        assertEquals(4096, topics.path("vocabulary_size").asInt());
        try (DuckDb duck = new DuckDb()) {
            // Every label term is a bucket's real term: lower-case words, none missing.
            assertEquals(0, duck.count("SELECT count(*) FROM (SELECT unnest(top_terms).term AS term FROM "
                    + t(out, "topics") + ") WHERE term IS NULL OR NOT regexp_full_match(term, '[a-z0-9][a-z0-9 -]*')"));
            assertEquals(0, duck.count("SELECT count(*) FROM " + t(out, "topics") + " WHERE len(top_terms) < 4"));
        }
    }

    @Test
    void autoKPicksByValueSilhouetteAndTopicsCanBeDisabled() throws Exception {
        Path in = tmp.resolve("gen");
        new CorpusGenerator(new CorpusGenerator.Settings(500, 8, 0.0, 1000, null)).generate(in);
        Path auto = tmp.resolve("auto");
        assertEquals(0, Main.execute("run", "--input", in.resolve("articles").toString(), "--output", auto.toString(),
                "--set", "topics.k_min=3", "--set", "topics.k_max=6", "--set", "topics.restarts=1"));
        JsonNode topics = new ObjectMapper().readTree(auto.resolve("_manifest.json").toFile()).path("stages").path("topics");
        assertEquals("silhouette", topics.path("k_chosen_by").asText());
        JsonNode scores = topics.path("silhouette_by_k");
        assertEquals(4, scores.size());
        int k = topics.path("k").asInt();
        double best = scores.path(Integer.toString(k)).asDouble();
        scores.fields().forEachRemaining(e -> assertTrue(e.getValue().asDouble() <= best, scores.toString()));

        Path off = tmp.resolve("off");
        assertEquals(0, Main.execute("run", "--input", in.resolve("articles").toString(), "--output", off.toString(),
                "--set", "topics.enabled=false", "--set", "syndication.enabled=false"));
        try (DuckDb duck = new DuckDb()) {
            assertEquals(0, duck.count("SELECT count(*) FROM " + t(off, "articles") + " WHERE topic_id IS NOT NULL"));
        }
        assertFalse(off.resolve("topics").toFile().exists());
    }

    @Test
    void invalidTopicSettingsFailBeforeSpark() throws Exception {
        assertEquals(2, Main.execute("run", "--dry-run", "--set", "topics.k=one"));
        assertEquals(2, Main.execute("run", "--dry-run", "--set", "topics.k=1"));
        assertEquals(2, Main.execute("run", "--dry-run", "--set", "topics.algorithm=lda"));
        assertEquals(2, Main.execute("run", "--dry-run", "--set", "topics.text.language=xx"));
        Path in = tmp.resolve("gen");
        new CorpusGenerator(new CorpusGenerator.Settings(50, 8, 0.0, 1000, null)).generate(in);
        assertEquals(0, Main.execute("run", "--input", in.resolve("articles").toString(), "--output",
                tmp.resolve("o").toString(), "--dry-run", "--set", "topics.k=5"));
    }
}
