package io.wiretrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.core.generate.CorpusGenerator;
import io.wiretrace.testing.DuckDb;
import io.wiretrace.testing.Fixtures;
import io.wiretrace.testing.SharedData;
import io.wiretrace.testing.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, dry run, overwrite, determinism, the bundled sample, the real page. */
class CliTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    /** Runs the CLI capturing stdout+stderr. */
    record Result(int code, String output) {}

    static Result cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            int code = Main.execute(args);
            return new Result(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private Path smallCorpus() throws IOException {
        Path dir = tmp.resolve("corpus");
        new CorpusGenerator(new CorpusGenerator.Settings(300, 5, 0.0, 100, null)).generate(dir);
        return dir;
    }

    @Test
    void helpDocumentsCommandsAndExitCodes() {
        Result r = cli("--help");
        assertEquals(0, r.code());
        assertTrue(r.output().contains("run") && r.output().contains("generate"));
        assertTrue(r.output().contains("3  reject rate above quality.max_reject_rate"), r.output());
        Result run = cli("run", "--help");
        assertTrue(run.output().contains("--dry-run") && run.output().contains("--set"), run.output());
    }

    @Test
    void generateWritesScrapedPagesUnlessToldClean() throws IOException {
        Path pages = tmp.resolve("gen-pages");
        Path clean = tmp.resolve("gen-clean");
        assertEquals(0, cli("generate", "--articles", "60", "--out", pages.toString()).code());
        assertEquals(0, cli("generate", "--articles", "60", "--clean", "--out", clean.toString()).code());
        // Same stories; as pages every article carries its outlet's chrome, and some copies are stubs.
        String p = Files.readString(pages.resolve("truth/articles.csv"));
        String c = Files.readString(clean.resolve("truth/articles.csv"));
        assertTrue(p.contains("boilerplate"), p);
        assertTrue(!c.contains("stub") && !c.contains("quotes_other_story"), c);
        long pageBytes;
        long cleanBytes;
        try (var a = Files.walk(pages.resolve("articles")); var b = Files.walk(clean.resolve("articles"))) {
            pageBytes = a.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            cleanBytes = b.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        assertTrue(pageBytes > cleanBytes * 1.2, pageBytes + " vs " + cleanBytes);
        assertEquals(2, cli("generate", "--articles", "5", "--clean", "--pages", "--out", tmp.resolve("g3").toString()).code());
    }

    @Test
    void usageAndConfigErrorsExitWithTwoBeforeAnythingStarts() throws IOException {
        Path corpus = smallCorpus();
        assertEquals(2, cli("run", "--input", tmp.resolve("nope").toString(), "--output", tmp.resolve("o").toString()).code());
        Result bad = cli("run", "--input", corpus.toString(), "--output", tmp.resolve("o").toString(), "--set", "input.fromat=csv");
        assertEquals(2, bad.code());
        assertTrue(bad.output().contains("Invalid config key 'input.fromat'"), bad.output());
        assertEquals(2, cli("run", "--input", corpus.toString(), "--output", tmp.resolve("o").toString(), "--format", "xml").code());
        assertEquals(2, cli("run", "--input", corpus.toString()).code());
        assertEquals(2, cli("run", "--bogus-flag").code());
        Path unknown = tmp.resolve("data.bin");
        Files.writeString(unknown, "x");
        Result fmt = cli("run", "--input", unknown.toString(), "--output", tmp.resolve("o").toString());
        assertEquals(2, fmt.code());
        assertTrue(fmt.output().contains("Cannot detect the format"), fmt.output());
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing() throws IOException {
        Path corpus = smallCorpus();
        Result r = cli("run", "--input", corpus.resolve("articles").toString(), "--output", tmp.resolve("o").toString(),
                "--dry-run", "--set", "output.compression=zstd");
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("files: 4 ("), r.output());
        assertTrue(r.output().contains("compression: zstd"), r.output());
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    @Test
    void runDatesArePartitionsAndOverwriteReplacesOnlyItsOwnDate() throws Exception {
        Path corpus = smallCorpus().resolve("articles");
        Path out = tmp.resolve("out");
        // Topics off: this is about the commit protocol, and it runs four times.
        String[] common = {"run", "--input", corpus.toString(), "--output", out.toString(), "--set", "topics.enabled=false"};
        assertEquals(0, cli(Fixtures.concat(common, "--run-date", "2026-11-20")).code());
        String firstRun = manifest(out).get("run_id").asText();
        assertEquals("2026-11-20", manifest(out).get("run_date").asText());
        Result again = cli(Fixtures.concat(common, "--run-date", "2026-11-20"));
        assertEquals(2, again.code());
        assertTrue(again.output().contains("use --overwrite"), again.output());
        // A new date is added beside the first, no --overwrite needed.
        assertEquals(0, cli(Fixtures.concat(common, "--run-date", "2026-11-21")).code());
        Map<String, Long> day21 = Fixtures.fileHashes(out.resolve("articles/run_date=2026-11-21"));
        assertEquals(Fixtures.fileHashes(out.resolve("articles/run_date=2026-11-20")), day21, "same input, same rows");
        Thread.sleep(1100); // run ids have one-second resolution
        // Re-running 2026-11-20 replaces that date only; syndication off this time, so its
        // syndication tables lose that date instead of keeping the older run's rows.
        assertEquals(0, cli(Fixtures.concat(common, "--run-date", "2026-11-20", "--overwrite",
                "--set", "syndication.enabled=false")).code());
        assertNotEquals(firstRun, manifest(out).get("run_id").asText());
        assertEquals(day21, Fixtures.fileHashes(out.resolve("articles/run_date=2026-11-21")));
        assertTrue(Files.exists(out.resolve("stories/run_date=2026-11-21/_SUCCESS")));
        assertFalse(Files.exists(out.resolve("stories/run_date=2026-11-20")));
        assertTrue(Files.exists(out.resolve("articles/run_date=2026-11-20/_SUCCESS")));
        assertEquals("2026-11-21", new ObjectMapper().readTree(out.resolve("_manifests/run_date=2026-11-21.json").toFile())
                .get("run_date").asText());
        assertEquals(manifest(out).get("run_id"), new ObjectMapper()
                .readTree(out.resolve("_manifests/run_date=2026-11-20.json").toFile()).get("run_id"));
        try (DuckDb duck = new DuckDb()) {
            assertEquals(List.of("2026-11-20", "2026-11-21"), duck.query("SELECT DISTINCT run_date FROM "
                    + DuckDb.table(out.toString(), "articles") + " ORDER BY 1").stream()
                    .map(r -> r.get("run_date").toString()).toList());
        }
        try (Stream<Path> s = Files.walk(tmp)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith(".out.") || n.contains(".replaced-") || n.endsWith(".tmp")).toList(),
                    "no staging, replaced or temporary files left behind");
        }
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        assertEquals(2, cli(Fixtures.concat(common, "--run-date", "2026-13-01")).code(), "invalid date is a usage error");
    }


    @Test
    void rejectRateAboveTheLimitExitsThreeAfterWritingReports() throws Exception {
        Path in = tmp.resolve("noisy");
        new CorpusGenerator(new CorpusGenerator.Settings(200, 3, 0.2, 1000, null)).generate(in);
        Path out = tmp.resolve("out");
        Result r = cli("run", "--input", in.resolve("articles").toString(), "--output", out.toString(),
                "--set", "topics.k=4");
        assertEquals(3, r.code(), r.output());
        JsonNode m = manifest(out);
        assertEquals("reject_rate_exceeded", m.get("status").asText());
        assertTrue(m.get("quality").get("reject_rate").asDouble() > 0.05);
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        assertEquals(0, cli("run", "--input", in.resolve("articles").toString(), "--output", tmp.resolve("out2").toString(),
                "--set", "quality.max_reject_rate=0.5", "--set", "topics.k=4").code());
    }

    @Test
    void sameInputAndConfigGiveByteIdenticalReports() throws Exception {
        Path in = tmp.resolve("det");
        new CorpusGenerator(new CorpusGenerator.Settings(600, 11, 0.01, 150, null)).generate(in);
        Fixtures.copyResource("/io/wiretrace/sample/harbour-page-001.txt", in.resolve("pages/p.txt"));
        Fixtures.copyResource("/io/wiretrace/sample/harbour-page-001.txt.meta.json", in.resolve("pages/p.txt.meta.json"));
        String[] inputs = {in.resolve("articles").toString(), in.resolve("pages").toString()};
        assertEquals(0, cli("run", "--input", inputs[0], inputs[1], "--output", tmp.resolve("a").toString(),
                "--set", "output.max_records_per_file=100").code());
        assertEquals(0, cli("run", "--input", inputs[0], inputs[1], "--output", tmp.resolve("b").toString(),
                "--set", "output.max_records_per_file=100").code());
        for (String table : List.of("articles", "rejects", "lineage")) {
            Map<String, Long> a = Fixtures.fileHashes(tmp.resolve("a").resolve(table));
            assertFalse(a.isEmpty());
            assertEquals(a, Fixtures.fileHashes(tmp.resolve("b").resolve(table)), table);
        }
        // More than one file per table when rows exceed the per-file limit, all deterministic.
        assertTrue(Fixtures.fileHashes(tmp.resolve("a").resolve("articles")).values().stream().mapToLong(Long::longValue).sum() >= 6);
        assertEquals(manifest(tmp.resolve("a")).get("counts"), manifest(tmp.resolve("b")).get("counts"));
    }

    @Test
    void largeUncompressedFilesAreReadInByteRangesLosingNothing() throws Exception {
        // One ~75 MB file read in 16 MiB ranges: past the 64 MiB point where compressed input is
        // checked for bombs, which must never apply to plain files.
        Path in = tmp.resolve("big");
        CorpusGenerator.Summary s = new CorpusGenerator(new CorpusGenerator.Settings(28_000, 4, 0.0, 100_000, null)).generate(in);
        Path file = in.resolve("articles/articles-00000.jsonl");
        assertTrue(Files.size(file) > 70L * 1024 * 1024, "size " + Files.size(file));
        Path out = tmp.resolve("out");
        Result r = cli("run", "--input", file.toString(), "--output", out.toString(), "--set", "input.split_bytes=16777216",
                "--set", "syndication.enabled=false", "--set", "topics.enabled=false", "--dry-run");
        assertTrue(r.output().contains("read splits: 5"), r.output());
        assertEquals(0, cli("run", "--input", file.toString(), "--output", out.toString(), "--set", "input.split_bytes=16777216",
                "--set", "syndication.enabled=false", "--set", "topics.enabled=false").code());
        JsonNode c = manifest(out).get("counts");
        assertEquals(s.records(), c.get("records_in").asLong());
        assertEquals(0, c.get("rejects").asLong());
        try (DuckDb duck = new DuckDb()) {
            assertEquals(s.records(), duck.count("SELECT count(DISTINCT source_id) FROM " + DuckDb.table(out.toString(), "lineage")));
            assertTrue(duck.count("SELECT count(*) FROM " + DuckDb.table(out.toString(), "lineage") + " WHERE location LIKE 'byte %'") > 0);
        }
    }

    @Test
    void lineageTracesEveryGeneratedRecord() throws Exception {
        Path in = tmp.resolve("trace");
        new CorpusGenerator(new CorpusGenerator.Settings(400, 9, 0.0, 1000, null)).generate(in);
        Path out = tmp.resolve("out");
        assertEquals(0, cli("run", "--input", in.resolve("articles").toString(), "--output", out.toString()).code());
        Set<String> truthIds = Files.readAllLines(in.resolve("truth/stories.csv")).stream().skip(1)
                .map(l -> l.split(",")[0]).collect(Collectors.toSet());
        try (DuckDb duck = new DuckDb()) {
            Set<String> lineageIds = duck.query("SELECT source_id FROM " + DuckDb.table(out.toString(), "lineage")).stream()
                    .map(r -> (String) r.get("source_id")).collect(Collectors.toSet());
            assertEquals(truthIds, lineageIds);
            assertEquals(truthIds.size(), duck.count("SELECT count(*) FROM " + DuckDb.table(out.toString(), "lineage")));
            // Re-scrapes in the generator are exact duplicates of their originals.
            long rescrapes = truthIds.stream().filter(id -> id.endsWith("-rescrape")).count();
            assertEquals(rescrapes, duck.count("SELECT count(*) FROM " + DuckDb.table(out.toString(), "lineage")
                    + " WHERE status = 'exact_duplicate'"));
        }
    }

    @Test
    void withoutInputItRunsOnTheBundledSample() throws Exception {
        Path out = tmp.resolve("sample-out");
        Result r = cli("run", "--sample-dir", tmp.resolve("sample").toString(), "--output", out.toString());
        assertEquals(0, r.code(), r.output());
        JsonNode c = manifest(out).get("counts");
        assertTrue(c.get("articles").asLong() >= 2000, c.toString());
        assertTrue(c.get("rejects").asLong() > 0, "the sample shows some rejects");
        assertTrue(c.get("exact_duplicates").asLong() > 0, "and some exact duplicates");
        try (DuckDb duck = new DuckDb()) {
            assertEquals(4, duck.count("SELECT count(*) FROM " + DuckDb.table(out.toString(), "articles")
                    + " WHERE source_file LIKE '%/pages/%'"));
        }
    }

    /** Evaluation: the real scraped aggregator page in ../shared, end to end. */
    @Test
    void realAggregatorPageEndToEnd() throws Exception {
        Path page = SharedData.require("data/pages/aggregator-page-001.txt");
        Path out = tmp.resolve("page-out");
        Result r = cli("run", "--input", page.toString(), "--output", out.toString(), "--scraped-at", "2025-06-04T12:00:00Z");
        assertEquals(0, r.code(), r.output());
        try (DuckDb duck = new DuckDb()) {
            Map<String, Map<String, Object>> byOutlet = new TreeMap<>();
            for (Map<String, Object> row : duck.query("SELECT outlet, outlet_name, title, text, published_at FROM "
                    + DuckDb.table(out.toString(), "articles"))) {
                byOutlet.put((String) row.get("outlet"), row);
            }
            assertTrue(byOutlet.keySet().containsAll(Set.of("al-arabiya", "asharq-al-awsat", "arab-news")), byOutlet.keySet().toString());
            assertEquals(4, byOutlet.size());
            assertEquals("US-Russian talks to take place in Moscow, Russian envoy says", byOutlet.get("al-arabiya").get("title"));
            assertEquals("US-Russian Talks to Take Place in Moscow, Russian Envoy Says", byOutlet.get("asharq-al-awsat").get("title"));
            assertEquals("Asharq Al-Awsat", byOutlet.get("asharq-al-awsat").get("outlet_name"));
            assertTrue(((String) byOutlet.get("asharq-al-awsat").get("text")).contains("\"deep state\""));
            assertTrue(((String) byOutlet.get("al-arabiya").get("text")).contains("'deep state'"));
            assertTrue(((String) byOutlet.get("arab-news").get("text")).contains("Kashmir"));
            assertEquals(java.time.Instant.parse("2025-06-04T11:27:00Z"),
                    ((java.time.OffsetDateTime) byOutlet.get("al-arabiya").get("published_at")).toInstant());
        }
    }

    private static JsonNode manifest(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
    }

}
