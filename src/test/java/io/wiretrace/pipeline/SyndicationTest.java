package io.wiretrace.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.cli.Main;
import io.wiretrace.pipeline.eval.SyndicationEval;
import io.wiretrace.pipeline.report.Tables;
import io.wiretrace.testing.DuckDb;
import io.wiretrace.testing.Fixtures;
import io.wiretrace.testing.SampleRuns;
import io.wiretrace.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The syndication engine end to end in local Spark: stories, reports and quality on the bundled
 * sample (both layouts), giant buckets. On real data: SyndicationEvaluationTest.
 */
class SyndicationTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    private static String t(Path out, String table) {
        return DuckDb.table(out.toString(), table);
    }

    /**
     * The sample's stories against its truth. It ran on one partition with syndication in one task;
     * the distributed layout and syndication (label propagation too) must give byte-identical
     * tables and the same counts.
     */
    @Test
    void sampleStoriesMatchTruthAndBothPathsWriteTheSameTables() throws Exception {
        SampleRuns.Run run = SampleRuns.oneTask();
        SampleRuns.Run distributed = SampleRuns.distributed();
        assertEquals("one_partition", run.manifest().path("spark").path("layout").asText());
        assertEquals("distributed", distributed.manifest().path("spark").path("layout").asText());
        assertEquals(run.manifest().path("stages").path("syndication"),
                distributed.manifest().path("stages").path("syndication"));
        assertEquals(run.manifest().path("counts"), distributed.manifest().path("counts"));
        for (Tables.Table table : Tables.ALL) {
            Map<String, Long> files = Fixtures.fileHashes(run.output().resolve(table.name()));
            assertFalse(files.isEmpty(), table.name());
            assertEquals(files, Fixtures.fileHashes(distributed.output().resolve(table.name())), table.name());
        }
        Path out = run.output();
        Path in = SampleRuns.sample();
        SyndicationEval.Outcome o = SyndicationEval.run(SparkTestSession.get(), out.toString(),
                in.resolve("truth/stories.csv").toString());
        assertEquals(0, o.missingIds());
        assertTrue(o.scores().f1() >= 0.98, "F1 " + o.scores());
        assertTrue(o.scores().precision() >= 0.98, "precision " + o.scores());
        // The pair-labelled truth format: same-story pairs as copy, cross-story pairs as none, one partial.
        List<String[]> rows = Files.readAllLines(in.resolve("truth/stories.csv")).stream().skip(1)
                .map(l -> l.split(",")).toList();
        Map<String, List<String>> byStory = rows.stream().collect(Collectors.groupingBy(r -> r[1],
                java.util.TreeMap::new, Collectors.mapping(r -> r[0], Collectors.toList())));
        StringBuilder pairsCsv = new StringBuilder("id_a,id_b,label\n");
        List<List<String>> multi = byStory.values().stream().filter(v -> v.size() > 1).limit(60).toList();
        for (int i = 0; i < multi.size(); i++) {
            pairsCsv.append(multi.get(i).get(0)).append(',').append(multi.get(i).get(1)).append(",copy\n");
            if (i > 0) {
                pairsCsv.append(multi.get(i).get(0)).append(',').append(multi.get(i - 1).get(0)).append(",none\n");
            }
        }
        pairsCsv.append(multi.get(0).get(0)).append(',').append(multi.get(2).get(0)).append(",partial\n");
        Path pairsFile = tmp.resolve("pairs.csv");
        Files.writeString(pairsFile, pairsCsv.toString());
        SyndicationEval.Outcome p = SyndicationEval.run(SparkTestSession.get(), out.toString(), pairsFile.toString());
        assertEquals("pairs", p.format());
        assertEquals(60 + 59 + 1, p.truthIds());
        assertEquals(1, p.byLabel().get("partial").pairs(), "a partial pair is scored as a negative");
        assertEquals(p.byLabel().get("copy").sameStory(), p.scores().sharedPairs());
        assertTrue(p.scores().precision() >= 0.98 && p.scores().recall() >= 0.9, p.scores().toString());
        // Unlisted pairs as none: every other same-story pair of the run's records is a false copy.
        SyndicationEval.Outcome all = SyndicationEval.run(SparkTestSession.get(), out.toString(), pairsFile.toString(),
                SyndicationEval.Unlisted.NONE, null);
        long records;
        long sameStoryPairs;
        try (DuckDb duck = new DuckDb()) {
            String byRecord = "SELECT l.source_id, a.story_id FROM " + t(out, "lineage") + " l JOIN " + t(out, "articles")
                    + " a USING (article_id)";
            records = duck.count("SELECT count(*) FROM (" + byRecord + ")");
            sameStoryPairs = duck.count("SELECT sum(n * (n - 1) / 2)::BIGINT FROM (SELECT story_id, count(*) n FROM ("
                    + byRecord + ") GROUP BY 1)");
        }
        SyndicationEval.LabelCounts unlisted = all.byLabel().get("unlisted");
        assertEquals(records * (records - 1) / 2 - 120, unlisted.pairs());
        long listedSame = p.byLabel().values().stream().mapToLong(SyndicationEval.LabelCounts::sameStory).sum();
        assertEquals(sameStoryPairs - listedSame, unlisted.sameStory());
        assertEquals(p.scores().recall(), all.scores().recall(), 1e-12);
        assertTrue(all.scores().precision() < 0.5, "most same-story pairs are not listed: " + all.scores());
        // Wire credits: the run's own credits as truth, one of them changed, agree on all but one record.
        List<String> wireRows = new java.util.ArrayList<>(List.of("id,wire_credit"));
        try (DuckDb duck = new DuckDb()) {
            for (var r : duck.query("SELECT l.source_id id, coalesce(a.wire_credit, 'none') w FROM " + t(out, "lineage")
                    + " l JOIN " + t(out, "articles") + " a USING (article_id) WHERE l.source_id IS NOT NULL ORDER BY 1")) {
                wireRows.add(r.get("id") + "," + r.get("w"));
            }
        }
        wireRows.set(1, wireRows.get(1).replaceAll(",[^,]*$", ",AFP").equals(wireRows.get(1))
                ? wireRows.get(1).replaceAll(",[^,]*$", ",AP") : wireRows.get(1).replaceAll(",[^,]*$", ",AFP"));
        Path wireFile = tmp.resolve("wire.csv");
        Files.write(wireFile, wireRows);
        SyndicationEval.WireAgreement w = SyndicationEval.run(SparkTestSession.get(), out.toString(), pairsFile.toString(),
                SyndicationEval.Unlisted.UNKNOWN, wireFile.toString()).wire();
        assertEquals(wireRows.size() - 1, w.records());
        assertEquals(w.records() - 1, w.agree(), w.confusion().toString());

        try (DuckDb duck = new DuckDb()) {
            // Every article has a story; stories' sizes add up; pairs are ordered and verified.
            assertEquals(0, duck.count("SELECT count(*) FROM " + t(out, "articles") + " WHERE story_id IS NULL"));
            assertEquals(duck.count("SELECT count(*) FROM " + t(out, "articles")),
                    duck.count("SELECT sum(n_articles) FROM " + t(out, "stories")));
            assertEquals(0, duck.count("SELECT count(*) FROM " + t(out, "syndication_pairs") + " WHERE article_id_a >= article_id_b"));
            assertEquals(0, duck.count("SELECT count(*) FROM " + t(out, "syndication_pairs")
                    + " WHERE relation = 'copy' AND NOT (jaccard >= 0.5 OR containment >= 0.5)"));
            // Partial reuse: shares a content sentence, passes no copy test.
            assertEquals(0, duck.count("SELECT count(*) FROM " + t(out, "syndication_pairs")
                    + " WHERE relation NOT IN ('copy', 'partial') OR (relation = 'partial' AND (matched_by IS NOT NULL"
                    + " OR sentence_share <= 0 OR jaccard >= 0.5))"));
            // One origin per multi-article story with known times; it is the earliest.
            assertEquals(0, duck.count("SELECT count(*) FROM (SELECT story_id, sum(CASE WHEN is_origin THEN 1 ELSE 0 END) o, "
                    + "count(published_at) timed FROM " + t(out, "articles") + " GROUP BY 1) WHERE (timed > 0 AND o <> 1) OR (timed = 0 AND o <> 0)"));
            assertEquals(0, duck.count("SELECT count(*) FROM " + t(out, "articles") + " a JOIN " + t(out, "stories")
                    + " s USING (story_id) WHERE a.is_origin AND a.published_at <> s.first_published_at"));
            assertEquals(0, duck.count("SELECT count(*) FROM " + t(out, "articles") + " WHERE lag_from_origin_s < 0"));
            // Spread curves are monotone and end at n_outlets.
            assertEquals(0, duck.count("SELECT count(*) FROM " + t(out, "story_spread") + " s JOIN " + t(out, "stories")
                    + " st USING (story_id) WHERE s.pickup_rank = st.n_articles AND s.cumulative_outlets <> st.n_outlets"));
            // Edit kinds and wire credits show up as the generator made them.
            List<String> kinds = duck.query("SELECT DISTINCT edit_kind FROM " + t(out, "articles") + " WHERE edit_kind IS NOT NULL")
                    .stream().map(r -> (String) r.get("edit_kind")).sorted().toList();
            assertTrue(kinds.containsAll(List.of("extended", "headline_changed", "identical", "trimmed")), kinds.toString());
            List<String> credits = duck.query("SELECT DISTINCT wire_credit FROM " + t(out, "articles") + " WHERE wire_credit IS NOT NULL")
                    .stream().map(r -> (String) r.get("wire_credit")).sorted().toList();
            assertEquals(List.of("AFP", "AP", "Reuters"), credits);
            // Outlet tables: symmetric facts agree.
            assertEquals(0, duck.count("SELECT count(*) FROM " + t(out, "outlet_overlap")
                    + " WHERE a_first + b_first > shared_stories OR outlet_a >= outlet_b OR jaccard > 1 OR overlap_coefficient > 1"));
            assertTrue(duck.count("SELECT count(*) FROM " + t(out, "outlet_summary") + " WHERE len(top_sources) > 0") > 0);
            assertEquals(duck.count("SELECT count(DISTINCT outlet) FROM " + t(out, "articles")),
                    duck.count("SELECT count(*) FROM " + t(out, "outlet_summary")));
            assertEquals("TIMESTAMP WITH TIME ZONE", duck.types(t(out, "stories")).get("first_published_at"));
            assertEquals("VARCHAR[]", duck.types(t(out, "stories")).get("outlets"));
        }
        JsonNode syn = run.manifest().get("stages").get("syndication");
        assertTrue(syn.get("candidate_pairs").asLong() >= syn.get("verified_pairs").asLong());
        assertTrue(syn.get("stories").asLong() > 0);
        // The chrome around every page is each outlet's template, learned on both paths alike.
        assertTrue(syn.get("template_outlets").asLong() > 10, syn.toString());
    }

    @Test
    void giantBucketsOfBoilerplateAreCappedAndCounted() throws Exception {
        StringBuilder sb = new StringBuilder();
        String boiler = Fixtures.paragraphText("cookie notice and site navigation", 6);
        for (int i = 0; i < 600; i++) {
            sb.append(Fixtures.json("bp" + i, "site" + i + ".example", "Cookie notice", boiler, "2026-01-01T00:00:00Z")).append('\n');
        }
        Path in = tmp.resolve("boiler.jsonl");
        Files.writeString(in, sb.toString());
        Path out = tmp.resolve("out");
        assertEquals(0, Main.execute("run", "--input", in.toString(), "--output", out.toString(),
                "--set", "syndication.lsh.max_bucket_size=50"));
        JsonNode syn = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile()).get("stages").get("syndication");
        assertTrue(syn.get("giant_buckets_capped").asLong() > 0);
        assertTrue(syn.get("candidate_pairs").asLong() < 600L * 599 / 2 / 10, "linear, not quadratic: " + syn);
        try (DuckDb duck = new DuckDb()) {
            assertEquals(1, duck.count("SELECT count(*) FROM " + t(out, "stories")));
        }
    }

    /** The sample's page dump (ours): the same story on two outlets, an unrelated one apart. */
    @Test
    void ourPageDumpGroupsTheSameStoryAndKeepsTheUnrelatedOneApart() throws Exception {
        Map<String, String> story = storiesByOutlet(SampleRuns.oneTask().output());
        assertEquals(story.get("eastport-gazette"), story.get("kestrel-bay-record"));
        assertNotEquals(story.get("eastport-gazette"), story.get("northgate-observer"));
    }

    private static Map<String, String> storiesByOutlet(Path out) throws Exception {
        try (DuckDb duck = new DuckDb()) {
            return duck.query("SELECT outlet, story_id FROM " + t(out, "articles") + " WHERE source_file LIKE '%/pages/%'")
                    .stream()
                    .collect(Collectors.toMap(r -> (String) r.get("outlet"), r -> (String) r.get("story_id")));
        }
    }
}
