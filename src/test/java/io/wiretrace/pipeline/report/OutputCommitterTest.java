package io.wiretrace.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit protocol on its own (local file system, no Spark): staged partitions move into
 * place, a date is replaced whole and other dates are kept, a foreign or taken target is refused,
 * a failed run leaves nothing, and a commit cut off after its journal is finished by the next run.
 */
class OutputCommitterTest {

    @TempDir
    Path tmp;

    private OutputCommitter committer(String runId, String date, boolean overwrite) {
        return new OutputCommitter(tmp.resolve("out").toString(), runId, date, overwrite, new Configuration());
    }

    /** Stages one file per table in {@code tables} and a manifest, as a run would. */
    private static void stage(OutputCommitter c, String content, String... tables) throws IOException {
        for (String t : tables) {
            Path dir = Path.of(java.net.URI.create(c.stagingPath(t)));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("part-0.parquet"), content + ":" + t);
        }
        try (var out = c.fileSystem().create(c.stagedManifest(), true)) {
            out.write(("{\"run\":\"" + content + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A run that staged {@code tables} (contents tagged {@code content}) and committed. */
    private OutputCommitter committed(String runId, String date, boolean overwrite, String content, String... tables)
            throws IOException {
        OutputCommitter c = committer(runId, date, overwrite);
        c.checkTarget();
        stage(c, content, tables);
        c.commit();
        return c;
    }

    private String read(String table, String date) throws IOException {
        Path p = tmp.resolve("out").resolve(table).resolve("run_date=" + date).resolve("part-0.parquet");
        return Files.exists(p) ? Files.readString(p) : null;
    }

    @Test
    void aCommitMovesEveryStagedTableIntoPlaceAndPublishesTheManifest() throws Exception {
        OutputCommitter c = committer("r1", "2026-11-27", false);
        c.checkTarget();
        stage(c, "one", "articles", "rejects");
        c.commit();
        assertEquals("one:articles", read("articles", "2026-11-27"));
        assertEquals("one:rejects", read("rejects", "2026-11-27"));
        assertTrue(Files.exists(tmp.resolve("out/_SUCCESS")));
        assertEquals("{\"run\":\"one\"}", Files.readString(tmp.resolve("out/_manifest.json")));
        assertEquals("{\"run\":\"one\"}", Files.readString(tmp.resolve("out/_manifests/run_date=2026-11-27.json")));
        assertFalse(Files.exists(Path.of(java.net.URI.create(c.stagingDir()))), "staging removed");
        assertFalse(Files.exists(tmp.resolve("out/_commit.json")), "journal removed");
    }

    @Test
    void aDateIsReplacedWholeAndOtherDatesAreKept() throws Exception {
        committed("r1", "2026-11-27", false, "one", "articles", "rejects");
        committed("r2", "2026-11-28", false, "two", "articles", "rejects");

        ConfigException taken = assertThrows(ConfigException.class, () -> committer("r3", "2026-11-27", false).checkTarget());
        assertTrue(taken.getMessage().contains("use --overwrite"), taken.getMessage());

        committed("r3", "2026-11-27", true, "three", "articles"); // no rejects this time
        assertEquals("three:articles", read("articles", "2026-11-27"));
        assertNull(read("rejects", "2026-11-27"), "a date never mixes two runs");
        assertEquals("two:articles", read("articles", "2026-11-28"));
        assertEquals("two:rejects", read("rejects", "2026-11-28"));
    }

    @Test
    void aForeignOrFileTargetIsRefused() throws Exception {
        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/notes.txt"), "someone else's");
        ConfigException foreign = assertThrows(ConfigException.class, () -> committer("r1", "2026-11-27", true).checkTarget());
        assertTrue(foreign.getMessage().contains("not a wiretrace output"), foreign.getMessage());

        Files.delete(tmp.resolve("out/notes.txt"));
        Files.delete(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out"), "a file");
        ConfigException file = assertThrows(ConfigException.class, () -> committer("r1", "2026-11-27", true).checkTarget());
        assertTrue(file.getMessage().contains("it is a file"), file.getMessage());
    }

    @Test
    void abortRemovesTheStagedRunAndLeavesTheOutputAsItWas() throws Exception {
        committed("r1", "2026-11-27", false, "one", "articles");
        OutputCommitter failed = committer("r2", "2026-11-27", true);
        stage(failed, "two", "articles");
        failed.abort();
        assertFalse(Files.exists(Path.of(java.net.URI.create(failed.stagingDir()))));
        assertEquals("one:articles", read("articles", "2026-11-27"));
    }

    @Test
    void aCommitCutOffAfterItsJournalIsFinishedByTheNextRun() throws Exception {
        committed("r1", "2026-11-27", false, "one", "articles", "rejects");
        // A second run staged its tables and wrote its journal, then its driver died.
        OutputCommitter killed = committer("r2", "2026-11-27", true);
        stage(killed, "two", "articles");
        new ObjectMapper().writeValue(tmp.resolve("out/_commit.json").toFile(),
                new OutputCommitter.Journal(killed.stagingDir(), "2026-11-27", List.of("articles")));
        Files.delete(tmp.resolve("out/_SUCCESS"));
        killed.abort(); // the journal names the staging directory: abort must keep it
        assertTrue(Files.exists(Path.of(java.net.URI.create(killed.stagingDir()))));

        OutputCommitter next = committer("r3", "2026-11-28", false);
        assertEquals("2026-11-27", next.recoverInterruptedCommit());
        assertEquals("two:articles", read("articles", "2026-11-27"));
        assertNull(read("rejects", "2026-11-27"));
        assertTrue(Files.exists(tmp.resolve("out/_SUCCESS")));
        assertNull(next.recoverInterruptedCommit(), "nothing left to recover");
    }
}
