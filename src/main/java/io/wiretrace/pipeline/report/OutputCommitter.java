package io.wiretrace.pipeline.report;

import io.wiretrace.config.ConfigException;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * All-or-nothing output: tables are written to a staging directory beside the target, and the
 * staging directory is renamed into place only after every table and the manifest are written.
 * An interrupted run leaves the previous output untouched and no half-written directory under the
 * target's name; {@code _SUCCESS} marks a complete run.
 */
public final class OutputCommitter {

    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final boolean overwrite;

    public OutputCommitter(String output, String runId, boolean overwrite, Configuration conf) {
        try {
            Path t = new Path(output);
            this.fs = t.getFileSystem(conf);
            this.target = fs.makeQualified(t);
        } catch (IOException e) {
            throw new ConfigException("Cannot use output '" + output + "': " + e.getMessage(), e);
        }
        this.staging = new Path(target.getParent(), "." + target.getName() + ".staging-" + runId);
        this.overwrite = overwrite;
    }

    /** Fails (usage error) when the target exists and --overwrite was not given. */
    public void checkTarget() {
        try {
            if (fs.exists(target) && !overwrite) {
                throw new ConfigException("Cannot write to '" + target + "': it exists (use --overwrite to replace it)");
            }
            if (fs.exists(target) && !fs.getFileStatus(target).isDirectory()) {
                throw new ConfigException("Cannot write to '" + target + "': it is a file, not a directory");
            }
        } catch (IOException e) {
            throw new ConfigException("Cannot check output '" + target + "': " + e.getMessage(), e);
        }
    }

    public String stagingDir() {
        return staging.toString();
    }

    public String targetDir() {
        return target.toString();
    }

    public FileSystem fileSystem() {
        return fs;
    }

    /** Marks the staging directory complete and moves it into place (replacing the old output). */
    public void commit() throws IOException {
        fs.create(new Path(staging, "_SUCCESS"), true).close();
        Path old = null;
        if (fs.exists(target)) {
            if (!overwrite) {
                throw new IOException("Cannot commit: '" + target + "' appeared during the run");
            }
            old = new Path(target.getParent(), "." + target.getName() + ".replaced-" + staging.getName());
            if (!fs.rename(target, old)) {
                throw new IOException("Cannot commit: failed to move the old output aside");
            }
        }
        if (!fs.rename(staging, target)) {
            if (old != null) {
                fs.rename(old, target);
            }
            throw new IOException("Cannot commit: failed to rename '" + staging + "' to '" + target + "'");
        }
        if (old != null) {
            fs.delete(old, true);
        }
    }

    /** Removes the staging directory after a failure. */
    public void abort() {
        try {
            fs.delete(staging, true);
        } catch (IOException ignored) {
            // Best effort: a leftover staging directory is hidden (dot name) and harmless.
        }
    }
}
