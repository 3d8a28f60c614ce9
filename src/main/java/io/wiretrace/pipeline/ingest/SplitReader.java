package io.wiretrace.pipeline.ingest;

import io.wiretrace.core.ingest.BoundedLineReader;
import io.wiretrace.core.ingest.CsvReader;
import io.wiretrace.core.ingest.InputRecord;
import io.wiretrace.core.ingest.JsonLinesParser;
import io.wiretrace.core.ingest.PageDumpParser;
import io.wiretrace.core.ingest.PageSidecar;
import io.wiretrace.core.ingest.RecordMapper;
import io.wiretrace.core.ingest.RejectReason;
import io.wiretrace.core.ingest.RelativeTime;
import io.wiretrace.core.ingest.Utf8;
import io.wiretrace.core.ingest.WarcArticles;
import io.wiretrace.core.ingest.WarcPages;
import io.wiretrace.core.outlet.OutletRegistry;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.util.ReflectionUtils;

/**
 * Reads one split into records, on an executor. Streams: memory stays bounded by one record
 * whatever the file size. Any I/O failure (truncated gzip, corrupt bzip2, unreadable file)
 * becomes a reject at the point it happened, and what was read before it is kept.
 */
public final class SplitReader implements Serializable {

    /** What a reader needs from the configuration. */
    public record Settings(RecordMapper.Settings mapper, int maxRecordBytes, double maxCompressionRatio,
                           String defaultTimezone, char csvDelimiter, String pagesScrapedAt, String relatedHeading,
                           List<String> chromeLines) implements Serializable {}

    /** Decompressed bytes below which the compression ratio is not checked. */
    static final long RATIO_CHECK_FLOOR = 64L * 1024 * 1024;

    private final Settings settings;
    private final HadoopConf conf;
    private final OutletRegistry titleSources;

    public SplitReader(Settings settings, HadoopConf conf) {
        this(settings, conf, OutletRegistry.EMPTY);
    }

    /** @param titleSources registry entries naming a {@code title_source}, for web-archive pages */
    public SplitReader(Settings settings, HadoopConf conf, OutletRegistry titleSources) {
        this.settings = settings;
        this.conf = conf;
        this.titleSources = titleSources;
    }

    public Iterator<InputRecord> read(InputPlan.Split split) {
        RecordMapper mapper = new RecordMapper(settings.mapper());
        String file = split.file().path();
        try {
            switch (split.file().format()) {
                case "jsonl":
                    return new JsonLinesIterator(split, mapper);
                case "csv":
                    return new CsvIterator(split, mapper);
                case "pages":
                    return readPage(split, mapper).iterator();
                case "warc":
                    return new WarcIterator(split, mapper);
                default:
                    throw new IllegalArgumentException("Cannot read format '" + split.file().format() + "' here");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw (IllegalArgumentException) e;
            }
            return Collections.singletonList(mapper.reject(file, "file", 0, RejectReason.UNREADABLE_FILE,
                    describe(e), null)).iterator();
        }
    }

    /** The split's file, opened and positioned at {@code position}. */
    private FSDataInputStream openAt(InputPlan.Split split, long position) throws IOException {
        Path p = new Path(split.file().path());
        FSDataInputStream in = p.getFileSystem(conf.get()).open(p);
        if (position > 0) {
            in.seek(position);
        }
        return in;
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.split("\n", 2)[0]);
    }

    /** Counts compressed bytes so the expansion ratio can be watched. */
    static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    private static InputStream decompress(InputStream raw, String compression, Configuration conf) throws IOException {
        switch (compression) {
            case "none":
                return raw;
            case "gz":
                return new GZIPInputStream(raw, 64 * 1024);
            case "bz2":
                return ReflectionUtils.newInstance(BZip2Codec.class, conf).createInputStream(raw);
            case "zst":
                return new com.github.luben.zstd.ZstdInputStream(raw);
            default:
                throw new IOException("Unknown compression '" + compression + "'");
        }
    }

    /** Streaming JSON Lines reader for one split. */
    private final class JsonLinesIterator extends RecordIterator {
        private final JsonLinesParser parser;
        private final long end;
        private CountingStream counter;
        private BoundedLineReader reader;

        JsonLinesIterator(InputPlan.Split split, RecordMapper mapper) {
            super(mapper, split);
            this.parser = new JsonLinesParser(mapper);
            this.end = split.start() + split.length();
        }

        @Override
        protected void open() throws IOException {
            // A line belongs to the split holding its first byte: back up one byte and skip to the
            // end of the line that byte is in.
            FSDataInputStream in = openAt(split, Math.max(0, split.start() - 1));
            stream = in;
            counter = new CountingStream(in);
            if (split.start() > 0) {
                reader = new BoundedLineReader(counter, split.start() - 1, settings.maxRecordBytes());
                reader.skipRestOfLine();
            } else {
                reader = new BoundedLineReader(decompress(counter, split.file().compression(), conf.get()), 0,
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
                        && bomb(reader.position() - split.start(), counter.count)) {
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
                    describe(e), null);
        }

        private String location(long number, long offset) {
            return split.wholeFile() ? "line " + number : "byte " + offset;
        }
    }

    private boolean bomb(long decompressed, long compressed) {
        return decompressed > RATIO_CHECK_FLOOR && decompressed > settings.maxCompressionRatio() * Math.max(1, compressed);
    }

    /** Streaming CSV reader for one whole file. */
    private final class CsvIterator extends RecordIterator {
        private CountingStream counter;
        private CsvReader reader;
        private CountingStream decompressedCounter;

        CsvIterator(InputPlan.Split split, RecordMapper mapper) {
            super(mapper, split);
        }

        @Override
        protected void open() throws IOException {
            Path p = new Path(split.file().path());
            stream = p.getFileSystem(conf.get()).open(p);
            counter = new CountingStream(stream);
            decompressedCounter = new CountingStream(decompress(counter, split.file().compression(), conf.get()));
            char delimiter = split.file().delimiter() != 0 ? split.file().delimiter() : settings.csvDelimiter();
            reader = new CsvReader(decompressedCounter, delimiter, settings.maxRecordBytes(), mapper, file);
        }

        @Override
        protected InputRecord nextRecord() throws IOException {
            InputRecord r = reader.next();
            if (r != null && bomb(decompressedCounter.count, counter.count)) {
                return mapper.reject(file, r.location(), r.ordinal(), RejectReason.DECOMPRESSION_LIMIT,
                        "expanded " + decompressedCounter.count + " bytes from " + counter.count, null);
            }
            return r;
        }

        @Override
        protected InputRecord failure(IOException e) {
            return mapper.reject(file, reader == null ? "file" : "line " + reader.line(),
                    reader == null ? 0 : reader.line(), reader == null || reader.header() == null ? RejectReason.UNREADABLE_FILE
                            : RejectReason.TRUNCATED_FILE, describe(e), null);
        }
    }

    /**
     * Streaming web-archive reader for one split: a whole file, or the records starting in
     * {@code [start, start+length)} when an index gave record offsets. One record (bounded by
     * input.max_record_bytes) is in memory at a time; the HTML is decoded and extracted here, on
     * the executor.
     */
    private final class WarcIterator extends RecordIterator {
        private final WarcArticles articles;
        private WarcPages pages;

        WarcIterator(InputPlan.Split split, RecordMapper mapper) {
            super(mapper, split);
            this.articles = new WarcArticles(mapper, titleSources);
        }

        @Override
        protected void open() throws IOException {
            FSDataInputStream in = openAt(split, split.start());
            stream = in;
            String compression = split.file().compression();
            // jwarc reads plain and gzip-per-record WARC itself (and needs the raw gzip members to
            // report record offsets); other compressions are undone first.
            InputStream raw = compression.equals("gz") || compression.equals("none") ? in
                    : decompress(in, compression, conf.get());
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
                    : RejectReason.TRUNCATED_FILE, describe(e), null);
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

    /** Reads one aggregator page dump into its main article and related entries. */
    private List<InputRecord> readPage(InputPlan.Split split, RecordMapper mapper) throws IOException {
        String file = split.file().path();
        Path p = new Path(file);
        FileSystem fs = p.getFileSystem(conf.get());
        byte[] bytes;
        try (InputStream in = decompress(fs.open(p), split.file().compression(), conf.get())) {
            bytes = in.readNBytes(settings.maxRecordBytes() + 1);
        }
        if (bytes.length > settings.maxRecordBytes()) {
            return List.of(mapper.reject(file, "file", 0, RejectReason.RECORD_TOO_LARGE,
                    "page is over " + settings.maxRecordBytes() + " bytes", Utf8.decodeLenient(java.util.Arrays.copyOf(bytes, 2048))));
        }
        String content = Utf8.decodeStrict(bytes);
        if (content == null) {
            return List.of(mapper.reject(file, "file", 0, RejectReason.INVALID_UTF8, "page bytes are not UTF-8",
                    Utf8.decodeLenient(bytes)));
        }
        ZoneId zone = ZoneId.of(settings.defaultTimezone());
        PageSidecar sidecar = PageSidecar.NONE;
        Path sidecarPath = new Path(file + PageSidecar.SUFFIX);
        if (fs.exists(sidecarPath)) {
            try (InputStream in = fs.open(sidecarPath)) {
                sidecar = PageSidecar.read(in, zone);
            }
        }
        Instant configured = settings.pagesScrapedAt() == null ? null
                : io.wiretrace.core.ingest.Timestamps.parse(settings.pagesScrapedAt(), zone).value();
        sidecar = sidecar.withDefaultScrapedAt(configured);

        PageDumpParser.Page page = new PageDumpParser(settings.chromeLines(), settings.relatedHeading()).parse(content);
        List<InputRecord> out = new ArrayList<>();
        if (page.main() != null) {
            out.add(mapper.article(file, "main", 0, sidecar.url(), sidecar.outlet(), page.main().title(),
                    page.main().text(), sidecar.publishedAt(), sidecar.scrapedAt()));
        }
        int i = 0;
        for (PageDumpParser.Entry e : page.related()) {
            i++;
            out.add(mapper.article(file, "related " + i, i, null, e.outlet(), e.article().title(), e.article().text(),
                    RelativeTime.resolve(e.relativeTime(), sidecar.scrapedAt()), sidecar.scrapedAt()));
        }
        if (out.isEmpty()) {
            out.add(mapper.reject(file, "file", 0, RejectReason.EMPTY_PAGE, "no article found in page", content));
        }
        return out;
    }

    /**
     * Iterator over a stream of records that turns an I/O failure into one final reject record.
     */
    private abstract static class RecordIterator implements Iterator<InputRecord> {
        protected final RecordMapper mapper;
        protected final InputPlan.Split split;
        protected final String file;
        /** The open file, closed when reading ends. */
        protected InputStream stream;
        protected long recordsRead;
        private InputRecord next;
        private boolean opened;
        private boolean done;

        RecordIterator(RecordMapper mapper, InputPlan.Split split) {
            this.mapper = mapper;
            this.split = split;
            this.file = split.file().path();
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
                IOException io = e instanceof IOException ? (IOException) e : new IOException(describe(e), e);
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
}
