package io.wiretrace.pipeline.ingest;

import io.wiretrace.config.ConfigException;
import io.wiretrace.config.InputFormat;
import io.wiretrace.core.ingest.ArchiveIndex;
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

    public static InputPlan plan(List<String> inputs, InputFormat format, long splitBytes, Configuration conf) {
        String forcedFormat = format.key();
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
            List<long[]> archiveRanges = f.format().equals("warc") && f.length() > splitBytes
                    ? archiveRanges(f, splitBytes, conf) : List.of();
            if (archiveRanges.size() > 1) {
                for (long[] r : archiveRanges) {
                    splits.add(new InputPlan.Split(f, r[0], r[1] - r[0], false));
                }
            } else if (!splittable) {
                splits.add(new InputPlan.Split(f, 0, f.length(), true));
            } else {
                for (long start = 0; start < f.length(); start += splitBytes) {
                    splits.add(new InputPlan.Split(f, start, Math.min(splitBytes, f.length() - start), false));
                }
            }
        }
        return new InputPlan(List.copyOf(inputs), List.copyOf(files.values()), List.copyOf(skipped), List.copyOf(splits));
    }

    /**
     * Read ranges of a large web archive from the index beside it ({@code NAME.cdxj},
     * {@code NAME.cdx}, with or without the archive's extensions), or none. Reads the index (record
     * metadata, about one line per 20–50 KB of archive) and a few bytes at each range start, to
     * check the index really points at record starts: a stale or foreign index falls back to
     * reading the file whole rather than lose records.
     */
    private static List<long[]> archiveRanges(InputPlan.InputFile f, long splitBytes, Configuration conf) {
        if (!f.compression().equals("gz") && !f.compression().equals("none")) {
            return List.of();
        }
        Path archive = new Path(f.path());
        String name = archive.getName();
        String stem = name.replaceFirst("(?i)\\.(warc|wet)(\\.gz)?$", "");
        try {
            FileSystem fs = archive.getFileSystem(conf);
            for (String base : List.of(name, stem)) {
                for (String suffix : InputFormats.ARCHIVE_INDEX_SUFFIXES) {
                    Path index = new Path(archive.getParent(), base + suffix);
                    if (!fs.exists(index)) {
                        continue;
                    }
                    long[] offsets;
                    try (java.io.InputStream in = fs.open(index)) {
                        offsets = ArchiveIndex.offsets(in, name);
                    }
                    List<long[]> ranges = ArchiveIndex.ranges(offsets, f.length(), splitBytes);
                    return recordStarts(fs, archive, ranges, f.compression()) ? ranges : List.of();
                }
            }
        } catch (IOException e) {
            // An unreadable index only costs parallelism.
        }
        return List.of();
    }

    private static boolean recordStarts(FileSystem fs, Path archive, List<long[]> ranges, String compression)
            throws IOException {
        byte[] expected = compression.equals("gz") ? new byte[] {0x1f, (byte) 0x8b} : "WARC/".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII);
        try (org.apache.hadoop.fs.FSDataInputStream in = fs.open(archive)) {
            for (long[] r : ranges) {
                byte[] head = new byte[expected.length];
                in.readFully(r[0], head);
                if (!java.util.Arrays.equals(head, expected)) {
                    return false;
                }
            }
        }
        return true;
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
                        + "': use --format jsonl|csv|parquet|pages|warc");
            }
            skipped.add(path);
            return;
        }
        files.put(path, new InputPlan.InputFile(path, d.get().format(), d.get().compression(), d.get().delimiter(),
                f.getLen()));
    }
}
