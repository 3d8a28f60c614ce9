package io.wiretrace.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.config.ConfigLoader;
import io.wiretrace.config.InputFormat;
import io.wiretrace.core.ingest.InputRecord;
import io.wiretrace.testing.Fixtures;
import io.wiretrace.testing.WarcFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A web archive read in record-aligned ranges from its CDXJ index gives exactly the whole-file read. */
class WarcSplitsTest {

    @TempDir
    Path tmp;

    private static List<String> read(InputPlan plan) {
        SplitReader reader = new SplitReader(IngestStage.readerSettings(ConfigLoader.load(null, List.of())),
                new HadoopConf(new Configuration()));
        List<String> out = new ArrayList<>();
        for (InputPlan.Split s : plan.splits()) {
            for (Iterator<InputRecord> it = reader.read(s); it.hasNext(); ) {
                InputRecord r = it.next();
                out.add(r.location() + " " + r.rejectReason() + " " + r.skipReason() + " " + r.title());
            }
        }
        return out;
    }

    @Test
    void indexedRangesReadEveryRecordOnce() throws Exception {
        byte[] archive = WarcFixtures.newsArchive();
        Path whole = tmp.resolve("whole/news.warc.gz");
        Path indexed = tmp.resolve("indexed/news.warc.gz");
        Fixtures.write(whole, archive);
        Fixtures.write(indexed, archive);
        Fixtures.write(tmp.resolve("indexed/news.cdxj"), WarcFixtures.cdxj(archive, "news.warc.gz", 0));
        Configuration conf = new Configuration();

        InputPlan plainPlan = InputPlanner.plan(List.of(whole.toString()), InputFormat.AUTO, 2048, conf);
        InputPlan indexedPlan = InputPlanner.plan(List.of(tmp.resolve("indexed").toString()), InputFormat.AUTO, 2048, conf);
        assertEquals(1, plainPlan.splits().size(), "no index: one split");
        assertEquals(1, indexedPlan.files().size(), "the index is not an input file");
        assertTrue(indexedPlan.splits().size() >= 3, "splits: " + indexedPlan.splits().size());
        List<String> a = read(plainPlan);
        List<String> b = read(indexedPlan);
        assertEquals(12, a.size());
        assertEquals(a, b);

        // An index that does not point at record starts is not trusted: one split, nothing lost.
        Fixtures.write(tmp.resolve("indexed/news.cdxj"), WarcFixtures.cdxj(archive, "news.warc.gz", 1));
        InputPlan stale = InputPlanner.plan(List.of(tmp.resolve("indexed").toString()), InputFormat.AUTO, 2048, conf);
        assertEquals(1, stale.splits().size());
        assertEquals(a, read(stale));
        assertTrue(Files.exists(indexed));
    }

    @Test
    void theIngestStageTakesTitleSourcesFromTheConfiguredRegistry() throws Exception {
        byte[] bytes = WarcFixtures.archive(WarcFixtures.html("https://www.eastport.example/ferry",
                WarcFixtures.twoHeadlinePage("Ferry trial begins on the harbour route", "Ferry trial: what commuters need to know")));
        Path archive = tmp.resolve("in/news.warc.gz");
        Fixtures.write(archive, bytes);
        Path registry = tmp.resolve("outlets.csv");
        Files.writeString(registry, "domain,outlet,name,country,owner,title_source\n"
                + "eastport.example,eastport.example,Eastport Gazette,GB,,og:title\n");
        org.apache.spark.sql.SparkSession spark = io.wiretrace.testing.SparkTestSession.get();
        InputPlan plan = InputPlanner.plan(List.of(archive.toString()), InputFormat.AUTO, 1 << 20,
                spark.sparkContext().hadoopConfiguration());
        for (String setting : List.of(registry.toString(), "builtin")) {
            List<org.apache.spark.sql.Row> rows = IngestStage.run(spark, plan,
                    ConfigLoader.load(null, List.of("outlets.registry=" + setting))).select("title").collectAsList();
            assertEquals(1, rows.size());
            assertEquals(setting.equals("builtin") ? "Ferry trial begins on the harbour route"
                    : "Ferry trial: what commuters need to know", rows.get(0).getString(0), setting);
        }
    }
}
