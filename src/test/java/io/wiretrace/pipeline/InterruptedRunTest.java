package io.wiretrace.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.cli.Main;
import io.wiretrace.core.generate.CorpusGenerator;
import io.wiretrace.pipeline.report.Tables;
import io.wiretrace.testing.ChildJvm;
import io.wiretrace.testing.Fixtures;
import io.wiretrace.testing.Lanes;
import io.wiretrace.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A driver killed mid-run (as by {@code kill -9}: the JVM halts, no finally blocks, no shutdown
 * hooks) never leaves a table visible as complete with partial data:
 * <ul>
 *   <li>killed while writing tables: the output is byte-for-byte as before and keeps {@code _SUCCESS};</li>
 *   <li>killed half-way through the commit renames: {@code _SUCCESS} is absent and the commit
 *   journal is present; the next run on that output first finishes the commit, giving exactly the
 *   tables an uninterrupted run writes.</li>
 * </ul>
 */
@Lanes.Slow
class InterruptedRunTest {

    private static final String D1 = "2026-11-01";
    private static final String D2 = "2026-11-02";

    @TempDir
    Path tmp;

    @Test
    void aKilledRunLeavesThePreviousOutputAndAnInterruptedCommitIsFinishedByTheNextRun() throws Exception {
        SparkTestSession.get();
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        new CorpusGenerator(new CorpusGenerator.Settings(300, 5, 0.02, 1000, null)).generate(a);
        new CorpusGenerator(new CorpusGenerator.Settings(300, 6, 0.02, 1000, null)).generate(b);
        Path out = tmp.resolve("out");
        assertEquals(0, run(a, out, D1), "first run");
        Map<String, String> before = Fixtures.treeHashes(out);
        assertTrue(before.containsKey("_SUCCESS"));

        // 1. Killed after two tables were written into staging: nothing under the output changed.
        ChildJvm.Result killedWriting = child("write:2", b, out, D1, "--set", "syndication.enabled=false",
                "--set", "topics.enabled=false");
        assertEquals(FaultInjection.HALT_STATUS, killedWriting.exitCode(), killedWriting.tail());
        assertTrue(killedWriting.output().contains("injected halt at write step 2"), killedWriting.tail());
        assertEquals(before, Fixtures.treeHashes(out), "a run killed before its commit changes nothing");

        // 2. Killed after three of the commit's table steps: not complete, and marked so.
        ChildJvm.Result killedCommitting = child("commit:3", b, out, D1);
        assertEquals(FaultInjection.HALT_STATUS, killedCommitting.exitCode(), killedCommitting.tail());
        assertFalse(Files.exists(out.resolve("_SUCCESS")), "no _SUCCESS while a commit is unfinished");
        assertTrue(Files.exists(out.resolve("_commit.json")), "the commit journal stays for recovery");
        assertTrue(Files.exists(out.resolve("_manifest.json")), "the previous manifest is still published");

        // 3. The next run (another date, same corpus b) finishes that commit before it starts its own.
        assertEquals(0, run(b, out, D2), "run after the crash");
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        assertFalse(Files.exists(out.resolve("_commit.json")));
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> leftovers = files.filter(p -> p.getFileName().toString().contains(".replaced-")
                    || p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), leftovers);
        }

        // D1 now holds exactly what the uninterrupted run of corpus b (D2, in this JVM) wrote.
        for (Tables.Table t : Tables.ALL) {
            Path table = out.resolve(t.name());
            // Rows, not bytes: the first tables of D1 were written by the killed JVM (see Fixtures.fileRows).
            // The date that wrote a story or an index row is the one column that differs.
            String[] dated = t == Tables.STORIES ? new String[] {"first_run_date"}
                    : t == Tables.STORY_INDEX ? new String[] {"index_since"} : new String[0];
            Map<String, Long> expected = Fixtures.fileRows(table.resolve(Tables.PARTITION_COLUMN + "=" + D2), dated);
            assertFalse(expected.isEmpty(), t.name());
            assertEquals(expected, Fixtures.fileRows(table.resolve(Tables.PARTITION_COLUMN + "=" + D1), dated), t.name());
        }
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(out.resolve("_manifests/run_date=" + D2 + ".json").toFile()).get("counts"),
                json.readTree(out.resolve("_manifests/run_date=" + D1 + ".json").toFile()).get("counts"));
        assertEquals(D2, json.readTree(out.resolve("_manifest.json").toFile()).get("run_date").asText());
    }

    /** A run standing alone (no story index window), so that one corpus gives the same tables on any date. */
    private static int run(Path in, Path out, String date) {
        return Main.execute("run", "--input", in.resolve("articles").toString(), "--output", out.toString(),
                "--run-date", date, "--set", "topics.k=3", "--set", "topics.restarts=1",
                "--set", "syndication.window_days=0");
    }

    /** Re-runs date {@code date} with corpus {@code in} in a separate driver JVM that halts at {@code haltAt}. */
    private ChildJvm.Result child(String haltAt, Path in, Path out, String date, String... more) throws Exception {
        String[] args = {"run", "--input", in.resolve("articles").toString(), "--output", out.toString(),
                "--run-date", date, "--overwrite", "--set", "topics.k=3", "--set", "topics.restarts=1"};
        return ChildJvm.runMain(tmp.resolve("child-" + haltAt.replace(':', '-') + ".log"),
                List.of("-Xmx2g", "-D" + FaultInjection.TESTING + "=true", "-D" + FaultInjection.HALT + "=" + haltAt,
                        // The same Spark settings as the test session.
                        "-Dspark.master=local[2,4]", "-Dspark.sql.shuffle.partitions=4", "-Dspark.ui.enabled=false"),
                Fixtures.concat(args, more));
    }
}
