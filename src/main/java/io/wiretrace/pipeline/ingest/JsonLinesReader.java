package io.wiretrace.pipeline.ingest;

import io.wiretrace.core.ingest.BoundedLineReader;
import io.wiretrace.core.ingest.InputRecord;
import io.wiretrace.core.ingest.JsonLinesParser;
import io.wiretrace.core.ingest.RecordMapper;
import io.wiretrace.core.ingest.RejectReason;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;

/** Streaming JSON Lines reader for one split: a line belongs to the split holding its first byte. */
final class JsonLinesReader extends RecordIterator {
    private final JsonLinesParser parser;
    private final long end;
    private SplitStreams.CountingStream counter;
    private BoundedLineReader reader;

    JsonLinesReader(InputPlan.Split split, RecordMapper mapper, SplitReader.Settings settings, Configuration conf) {
        super(mapper, split, settings, conf);
        this.parser = new JsonLinesParser(mapper);
        this.end = split.start() + split.length();
    }

    @Override
    protected void open() throws IOException {
        // A line belongs to the split holding its first byte: back up one byte and skip to the
        // end of the line that byte is in.
        FSDataInputStream in = SplitStreams.openAt(split, Math.max(0, split.start() - 1), conf);
        stream = in;
        counter = new SplitStreams.CountingStream(in);
        if (split.start() > 0) {
            reader = new BoundedLineReader(counter, split.start() - 1, settings.maxRecordBytes());
            reader.skipRestOfLine();
        } else {
            reader = new BoundedLineReader(SplitStreams.decompress(counter, split.file().compression(), conf), 0,
                    settings.maxRecordBytes());
        }
    }

    @Override
    protected InputRecord nextRecord() throws IOException {
        while (true) {
            BoundedLineReader.Line line = reader.next();
            if (line == null || (!split.wholeFile() && line.offset() >= end)) {
                return null;
            }
            String location = location(line.number(), line.offset());
            long ordinal = split.wholeFile() ? line.number() : line.offset();
            if (!split.file().compression().equals("none")
                    && SplitStreams.bomb(reader.position() - split.start(), counter.count, settings.maxCompressionRatio())) {
                return mapper.reject(file, location, ordinal, RejectReason.DECOMPRESSION_LIMIT,
                        "expanded " + reader.position() + " bytes from " + counter.count, null);
            }
            InputRecord r = parser.parse(file, location, ordinal, line);
            if (r != null) {
                return r;
            }
        }
    }

    @Override
    protected InputRecord failure(IOException e) {
        long next = reader == null ? 1 : reader.lineNumber() + 1;
        long pos = reader == null ? split.start() : reader.position();
        return mapper.reject(file, reader == null ? "file" : location(next, pos),
                split.wholeFile() ? next : pos, reader == null ? RejectReason.UNREADABLE_FILE : RejectReason.TRUNCATED_FILE,
                SplitStreams.describe(e), null);
    }

    private String location(long number, long offset) {
        return split.wholeFile() ? "line " + number : "byte " + offset;
    }
}
