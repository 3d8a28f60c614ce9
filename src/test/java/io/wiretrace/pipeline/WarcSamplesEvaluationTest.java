package io.wiretrace.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.cli.Main;
import io.wiretrace.testing.DuckDb;
import io.wiretrace.testing.Lanes;
import io.wiretrace.testing.SharedData;
import io.wiretrace.testing.SparkTestSession;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluation test (real archives in ../shared; skips where absent): the whole job over the four
 * WARC files other tools wrote (jwarc, warcio, resiliparse — one of them cut off mid-record).
 */
@Lanes.Evaluation
class WarcSamplesEvaluationTest {

    @TempDir
    Path tmp;

    @Test
    void realArchivesRunEndToEndWithEveryRecordAccountedFor() throws Exception {
        Path samples = SharedData.require("data/warc_samples");
        SparkTestSession.get();
        Path out = tmp.resolve("out");
        // The archives only (the directory also holds a SOURCES.txt, which would be read as a page dump).
        int code = Main.execute("run", "--input", samples.resolve("*.warc.gz").toString(), "--output", out.toString(),
                "--set", "quality.max_reject_rate=1");
        assertEquals(0, code);
        JsonNode c = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile()).get("counts");
        assertTrue(c.get("identity_holds").asBoolean());
        assertTrue(c.get("articles").asLong() >= 1, c.toString());
        assertTrue(c.get("records_skipped").asLong() >= 10, c.toString());
        assertTrue(c.get("skipped_by_reason").has("request"), c.toString());
        assertEquals(1, c.get("rejects_by_reason").path("truncated_file").asLong(), "the clipped archive: " + c);
        DuckDb duck = new DuckDb();
        String articles = DuckDb.table(out.toString(), "articles");
        assertEquals(0, duck.count("SELECT count(*) FROM " + articles + " WHERE url IS NULL OR outlet = 'unknown' "
                + "OR scraped_at IS NULL OR length(text) = 0"));
        // Every record has its own place: one lineage row per (file, offset).
        assertEquals(c.get("records_in").asLong(), duck.count("SELECT count(DISTINCT source_file || ' ' || location) FROM "
                + DuckDb.table(out.toString(), "lineage")));
    }
}
