package io.wiretrace.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.testing.ChildJvm;
import io.wiretrace.testing.DuckDb;
import io.wiretrace.testing.Fixtures;
import io.wiretrace.testing.Lanes;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input at scale, with default settings, in a separate JVM capped at a 4 GiB heap (local
 * mode: the driver does all the work, so this bounds the whole job): a 100 MB single article,
 * 10,000 pages of 120 outlets sharing the same boilerplate (learned as their page template), dates in the year 9999 and
 * before 1900, script payloads, plus the whole nasty corpus (malformed JSON, invalid UTF-8, NUL
 * bytes, a gzip bomb, truncated gzip, broken CSV quoting, RTL and CJK text). The run finishes,
 * every record is an article or a reject, the identity holds, and the payloads stay inert text in
 * the tables and the HTML report.
 */
@Lanes.Slow
class HostileScaleTest {

    @TempDir
    Path tmp;

    @Test
    void hugeRecordGiantBucketAndOddDatesStayBoundedAndAccounted() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        // One 100 MB article, streamed to disk (never held as one string here or in the job).
        try (OutputStream out = Files.newOutputStream(in.resolve("huge.jsonl"))) {
            out.write("{\"id\": \"huge\", \"outlet\": \"Big Paper\", \"text\": \"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "all work and no play ".repeat(50_000).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 100L * 1024 * 1024; written += chunk.length) {
                out.write(chunk);
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        // 10,000 pages of 120 outlets that share their boilerplate and differ in one short paragraph.
        String boilerplate = Fixtures.paragraphText("site navigation subscribe newsletter cookie consent", 4);
        try (BufferedWriter w = Files.newBufferedWriter(in.resolve("boilerplate.jsonl"))) {
            for (int i = 0; i < 10_000; i++) {
                w.write(Fixtures.json("bp" + i, "Outlet " + (i % 120), "Page " + i,
                        boilerplate + "\n\n" + Fixtures.randomWords(25, i), "2026-04-" + (10 + i % 20) + "T08:00:00Z"));
                w.write("\n");
            }
        }
        // Odd dates and payloads.
        Fixtures.write(in.resolve("odd.jsonl"), String.join("\n",
                Fixtures.json("d1", "Future Times", "Far future", Fixtures.paragraphText("far future", 3), "9999-12-31T23:59:59Z"),
                Fixtures.json("d2", "Old Gazette", "Long ago", Fixtures.paragraphText("long ago", 3), "1850-01-01T00:00:00Z"),
                Fixtures.json("x1", "Payload Post", "<script>alert('t')</script>",
                        "<img src=x onerror=alert(1)> " + Fixtures.paragraphText("payload", 2), "2026-04-11T10:00:00Z"))
                + "\n");
        int records = 1 + 10_000 + 3 + Fixtures.nastyCorpus(in.resolve("nasty"));

        Path out = tmp.resolve("out");
        ChildJvm.Result run = ChildJvm.runMain(tmp.resolve("run.log"), List.of("-Xmx4g", "-Dspark.master=local[2,4]"),
                "run", "--input", in.toString(), "--output", out.toString(), "--run-date", "2026-11-27",
                "--set", "topics.k=4", "--set", "topics.restarts=1");
        assertEquals(0, run.exitCode(), run.tail());
        JsonNode m = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
        JsonNode c = m.get("counts");
        assertEquals(records, c.get("records_in").asLong());
        assertTrue(c.get("identity_holds").asBoolean());
        assertEquals(c.get("records_in").asLong(),
                c.get("articles").asLong() + c.get("exact_duplicates").asLong() + c.get("rejects").asLong());
        // The shared boilerplate is every outlet's page template, learned and left out of matching,
        // so it makes no giant bucket (SyndicationTest caps one made of pages of 600 outlets, one
        // page each, where nothing can be learned).
        JsonNode syn = m.path("stages").path("syndication");
        assertEquals(120, syn.get("template_outlets").asLong(), syn.toString());
        assertEquals(10_000, syn.get("template_articles").asLong(), syn.toString());
        assertEquals(0, syn.get("giant_buckets_capped").asLong(), syn.toString());
        try (DuckDb duck = new DuckDb()) {
            String articles = DuckDb.table(out.toString(), "articles");
            String rejects = DuckDb.table(out.toString(), "rejects");
            // The 100 MB record is a reject with a reason, and its excerpt is short.
            assertEquals(1, duck.count("SELECT count(*) FROM " + rejects + " WHERE excerpt LIKE '%huge%' AND length(excerpt) < 2000"));
            // Every boilerplate page is an article (none is an exact duplicate: the last paragraph differs).
            assertEquals(10_000, duck.count("SELECT count(*) FROM " + articles + " WHERE source_id LIKE 'bp%'"));
            // Odd dates do not crash anything; whatever was kept is a real timestamp or null.
            assertEquals(2, duck.count("SELECT count(*) FROM " + articles + " WHERE source_id IN ('d1', 'd2')"));
            // Payloads are stored as text.
            assertEquals(1, duck.count("SELECT count(*) FROM " + articles + " WHERE title = '<script>alert(''t'')</script>'"));
        }
        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.contains("<script>alert"), "no input text is markup in the report");
        assertFalse(html.contains("<img src=x"));
    }
}
