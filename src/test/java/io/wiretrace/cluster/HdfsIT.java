package io.wiretrace.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.cli.Main;
import io.wiretrace.core.generate.CorpusGenerator;
import io.wiretrace.pipeline.report.Tables;
import io.wiretrace.testing.Fixtures;
import io.wiretrace.testing.Lanes;
import io.wiretrace.testing.SparkTestSession;
import io.wiretrace.testing.WarcFixtures;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real HDFS (a NameNode and a DataNode in this JVM, talking over loopback RPC): the job reads
 * its input from {@code hdfs://} and commits its reports there — staging, renames, the commit
 * journal and per-date partitions all through the HDFS client, also for a re-run of the date. The
 * reports equal, byte for byte, those of the same run writing to the local file system.
 */
@Lanes.Integration
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HdfsIT {

    private static final String D1 = "2026-11-27";
    private static final String D2 = "2026-11-28";
    private static final int PAGES = 1600;
    private static final long SPLIT_BYTES = 1 << 20; // the smallest input.split_bytes

    @TempDir
    Path tmp;

    @Test
    void readsFromAndCommitsToHdfs() throws Exception {
        SparkTestSession.get();
        Path corpus = tmp.resolve("gen");
        new CorpusGenerator(new CorpusGenerator.Settings(300, 31, 0.02, 150, null)).generate(corpus);
        // A web archive with its CDXJ index: read in record-aligned ranges, each task seeking on HDFS.
        byte[] archive = WarcFixtures.largeArchive(PAGES, 7);
        Fixtures.write(corpus.resolve("articles/crawl.warc.gz"), archive);
        Fixtures.write(corpus.resolve("articles/crawl.cdxj"), WarcFixtures.cdxj(archive, "crawl.warc.gz", 0));
        assertTrue(archive.length > 2 * SPLIT_BYTES, "archive bytes: " + archive.length);

        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
        MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try {
            hdfs.waitActive();
            FileSystem fs = hdfs.getFileSystem();
            String root = hdfs.getURI().toString();
            fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(corpus.resolve("articles").toUri()),
                    new org.apache.hadoop.fs.Path(root + "/news/articles"));
            String out = root + "/reports";

            // A first run of the date (without the engines: only what replacing it needs), then a
            // re-run that replaces it (the old partitions go aside, then away, on HDFS).
            assertEquals(0, Main.execute(Fixtures.concat(args(root + "/news/articles", out, D1),
                    "--set", "syndication.enabled=false", "--set", "topics.enabled=false")));
            assertEquals(0, Main.execute(Fixtures.concat(args(root + "/news/articles", out, D1), "--overwrite")));
            // The reference: the same input, reports on the local file system.
            Path localOut = tmp.resolve("local-out");
            assertEquals(0, Main.execute(args(root + "/news/articles", localOut.toString(), D1)));
            assertTrue(fs.exists(new org.apache.hadoop.fs.Path(out + "/_SUCCESS")));
            assertFalse(fs.exists(new org.apache.hadoop.fs.Path(out + "/_commit.json")));

            Path copied = tmp.resolve("reports");
            fs.copyToLocalFile(new org.apache.hadoop.fs.Path(out), new org.apache.hadoop.fs.Path(copied.toUri()));
            for (Tables.Table t : Tables.ALL) {
                Map<String, Long> expected = Fixtures.fileHashes(localOut.resolve(t.name()).resolve("run_date=" + D1));
                assertFalse(expected.isEmpty(), t.name());
                assertEquals(expected, Fixtures.fileHashes(copied.resolve(t.name()).resolve("run_date=" + D1)), t.name());
                try (java.util.stream.Stream<Path> dates = java.nio.file.Files.list(copied.resolve(t.name()))) {
                    assertEquals(1, dates.filter(p -> !p.getFileName().toString().endsWith(".crc")).count(),
                            t.name() + ": one date partition, nothing left aside");
                }
            }
            ObjectMapper json = new ObjectMapper();
            JsonNode manifest = json.readTree(copied.resolve("_manifests/run_date=" + D1 + ".json").toFile());
            assertEquals(json.readTree(localOut.resolve("_manifest.json").toFile()).get("counts"), manifest.get("counts"));
            assertTrue(manifest.path("tables").path("articles").path("path").asText().startsWith("hdfs://"));
            // The archive was split (jsonl files are small: one split each) and its pages all arrived.
            assertTrue(manifest.path("inputs").path("splits").asInt() > manifest.path("inputs").path("files").asInt(),
                    manifest.path("inputs").toString());
            assertEquals(PAGES, manifest.path("counts").path("records_skipped").asLong(), "one request record per page");
            JsonNode byFormat = manifest.path("inputs").path("files_by_format");
            assertEquals(1, byFormat.path("warc").asInt(), byFormat.toString());

            // The next date reads D1's story index back from HDFS: the same pages, scraped again, land
            // in their stories under the same ids and are not counted twice.
            assertEquals(0, Main.execute(args(root + "/news/articles", out, D2)));
            Path next = tmp.resolve("stories-d2");
            fs.copyToLocalFile(new org.apache.hadoop.fs.Path(out + "/stories/run_date=" + D2),
                    new org.apache.hadoop.fs.Path(next.toUri()));
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> d1 = SparkTestSession.get().read()
                    .parquet(localOut.resolve("stories/run_date=" + D1).toString());
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> d2 = SparkTestSession.get().read().parquet(next.toString());
            assertEquals(d1.count(), d2.count());
            assertEquals(0, d2.filter("first_run_date <> '" + D1 + "' OR n_new_articles <> 0").count());
            assertEquals(0, d1.select("story_id", "n_articles").except(d2.select("story_id", "n_articles")).count());
        } finally {
            hdfs.shutdown(true);
        }
    }

    private static String[] args(String in, String out, String date) {
        return new String[] {"run", "--input", in, "--output", out, "--run-date", date,
                "--set", "topics.k=4", "--set", "topics.restarts=1", "--set", "input.split_bytes=" + SPLIT_BYTES};
    }
}
