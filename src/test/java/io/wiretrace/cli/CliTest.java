package io.wiretrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.core.generate.CorpusGenerator;
import io.wiretrace.testing.Cli;
import io.wiretrace.testing.DuckDb;
import io.wiretrace.testing.Fixtures;
import io.wiretrace.testing.SampleRuns;
import io.wiretrace.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line: exit codes, dry run, run dates and overwrite, lineage and the bundled sample
 * (read from {@link SampleRuns}). Determinism: FaultToleranceTest; the real page:
 * RealSyndicationEvaluationTest.
 */
class CliTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    private static Cli.Result cli(String... args) {
        return Cli.run(args);
    }

    private Path smallCorpus() throws IOException {
        Path dir = tmp.resolve("corpus");
        new CorpusGenerator(new CorpusGenerator.Settings(300, 5, 0.0, 100, null)).generate(dir);
        return dir;
    }

    @Test
    void helpDocumentsCommandsAndExitCodes() {
        Cli.Result r = cli("--help");
        assertEquals(0, r.code());
        assertTrue(r.output().contains("run") && r.output().contains("generate"));
        assertTrue(r.output().contains("3  reject rate above quality.max_reject_rate"), r.output());
        Cli.Result run = cli("run", "--help");
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
        Cli.Result bad = cli("run", "--input", corpus.toString(), "--output", tmp.resolve("o").toString(), "--set", "input.fromat=csv");
        assertEquals(2, bad.code());
        assertTrue(bad.output().contains("Invalid config key 'input.fromat'"), bad.output());
        assertEquals(2, cli("run", "--input", corpus.toString(), "--output", tmp.resolve("o").toString(), "--format", "xml").code());
        assertEquals(2, cli("run", "--input", corpus.toString()).code());
        assertEquals(2, cli("run", "--bogus-flag").code());
        Path unknown = tmp.resolve("data.bin");
        Files.writeString(unknown, "x");
        Cli.Result fmt = cli("run", "--input", unknown.toString(), "--output", tmp.resolve("o").toString());
        assertEquals(2, fmt.code());
        assertTrue(fmt.output().contains("Cannot detect the format"), fmt.output());
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing() throws IOException {
        Path corpus = smallCorpus();
        Cli.Result r = cli("run", "--input", corpus.resolve("articles").toString(), "--output", tmp.resolve("o").toString(),
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
        Cli.Result again = cli(Fixtures.concat(common, "--run-date", "2026-11-20"));
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
        // The engines do not take part in the rule (DegenerateInputsTest writes every table at exit 3).
        Cli.Result r = cli("run", "--input", in.resolve("articles").toString(), "--output", out.toString(),
                "--set", "syndication.enabled=false", "--set", "topics.enabled=false");
        assertEquals(3, r.code(), r.output());
        JsonNode m = manifest(out);
        assertEquals("reject_rate_exceeded", m.get("status").asText());
        assertTrue(m.get("quality").get("reject_rate").asDouble() > 0.05);
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        assertEquals(0, cli("run", "--input", in.resolve("articles").toString(), "--output", tmp.resolve("out2").toString(),
                "--set", "quality.max_reject_rate=0.5", "--set", "syndication.enabled=false", "--set", "topics.enabled=false")
                .code());
    }

    /** The sample run's lineage: every generated record, by its own id; re-scrapes are exact duplicates. */
    @Test
    void lineageTracesEveryGeneratedRecord() throws Exception {
        Path out = SampleRuns.oneTask().output();
        Set<String> truthIds = Files.readAllLines(SampleRuns.sample().resolve("truth/stories.csv")).stream().skip(1)
                .map(l -> l.split(",")[0]).collect(Collectors.toSet());
        try (DuckDb duck = new DuckDb()) {
            String generated = DuckDb.table(out.toString(), "lineage") + " WHERE source_file LIKE '%/articles/%'";
            Set<String> kept = duck.query("SELECT source_id FROM " + generated + " AND status <> 'rejected'").stream()
                    .map(r -> (String) r.get("source_id")).collect(Collectors.toSet());
            assertEquals(truthIds, kept);
            assertEquals(truthIds.size(), duck.count("SELECT count(*) FROM " + generated + " AND status <> 'rejected'"));
            // The generator's broken records (the only ones not in its truth) are rejects.
            assertTrue(duck.count("SELECT count(*) FROM " + generated + " AND status = 'rejected'") > 0);
            // Re-scrapes in the generator are exact duplicates of their originals.
            long rescrapes = truthIds.stream().filter(id -> id.endsWith("-rescrape")).count();
            assertTrue(rescrapes > 0);
            assertEquals(rescrapes, duck.count("SELECT count(*) FROM " + DuckDb.table(out.toString(), "lineage")
                    + " WHERE status = 'exact_duplicate'"));
        }
    }

    /** The README's first command, as the test JVM runs it: no input means the bundled sample. */
    @Test
    void withoutInputItRunsOnTheBundledSample() throws Exception {
        SampleRuns.Run run = SampleRuns.oneTask();
        JsonNode c = run.manifest().get("counts");
        assertTrue(c.get("articles").asLong() >= 2000, c.toString());
        assertTrue(c.get("rejects").asLong() > 0, "the sample shows some rejects");
        assertTrue(c.get("exact_duplicates").asLong() > 0, "and some exact duplicates");
        assertTrue(run.console().contains("wiretrace: run ") && run.console().contains("records in"), run.console());
        assertTrue(Files.exists(run.output().resolve("report.html")));
        try (DuckDb duck = new DuckDb()) {
            assertEquals(4, duck.count("SELECT count(*) FROM " + DuckDb.table(run.output().toString(), "articles")
                    + " WHERE source_file LIKE '%/pages/%'"));
        }
    }

    private static JsonNode manifest(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
    }

}
