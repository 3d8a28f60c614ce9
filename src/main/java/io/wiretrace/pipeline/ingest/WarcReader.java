package io.wiretrace.pipeline.ingest;

import io.wiretrace.core.ingest.InputRecord;
import io.wiretrace.core.ingest.RecordMapper;
import io.wiretrace.core.ingest.RejectReason;
import io.wiretrace.core.ingest.WarcArticles;
import io.wiretrace.core.ingest.WarcPages;
import io.wiretrace.core.outlet.OutletRegistry;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * Streaming web-archive reader for one split: a whole file, or the records starting in
 * {@code [start, start+length)} when an index gave record offsets. One record (bounded by
 * input.max_record_bytes) is in memory at a time; the HTML is decoded and extracted here, on
 * the executor.
 */
final class WarcReader extends RecordIterator {
    private final WarcArticles articles;
    private WarcPages pages;

    WarcReader(InputPlan.Split split, RecordMapper mapper, SplitReader.Settings settings, Configuration conf,
               OutletRegistry titleSources) {
        super(mapper, split, settings, conf);
        this.articles = new WarcArticles(mapper, titleSources);
    }

    @Override
    protected void open() throws IOException {
        FSDataInputStream in = SplitStreams.openAt(split, split.start(), conf);
        stream = in;
        String compression = split.file().compression();
        // jwarc reads plain and gzip-per-record WARC itself (and needs the raw gzip members to
        // report record offsets); other compressions are undone first.
        InputStream raw = compression.equals("gz") || compression.equals("none") ? in
                : SplitStreams.decompress(in, compression, conf);
        pages = new WarcPages(raw, split.start(), settings.maxRecordBytes());
    }

    @Override
    protected InputRecord nextRecord() {
        WarcPages.Page page = pages.next();
        if (page == null || (!split.wholeFile() && page.offset() >= split.start() + split.length())) {
            return null;
        }
        return articles.toRecord(file, page);
    }

    @Override
    protected InputRecord failure(IOException e) {
        return mapper.reject(file, "file", split.start(), pages == null ? RejectReason.UNREADABLE_FILE
                : RejectReason.TRUNCATED_FILE, SplitStreams.describe(e), null);
    }

    @Override
    protected void close() throws IOException {
        if (pages != null) {
            pages.close(); // closes the stream under it
        } else {
            super.close();
        }
    }
}
