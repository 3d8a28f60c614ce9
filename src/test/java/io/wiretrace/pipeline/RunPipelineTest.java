package io.wiretrace.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.cli.Main;
import io.wiretrace.core.ingest.RejectReason;
import io.wiretrace.testing.DuckDb;
import io.wiretrace.testing.Fixtures;
import io.wiretrace.testing.SparkTestSession;
import io.wiretrace.testing.WarcFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run action end to end on a corpus of every format and every kind of broken input, in real
 * local-mode Spark, with the outputs read back by DuckDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunPipelineTest {

    @TempDir
    static Path tmp;
    private Path out;
    private int recordsWritten;
    private JsonNode manifest;
    private DuckDb duck;

    @BeforeAll
    void runOnce() throws Exception {
        SparkTestSession.get();
        Path in = tmp.resolve("in");
        recordsWritten = Fixtures.nastyCorpus(in) + Fixtures.parquetInput(in.resolve("parquet"));
        out = tmp.resolve("out");
        int code = Main.execute("run", "--input", in.toString(), "--output", out.toString(),
                "--set", "input.max_record_bytes=4096", "--set", "input.max_text_chars=3000",
                "--set", "quality.max_reject_rate=1");
        assertEquals(0, code);
        manifest = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
        duck = new DuckDb();
    }

    private String t(String table) {
        return DuckDb.table(out.toString(), table);
    }

    @Test
    void nothingIsLostEveryRecordIsAccountedFor() throws Exception {
        JsonNode c = manifest.get("counts");
        long recordsIn = c.get("records_in").asLong();
        assertEquals(recordsWritten, recordsIn);
        assertEquals(recordsIn, c.get("articles").asLong() + c.get("exact_duplicates").asLong() + c.get("rejects").asLong());
        assertTrue(c.get("identity_holds").asBoolean());
        assertEquals(recordsIn, duck.count("SELECT count(*) FROM " + t("lineage")));
        assertEquals(c.get("articles").asLong(), duck.count("SELECT count(*) FROM " + t("articles")));
        assertEquals(c.get("rejects").asLong(), duck.count("SELECT count(*) FROM " + t("rejects")));
        assertEquals(c.get("exact_duplicates").asLong(),
                duck.count("SELECT count(*) FROM " + t("lineage") + " WHERE status = 'exact_duplicate'"));
        // Every kept/duplicate lineage row points at an existing article.
        assertEquals(0, duck.count("SELECT count(*) FROM " + t("lineage") + " l WHERE status <> 'rejected' AND "
                + "l.article_id NOT IN (SELECT article_id FROM " + t("articles") + ")"));
        assertTrue(manifest.get("inputs").get("skipped_files").get(0).asText().endsWith("README.md"));
    }

    @Test
    void everyRejectReasonIsProducedAndExplained() throws Exception {
        Set<String> reasons = duck.query("SELECT DISTINCT reason FROM " + t("rejects")).stream()
                .map(r -> (String) r.get("reason")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> all = Arrays.stream(RejectReason.values()).map(RejectReason::code)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(all, reasons);
        Set<String> inManifest = new TreeSet<>();
        manifest.get("counts").get("rejects_by_reason").fieldNames().forEachRemaining(inManifest::add);
        assertEquals(all, inManifest);
        Map<String, Object> csv = duck.query("SELECT * FROM " + t("rejects") + " WHERE reason = 'malformed_csv'").get(0);
        assertTrue(((String) csv.get("source_file")).endsWith("table.csv"));
        // The first CSV record spans lines 2-4 (a quoted multi-line field): the broken one is on line 5.
        assertEquals("line 5", csv.get("location"));
        Map<String, Object> truncated = duck.query("SELECT * FROM " + t("rejects") + " WHERE reason = 'truncated_file'").get(0);
        assertEquals("line 3", truncated.get("location"));
        assertEquals(0, duck.count("SELECT count(*) FROM " + t("rejects") + " WHERE detail IS NULL"));
    }

    @Test
    void everyFormatProducesArticles() throws Exception {
        List<String> files = duck.query("SELECT DISTINCT regexp_extract(source_file, '[^/]+$') AS f FROM " + t("lineage")
                + " WHERE status <> 'rejected' ORDER BY f").stream().map(r -> (String) r.get("f")).toList();
        for (String expected : List.of("good.jsonl", "news.jsonl.gz", "news.jsonl.bz2", "news.jsonl.zst", "table.csv",
                "table.tsv", "harbour.txt", "broken.jsonl", "truncated.jsonl.gz", "news.warc.gz", "news.wet.gz")) {
            assertTrue(files.contains(expected), expected + " in " + files);
        }
        assertTrue(files.stream().anyMatch(f -> f.endsWith(".parquet")), files.toString());
        // Two records before the cut in the truncated gzip are kept.
        assertEquals(2, duck.count("SELECT count(*) FROM " + t("articles") + " WHERE source_file LIKE '%truncated.jsonl.gz'"));
        Map<String, Object> p = duck.query("SELECT * FROM " + t("articles") + " WHERE source_id = 'p1'").get(0);
        assertEquals("westhaven-herald", p.get("outlet"));
        assertEquals("Westhaven Herald", p.get("outlet_name"));
        assertEquals(OffsetDateTime.parse("2026-04-06T07:00:00Z").toInstant(), ((OffsetDateTime) p.get("published_at")).toInstant());
    }

    @Test
    void webArchivePagesBecomeArticlesAndTheRestIsCountedAsSkipped() throws Exception {
        JsonNode c = manifest.get("counts");
        // news.warc.gz: warcinfo, request, metadata, revisit, a 404, an image; news.wet.gz: warcinfo.
        assertEquals(WarcFixtures.NEWS_SKIPPED + 1, c.get("records_skipped").asLong());
        assertEquals(2, c.get("skipped_by_reason").get("warcinfo").asLong());
        for (String reason : List.of("request", "metadata", "revisit", "http_status", "not_html")) {
            assertEquals(1, c.get("skipped_by_reason").get(reason).asLong(), reason);
        }
        assertEquals(0, duck.count("SELECT count(*) FROM " + t("lineage") + " WHERE location = 'offset 0'"),
                "skipped records are not input records");
        List<Map<String, Object>> ferry = duck.query("SELECT outlet, outlet_name, title, language, published_at, story_id, "
                + "extra['canonical_url'] AS canonical FROM " + t("articles")
                + " WHERE source_file LIKE '%news.warc.gz' AND title LIKE 'Ferry trial begins%' ORDER BY outlet");
        assertEquals(List.of("eastport.example", "westhaven.example"), ferry.stream().map(r -> r.get("outlet")).toList(),
                "outlets from the captured hosts (www. and m. folded), not from the canonical link");
        assertEquals(ferry.get(0).get("story_id"), ferry.get(1).get("story_id"), "the syndicated copy is found");
        assertEquals("en", ferry.get(1).get("language"), "the primary subtag of lang=\"en-GB\"");
        assertEquals("https://www.eastport.example/2026/04/15/ferry-trial", ferry.get(1).get("canonical"));
        assertEquals(OffsetDateTime.parse("2026-04-15T08:30:00Z").toInstant(),
                ((OffsetDateTime) ferry.get(1).get("published_at")).toInstant());
        // The WET text of the same two pages is the same article again: exact duplicates.
        assertEquals(2, duck.count("SELECT count(*) FROM " + t("lineage") + " WHERE source_file LIKE '%news.wet.gz' "
                + "AND status = 'exact_duplicate'"));
    }

    @Test
    void exactDuplicatesCollapseToOneArticleAcrossFiles() throws Exception {
        // j1 and j2: same outlet, same text → one article; j3 (other outlet, same text) stays.
        List<Map<String, Object>> rows = duck.query("SELECT source_id, status, article_id FROM " + t("lineage")
                + " WHERE source_id IN ('j1', 'j2', 'j3') ORDER BY source_id");
        assertEquals("kept", rows.get(0).get("status"));
        assertEquals("exact_duplicate", rows.get(1).get("status"));
        assertEquals(rows.get(0).get("article_id"), rows.get(1).get("article_id"));
        assertEquals("kept", rows.get(2).get("status"));
        assertFalse(rows.get(0).get("article_id").equals(rows.get(2).get("article_id")));
        // The same two records in .gz, .bz2 and .zst: 2 articles, 4 duplicates.
        assertEquals(2, duck.count("SELECT count(*) FROM " + t("lineage") + " WHERE source_id IN ('c1','c2') AND status = 'kept'"));
        assertEquals(4, duck.count("SELECT count(*) FROM " + t("lineage") + " WHERE source_id IN ('c1','c2') AND status = 'exact_duplicate'"));
    }

    @Test
    void pageDumpBecomesArticlesWithOutletsAndResolvedTimes() throws Exception {
        List<Map<String, Object>> rows = duck.query("SELECT outlet, outlet_name, title, published_at, text FROM " + t("articles")
                + " WHERE source_file LIKE '%harbour.txt' ORDER BY outlet");
        assertEquals(4, rows.size());
        Map<String, Map<String, Object>> byOutlet = rows.stream().collect(Collectors.toMap(r -> (String) r.get("outlet"), r -> r));
        assertEquals(Set.of("daily8.example", "eastport-gazette", "kestrel-bay-record", "northgate-observer"), byOutlet.keySet());
        Map<String, Object> gazette = byOutlet.get("eastport-gazette");
        assertEquals("Eastport Gazette", gazette.get("outlet_name"));
        assertEquals(OffsetDateTime.parse("2026-04-15T18:05:00Z").toInstant(), ((OffsetDateTime) gazette.get("published_at")).toInstant());
        assertEquals(OffsetDateTime.parse("2026-04-15T17:30:00Z").toInstant(),
                ((OffsetDateTime) byOutlet.get("kestrel-bay-record").get("published_at")).toInstant());
        // The main article's time is not on the page and no sidecar gives it: unknown, not invented.
        assertNull(byOutlet.get("daily8.example").get("published_at"));
        assertFalse(((String) byOutlet.get("daily8.example").get("text")).contains("Hashtags"));
    }

    @Test
    void hostileTextIsStoredAsInertTextWithoutControlCharacters() throws Exception {
        String text = (String) duck.query("SELECT text FROM " + t("articles") + " WHERE source_id = 'b8'").get(0).get("text");
        assertTrue(text.contains("<script>alert(1)</script>"));
        assertTrue(text.contains("שלום") && text.contains("中文"));
        assertFalse(text.contains("\u0000"));
    }

    @Test
    void biReaderSeesProperTypes() throws Exception {
        Map<String, String> types = duck.types(t("articles"));
        assertEquals("TIMESTAMP WITH TIME ZONE", types.get("published_at"));
        assertEquals("TIMESTAMP WITH TIME ZONE", types.get("scraped_at"));
        assertEquals("INTEGER", types.get("word_count"));
        assertEquals("INTEGER", types.get("content_chars"));
        assertEquals("MAP(VARCHAR, VARCHAR)", types.get("extra"));
        assertEquals("VARCHAR", types.get("story_id"));
        assertEquals(List.of("article_id", "source_id", "outlet", "outlet_name", "outlet_country", "outlet_owner", "url", "title", "text", "published_at",
                "scraped_at", "language", "word_count", "content_chars", "source_file", "extra", "story_id", "topic_id", "is_origin", "wire_credit",
                "edit_kind", "lag_from_origin_s", "run_date"), List.copyOf(types.keySet()));
        assertEquals(List.of("source_file", "location", "reason", "detail", "excerpt", "run_date"),
                List.copyOf(duck.types(t("rejects")).keySet()));
        assertEquals(List.of("source_file", "location", "source_id", "status", "article_id", "reason", "run_date"),
                List.copyOf(duck.types(t("lineage")).keySet()));
        Map<String, Object> extra = duck.query("SELECT extra['section'] AS s FROM " + t("articles") + " WHERE title = 'CSV, quoted'").get(0);
        assertEquals("local", extra.get("s"));
        assertEquals(1, manifest.get("counts").get("date_warnings").asLong());
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
    }
}
