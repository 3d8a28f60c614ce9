package io.wiretrace.pipeline.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * What a run will read: the input files with their detected formats, the files passed over, and
 * the read splits (one per file, or byte ranges of a large uncompressed JSON Lines file or of a
 * web archive with a record index beside it).
 */
public record InputPlan(List<String> inputs, List<InputFile> files, List<String> skipped, List<Split> splits) {

    /** One input file. */
    public record InputFile(String path, String format, String compression, char delimiter, long length)
            implements Serializable {}

    /** A unit of reading work: {@code [start, start+length)} of one file. */
    public record Split(InputFile file, long start, long length, boolean wholeFile) implements Serializable {}

    public long totalBytes() {
        return files.stream().mapToLong(InputFile::length).sum();
    }
}
