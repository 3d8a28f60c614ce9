package io.wiretrace.pipeline.ingest;

import io.wiretrace.core.ingest.InputRecord;
import io.wiretrace.core.ingest.RecordMapper;
import io.wiretrace.core.ingest.RejectReason;
import io.wiretrace.core.outlet.OutletRegistry;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Reads one split into records, on an executor. Streams: memory stays bounded by one record
 * whatever the file size. Any I/O failure (truncated gzip, corrupt bzip2, unreadable file)
 * becomes a reject at the point it happened, and what was read before it is kept. One reader per
 * format: {@link JsonLinesReader}, {@link CsvFileReader}, {@link PageDumpReader}, {@link WarcReader}.
 */
public final class SplitReader implements Serializable {

    /** What a reader needs from the configuration. */
    public record Settings(RecordMapper.Settings mapper, int maxRecordBytes, double maxCompressionRatio,
                           String defaultTimezone, char csvDelimiter, String pagesScrapedAt, String relatedHeading,
                           List<String> chromeLines) implements Serializable {}

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
                    return new JsonLinesReader(split, mapper, settings, conf.get());
                case "csv":
                    return new CsvFileReader(split, mapper, settings, conf.get());
                case "pages":
                    return PageDumpReader.read(split, mapper, settings, conf.get()).iterator();
                case "warc":
                    return new WarcReader(split, mapper, settings, conf.get(), titleSources);
                default:
                    throw new IllegalArgumentException("Cannot read format '" + split.file().format() + "' here");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw (IllegalArgumentException) e;
            }
            return Collections.singletonList(mapper.reject(file, "file", 0, RejectReason.UNREADABLE_FILE,
                    SplitStreams.describe(e), null)).iterator();
        }
    }
}
