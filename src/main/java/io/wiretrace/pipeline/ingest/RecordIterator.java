package io.wiretrace.pipeline.ingest;

import io.wiretrace.core.ingest.InputRecord;
import io.wiretrace.core.ingest.RecordMapper;
import io.wiretrace.core.ingest.RejectReason;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;

/**
 * Iterator over a stream of records that turns an I/O failure into one final reject record.
 */
abstract class RecordIterator implements Iterator<InputRecord> {
    protected final RecordMapper mapper;
    protected final InputPlan.Split split;
    protected final String file;
    protected final SplitReader.Settings settings;
    protected final Configuration conf;
    /** The open file, closed when reading ends. */
    protected InputStream stream;
    protected long recordsRead;
    private InputRecord next;
    private boolean opened;
    private boolean done;

    RecordIterator(RecordMapper mapper, InputPlan.Split split, SplitReader.Settings settings, Configuration conf) {
        this.mapper = mapper;
        this.split = split;
        this.file = split.file().path();
        this.settings = settings;
        this.conf = conf;
    }

    protected abstract void open() throws IOException;

    protected abstract InputRecord nextRecord() throws IOException;

    protected abstract InputRecord failure(IOException e);

    protected void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (done) {
            return false;
        }
        try {
            if (!opened) {
                opened = true;
                open();
            }
            next = nextRecord();
            if (next != null && RejectReason.DECOMPRESSION_LIMIT.code().equals(next.rejectReason())) {
                finish();
                return true;
            }
        } catch (IOException | RuntimeException e) {
            IOException io = e instanceof IOException ? (IOException) e : new IOException(SplitStreams.describe(e), e);
            next = failure(io);
            finish();
            return true;
        }
        if (next == null) {
            finish();
            return false;
        }
        recordsRead++;
        return true;
    }

    private void finish() {
        done = true;
        try {
            close();
        } catch (IOException ignored) {
            // The data is read; a failing close changes nothing about it.
        }
    }

    @Override
    public InputRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        InputRecord r = next;
        next = null;
        return r;
    }
}
