package io.wiretrace.pipeline.ingest;

import io.wiretrace.config.ConfigException;
import io.wiretrace.core.ingest.InputFormats;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Expands input paths (files, directories read recursively, globs; any Hadoop file system) into a
 * sorted file list and read splits. Runs on the driver and touches only file metadata, never data.
 */
public final class InputPlanner {

    private InputPlanner() {}

    public static InputPlan plan(List<String> inputs, String forcedFormat, long splitBytes, Configuration conf) {
        TreeMap<String, InputPlan.InputFile> files = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        for (String input : inputs) {
            Path pattern = new Path(input);
            FileStatus[] matches;
            try {
                FileSystem fs = pattern.getFileSystem(conf);
                matches = fs.globStatus(pattern);
                if (matches == null || matches.length == 0) {
                    throw new ConfigException("Cannot read input '" + input + "': no such file or directory");
                }
                for (FileStatus m : matches) {
                    if (m.isDirectory()) {
                        RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
                        while (it.hasNext()) {
                            LocatedFileStatus f = it.next();
                            if (f.isFile() && !hiddenBelow(m.getPath(), f.getPath())) {
                                add(files, skipped, f, forcedFormat, false);
                            }
                        }
                    } else {
                        add(files, skipped, m, forcedFormat, true);
                    }
                }
            } catch (FileNotFoundException e) {
                throw new ConfigException("Cannot read input '" + input + "': no such file or directory", e);
            } catch (IOException e) {
                throw new ConfigException("Cannot read input '" + input + "': " + e.getMessage(), e);
            }
        }
        if (files.isEmpty()) {
            throw new ConfigException("Cannot run: no input files found in " + inputs
                    + (skipped.isEmpty() ? "" : " (passed over, unknown format: " + skipped.size() + " files; use --format)"));
        }
        List<InputPlan.Split> splits = new ArrayList<>();
        for (InputPlan.InputFile f : files.values()) {
            boolean splittable = f.format().equals("jsonl") && f.compression().equals("none") && f.length() > splitBytes;
            if (!splittable) {
                splits.add(new InputPlan.Split(f, 0, f.length(), true));
            } else {
                for (long start = 0; start < f.length(); start += splitBytes) {
                    splits.add(new InputPlan.Split(f, start, Math.min(splitBytes, f.length() - start), false));
                }
            }
        }
        return new InputPlan(List.copyOf(inputs), List.copyOf(files.values()), List.copyOf(skipped), List.copyOf(splits));
    }

    /** Hadoop's convention: names starting with '.' or '_' (and everything below them) are not data. */
    private static boolean hiddenBelow(Path root, Path file) {
        for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
            if (InputFormats.isIgnored(p.getName())) {
                return true;
            }
        }
        return false;
    }

    private static void add(TreeMap<String, InputPlan.InputFile> files, List<String> skipped, FileStatus f,
                            String forcedFormat, boolean named) {
        String name = f.getPath().getName();
        String path = f.getPath().toString();
        if (!named && InputFormats.isIgnored(name)) {
            return;
        }
        Optional<InputFormats.Detected> d = InputFormats.detect(name, forcedFormat);
        if (d.isEmpty()) {
            if (named) {
                throw new ConfigException("Cannot detect the format of '" + path
                        + "': use --format jsonl|csv|parquet|pages");
            }
            skipped.add(path);
            return;
        }
        files.put(path, new InputPlan.InputFile(path, d.get().format(), d.get().compression(), d.get().delimiter(),
                f.getLen()));
    }
}
