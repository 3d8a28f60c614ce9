package io.wiretrace.pipeline.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.config.ConfigException;
import io.wiretrace.pipeline.FaultInjection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Output for scheduled use: every table is partitioned by run date ({@code TABLE/run_date=D/}),
 * a run writes its date only, and a re-run of a date replaces that date only (the effect of
 * Spark's dynamic partition overwrite, without its window where a partition is half-written).
 *
 * <p>How: the run writes every table into a staging directory beside the output (hidden name,
 * same file system). Nothing under the output changes until every table and the manifest are
 * written and verified. Then, table by table, the staged partition (complete, with Spark's
 * {@code _SUCCESS}) is renamed into place; an existing partition of the same date is first moved
 * aside and deleted after. A rename is atomic on HDFS and local disks, so a reader sees each
 * table's date either as before or as after the run, never half of it, and an interrupted run
 * leaves the previous output intact. Object stores have no atomic rename: see
 * docs/operations.md.
 *
 * <p>Layout: {@code DIR/TABLE/run_date=D/part-*.parquet} (+ {@code _SUCCESS}),
 * {@code DIR/_manifests/run_date=D.json} and {@code DIR/_reports/run_date=D.html} per date,
 * {@code DIR/_manifest.json} and {@code DIR/report.html} (the last run committed) and
 * {@code DIR/_SUCCESS} (present only while no commit is in progress) and, only while a commit
 * is in progress or was interrupted, {@code DIR/_commit.json}.
 */
public final class OutputCommitter {

    private static final Logger LOG = LoggerFactory.getLogger(OutputCommitter.class);

    private static final String MANIFESTS = "_manifests";
    private static final String REPORTS = "_reports";
    private static final String JOURNAL = "_commit.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final String runDate;
    private final boolean overwrite;

    public OutputCommitter(String output, String runId, String runDate, boolean overwrite, Configuration conf) {
        try {
            Path t = new Path(output);
            this.fs = t.getFileSystem(conf);
            this.target = fs.makeQualified(t);
        } catch (IOException e) {
            throw new ConfigException("Cannot use output '" + output + "': " + e.getMessage(), e);
        }
        if (target.getParent() == null) {
            throw new ConfigException("Cannot use output '" + output + "': the root directory cannot be an output");
        }
        this.staging = new Path(target.getParent(), "." + target.getName() + ".staging-" + runId);
        this.runDate = runDate;
        this.overwrite = overwrite;
    }

    /** The partition directory name of this run's date. */
    public String partition() {
        return Tables.PARTITION_COLUMN + "=" + runDate;
    }

    public String runDate() {
        return runDate;
    }

    /**
     * Fails (usage error) when the output is a file, a non-empty directory that is not a wiretrace
     * output, or already holds this run date and --overwrite was not given.
     */
    public void checkTarget() {
        try {
            if (!fs.exists(target)) {
                return;
            }
            if (!fs.getFileStatus(target).isDirectory()) {
                throw new ConfigException("Cannot write to '" + target + "': it is a file, not a directory");
            }
            FileStatus[] children = fs.listStatus(target);
            boolean ours = fs.exists(new Path(target, "_manifest.json")) || fs.exists(new Path(target, MANIFESTS))
                    || fs.exists(journal());
            if (children.length > 0 && !ours) {
                throw new ConfigException("Cannot write to '" + target + "': it is not empty and not a wiretrace output");
            }
            if (!overwrite && !existingPartitions().isEmpty()) {
                throw new ConfigException("Cannot write run date " + runDate + " to '" + target
                        + "': that date exists (use --overwrite to replace it; other dates are kept)");
            }
        } catch (IOException e) {
            throw new ConfigException("Cannot check output '" + target + "': " + e.getMessage(), e);
        }
    }

    /** Tables of the output that hold this run's date. */
    List<String> existingPartitions() throws IOException {
        List<String> out = new ArrayList<>();
        for (Tables.Table t : Tables.ALL) {
            if (fs.exists(new Path(new Path(target, t.name()), partition()))) {
                out.add(t.name());
            }
        }
        return out;
    }

    /** Where the run writes: the table's partition directory under the staging directory. */
    public String stagingPath(String table) {
        return new Path(new Path(staging, table), partition()).toString();
    }

    public String stagingDir() {
        return staging.toString();
    }

    public String targetDir() {
        return target.toString();
    }

    /** The committed location of a table's partition for this run. */
    public String targetPath(String table) {
        return new Path(new Path(target, table), partition()).toString();
    }

    public FileSystem fileSystem() {
        return fs;
    }

    /** The staged manifest, written by the run before {@link #commit}. */
    public Path stagedManifest() {
        return new Path(staging, "_manifest.json");
    }

    /** The staged HTML run summary, written by the run before {@link #commit}. */
    public Path stagedReport() {
        return new Path(staging, "report.html");
    }

    /**
     * Moves every staged table partition into place, removes this date from tables the run did
     * not write (so a date never mixes two runs), then publishes the manifest.
     *
     * <p>Before the first rename, a commit journal ({@code DIR/_commit.json}: staging directory,
     * run date, tables written) is written; it is removed after the last step. Every step is
     * idempotent, so a driver killed anywhere in between leaves a journal from which the next run
     * on this output finishes the commit ({@link #recoverInterruptedCommit}): everything the
     * journal names was already written and verified, so rolling forward is safe. Until then
     * {@code DIR/_SUCCESS} is absent, which is what scheduled readers check.
     */
    public void commit() throws IOException {
        fs.mkdirs(target);
        fs.delete(new Path(target, "_SUCCESS"), false);
        if (!overwrite && !existingPartitions().isEmpty()) {
            throw new IOException("Cannot commit: run date " + runDate + " appeared in '" + target + "' during the run");
        }
        List<String> written = new ArrayList<>();
        for (Tables.Table t : Tables.ALL) {
            if (fs.exists(new Path(new Path(staging, t.name()), partition()))) {
                written.add(t.name());
            }
        }
        Journal journal = new Journal(staging.toString(), runDate, written);
        Path tmp = new Path(target, "._commit.json.tmp");
        try (java.io.OutputStream out = fs.create(tmp, true)) {
            JSON.writeValue(out, journal);
        }
        if (!fs.rename(tmp, journal())) {
            throw new IOException("Cannot commit: failed to write the commit journal '" + journal() + "'");
        }
        finish(fs, target, journal);
        LOG.info("Committed run date {} ({} tables) to {}", runDate, written.size(), target);
    }

    /**
     * Finishes a commit that a killed run left half done (its journal is present), so that the
     * output is complete again before this run starts. Returns the run date it finished, or null
     * when there was nothing to recover.
     */
    public String recoverInterruptedCommit() {
        try {
            if (!fs.exists(journal())) {
                return null;
            }
            Journal journal;
            try (java.io.InputStream in = fs.open(journal())) {
                journal = JSON.readValue(in, Journal.class);
            }
            finish(fs, target, journal);
            return journal.runDate();
        } catch (IOException e) {
            throw new ConfigException("Cannot recover the interrupted commit in '" + target + "': " + e.getMessage(), e);
        }
    }

    private Path journal() {
        return new Path(target, JOURNAL);
    }

    /** The steps of a commit; each one checks what is already done, so running them twice is safe. */
    private static void finish(FileSystem fs, Path target, Journal j) throws IOException {
        Path staging = new Path(j.staging());
        String partition = Tables.PARTITION_COLUMN + "=" + j.runDate();
        for (Tables.Table t : Tables.ALL) {
            Path staged = new Path(new Path(staging, t.name()), partition);
            Path tableDir = new Path(target, t.name());
            Path live = new Path(tableDir, partition);
            Path aside = new Path(tableDir, "." + partition + ".replaced-" + staging.getName());
            if (!j.tables().contains(t.name()) || fs.exists(staged)) {
                // The date's old partition (if any) goes aside first: a reader never sees it half deleted.
                if (fs.exists(live) && !fs.exists(aside) && !fs.rename(live, aside)) {
                    throw new IOException("Cannot commit: failed to move '" + live + "' aside");
                }
                if (fs.exists(staged)) {
                    fs.mkdirs(tableDir);
                    if (!fs.rename(staged, live)) {
                        throw new IOException("Cannot commit: failed to rename '" + staged + "' to '" + live + "'");
                    }
                }
            }
            fs.delete(aside, true);
            FaultInjection.maybeHalt("commit");
        }
        Path report = new Path(staging, "report.html");
        if (fs.exists(report)) {
            publish(fs, target, partition, report, REPORTS, ".html", "report.html");
        }
        Path manifest = new Path(staging, "_manifest.json");
        if (fs.exists(manifest)) {
            publish(fs, target, partition, manifest, MANIFESTS, ".json", "_manifest.json");
        }
        fs.delete(staging, true);
        fs.delete(new Path(target, JOURNAL), false);
        fs.create(new Path(target, "_SUCCESS"), true).close();
    }

    /** What a commit is about to do: enough to finish it after a crash. */
    public record Journal(@JsonProperty("staging") String staging, @JsonProperty("run_date") String runDate,
                          @JsonProperty("tables") List<String> tables) {}

    /** Copies a staged run file to {@code DIR/folder/run_date=D.ext}, then moves it to {@code DIR/latest}. */
    private static void publish(FileSystem fs, Path target, String partition, Path staged, String folder, String ext,
                                String latest) throws IOException {
        Path dir = new Path(target, folder);
        fs.mkdirs(dir);
        Path dated = new Path(dir, partition + ext);
        Path tmp = new Path(dir, "." + partition + ext + ".tmp");
        FileUtil.copy(fs, staged, fs, tmp, false, true, fs.getConf());
        fs.delete(dated, false);
        fs.rename(tmp, dated);
        Path live = new Path(target, latest);
        fs.delete(live, false);
        fs.rename(staged, live);
    }

    /**
     * Removes the staging directory after a failure — unless the commit had started: then the
     * journal needs it, and the next run finishes the commit from it.
     */
    public void abort() {
        try {
            if (!fs.exists(journal())) {
                fs.delete(staging, true);
                LOG.warn("Aborted run date {}: staging {} removed, {} unchanged", runDate, staging, target);
            } else {
                LOG.warn("Aborted run date {} during its commit: the journal stays, the next run on {} finishes it",
                        runDate, target);
            }
        } catch (IOException ignored) {
            // Best effort: a leftover staging directory is hidden (dot name) and harmless.
        }
    }
}
