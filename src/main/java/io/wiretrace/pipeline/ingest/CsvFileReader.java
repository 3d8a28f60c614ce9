package io.wiretrace.pipeline.ingest;

import io.wiretrace.core.ingest.CsvReader;
import io.wiretrace.core.ingest.InputRecord;
import io.wiretrace.core.ingest.RecordMapper;
import io.wiretrace.core.ingest.RejectReason;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Streaming CSV reader for one whole file (a quoted field may span lines, so CSV is never split). */
final class CsvFileReader extends RecordIterator {
    private SplitStreams.CountingStream counter;
    private CsvReader reader;
    private SplitStreams.CountingStream decompressedCounter;

    CsvFileReader(InputPlan.Split split, RecordMapper mapper, SplitReader.Settings settings, Configuration conf) {
        super(mapper, split, settings, conf);
    }

    @Override
    protected void open() throws IOException {
        Path p = new Path(split.file().path());
        stream = p.getFileSystem(conf).open(p);
        counter = new SplitStreams.CountingStream(stream);
        decompressedCounter = new SplitStreams.CountingStream(SplitStreams.decompress(counter, split.file().compression(), conf));
        char delimiter = split.file().delimiter() != 0 ? split.file().delimiter() : settings.csvDelimiter();
        reader = new CsvReader(decompressedCounter, delimiter, settings.maxRecordBytes(), mapper, file);
    }

    @Override
    protected InputRecord nextRecord() throws IOException {
        InputRecord r = reader.next();
        if (r != null && SplitStreams.bomb(decompressedCounter.count, counter.count, settings.maxCompressionRatio())) {
            return mapper.reject(file, r.location(), r.ordinal(), RejectReason.DECOMPRESSION_LIMIT,
                    "expanded " + decompressedCounter.count + " bytes from " + counter.count, null);
        }
        return r;
    }

    @Override
    protected InputRecord failure(IOException e) {
        return mapper.reject(file, reader == null ? "file" : "line " + reader.line(),
                reader == null ? 0 : reader.line(), reader == null || reader.header() == null ? RejectReason.UNREADABLE_FILE
                        : RejectReason.TRUNCATED_FILE, SplitStreams.describe(e), null);
    }
}
