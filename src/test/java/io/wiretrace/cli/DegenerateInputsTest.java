package io.wiretrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wiretrace.pipeline.report.Tables;
import io.wiretrace.testing.Cli;
import io.wiretrace.testing.DuckDb;
import io.wiretrace.testing.SparkTestSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Degenerate inputs are normal inputs: each case runs through the CLI, exits 0 (or 3 for the reject
 * rate), writes every table (empty where there is nothing, still readable by DuckDB), keeps the
 * accounting identity, and says in the manifest and on the console why a stage did less.
 */
class DegenerateInputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    @Test
    void anEmptyFileGivesEmptyTables() throws Exception {
        Outcome o = run(List.of());
        assertEquals(0, o.code(), o.output());
        o.assertRows(Map.of("articles", 0L, "lineage", 0L, "stories", 0L, "topics", 0L));
        o.assertTopicsSkipped("no articles");
    }

    @Test
    void onlyRejectsExitThreeWithEveryTableWritten() throws Exception {
        List<String> lines = List.of("{not json", "{\"id\":\"x\",\"outlet\":\"a.example\"}", "[1,2]", "\"text\"");
        Outcome o = run(lines);
        assertEquals(3, o.code(), o.output());
        o.assertRows(Map.of("articles", 0L, "rejects", 4L, "lineage", 4L, "stories", 0L, "syndication_pairs", 0L,
                "topics", 0L, "topic_outlets", 0L));
        o.assertTopicsSkipped("no articles");
    }

    @Test
    void oneArticle() throws Exception {
        Outcome o = run(List.of(article("a1", "one.example", "Harbour vote", text(new SplittableRandom(1), 8))));
        assertEquals(0, o.code(), o.output());
        o.assertRows(Map.of("articles", 1L, "stories", 1L, "story_spread", 0L, "outlet_summary", 1L, "topics", 0L));
        o.assertTopicsSkipped("1 article, fewer than k_min=4");
    }

    @Test
    void allExactDuplicates() throws Exception {
        String body = text(new SplittableRandom(2), 8);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add(article("d" + i, "same.example", "Same page", body)); // one page scraped five times
        }
        Outcome o = run(lines);
        assertEquals(0, o.code(), o.output());
        assertEquals(4, o.manifest().get("counts").get("exact_duplicates").asLong());
        o.assertRows(Map.of("articles", 1L, "lineage", 5L, "stories", 1L, "topics", 0L));
        o.assertTopicsSkipped("1 article, fewer than k_min=4");
    }

    @Test
    void everyArticleInOneStory() throws Exception {
        SplittableRandom rnd = new SplittableRandom(3);
        String wire = text(rnd, 10);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // One wire story republished by 30 outlets, each adding a sentence of its own.
            lines.add(article("w" + i, "outlet" + i + ".example", "Wire story", wire + " " + text(rnd, 1)));
        }
        Outcome o = run(lines);
        assertEquals(0, o.code(), o.output());
        o.assertRows(Map.of("articles", 30L, "stories", 1L, "story_spread", 30L, "outlet_summary", 30L, "topics", 0L));
        o.assertTopicsSkipped("1 story, fewer than k_min=4");
    }

    @Test
    void fewerStoriesThanKMin() throws Exception {
        SplittableRandom rnd = new SplittableRandom(4);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add(article("s" + i, "outlet" + i + ".example", "Story " + i, text(rnd, 8)));
        }
        Outcome o = run(lines);
        assertEquals(0, o.code(), o.output());
        o.assertRows(Map.of("articles", 3L, "stories", 3L, "topics", 0L, "topic_outlets", 0L));
        o.assertTopicsSkipped("3 articles, fewer than k_min=4");
    }

    @Test
    void anEmptyVocabulary() throws Exception {
        // Twelve stories that share no word: every term is in one story, below min_df=2.
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            SplittableRandom rnd = new SplittableRandom(100 + i);
            char initial = (char) ('a' + i);
            lines.add(article("v" + i, "outlet" + i + ".example", text(rnd, 1, initial), text(rnd, 6, initial)));
        }
        Outcome o = run(lines);
        assertEquals(0, o.code(), o.output());
        o.assertRows(Map.of("articles", 12L, "stories", 12L, "topics", 0L));
        o.assertTopicsSkipped("empty vocabulary");
        assertEquals(0, o.manifest().get("stages").get("topics").get("vocabulary_size").asLong());
    }

    @Test
    void aScriptTheTokenizerDoesNotSplit() throws Exception {
        // Thai is written without spaces between words: each sentence is one "word" to the tokenizer.
        SplittableRandom rnd = new SplittableRandom(5);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            StringBuilder b = new StringBuilder();
            for (int s = 0; s < 6; s++) {
                for (int c = 0; c < 40; c++) {
                    b.append((char) (0x0E01 + rnd.nextInt(0x2E))); // Thai consonants and vowels
                }
                b.append(' ');
            }
            lines.add(article("t" + i, "thai" + (i % 3) + ".example", "ข่าว " + i, b.toString().trim()));
        }
        Outcome o = run(lines);
        assertEquals(0, o.code(), o.output());
        o.assertRows(Map.of("articles", 8L, "stories", 8L));
        assertTrue(o.manifest().get("stages").has("topics"), "the topic stage ran or said why not");
    }

    /** The outcome of one CLI run: exit code, console, output directory. */
    record Outcome(int code, String output, Path out) {

        JsonNode manifest() throws IOException {
            return JSON.readTree(out.resolve("_manifest.json").toFile());
        }

        /** Every table exists and DuckDB reads it; the given tables have the given row counts; the identity holds. */
        void assertRows(Map<String, Long> expected) throws Exception {
            JsonNode m = manifest();
            JsonNode counts = m.get("counts");
            assertTrue(counts.get("identity_holds").asBoolean(), counts.toString());
            Map<String, Long> actual = new TreeMap<>();
            try (DuckDb duck = new DuckDb()) {
                for (Tables.Table t : Tables.ALL) {
                    long rows = duck.count("SELECT count(*) FROM " + DuckDb.table(out.toString(), t.name()));
                    assertEquals(m.get("tables").get(t.name()).get("rows").asLong(), rows, t.name());
                    actual.put(t.name(), rows);
                }
            }
            expected.forEach((table, rows) -> assertEquals(rows, actual.get(table), table + " in " + actual));
            assertEquals(counts.get("records_in").asLong(), actual.get("lineage"));
            // Progress a person can follow: each step's start and end, the end with what it produced.
            for (String step : List.of("ingest", "syndication", "topics", "write_articles", "write_topic_outlets")) {
                assertTrue(output.contains("wiretrace: [" + step + "]"), step + " in\n" + output);
            }
            assertTrue(output.matches("(?s).*\\[write_lineage\\] +done in [0-9.]+ s — " + actual.get("lineage") + " rows.*"),
                    output);
        }

        void assertTopicsSkipped(String reason) throws IOException {
            JsonNode topics = manifest().get("stages").get("topics");
            assertTrue(topics.get("skipped_reason").asText().contains(reason), topics.toString());
            assertTrue(manifest().get("stage_notes").get("topics").asText().startsWith("skipped — "), manifest().toString());
            assertTrue(output.contains("wiretrace: topics: skipped — ") && output.contains(reason), output);
        }
    }

    private Outcome run(List<String> lines) throws IOException {
        Path in = tmp.resolve("in.jsonl");
        Files.write(in, lines, StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", "--input", in.toString(), "--output", out.toString(),
                "--run-date", "2026-12-01");
        assertTrue(Files.exists(out.resolve("_manifest.json")), r.output());
        return new Outcome(r.code(), r.output(), out);
    }

    private static String article(String id, String outlet, String title, String text) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("url", "https://" + outlet + "/" + id);
        o.put("outlet", outlet);
        o.put("title", title);
        o.put("text", text);
        o.put("published_at", "2026-11-30T08:00:00Z");
        return o.toString();
    }

    private static String text(SplittableRandom rnd, int sentences) {
        return text(rnd, sentences, 'k');
    }

    /** Sentences of made-up words (ours, not anyone's article); {@code initial} starts every word. */
    private static String text(SplittableRandom rnd, int sentences, char initial) {
        String[] syllables = {"ra", "ben", "to", "mil", "sa", "dor", "vi", "lun", "ke", "pa", "zo", "rim"};
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            for (int w = 0; w < 14; w++) {
                StringBuilder word = new StringBuilder().append(initial);
                for (int k = 0; k < 2 + rnd.nextInt(3); k++) {
                    word.append(syllables[rnd.nextInt(syllables.length)]);
                }
                b.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                b.append(w == 13 ? ". " : " ");
            }
        }
        return b.toString().trim();
    }
}
