package io.wiretrace.pipeline.ingest;

import io.wiretrace.core.ingest.InputRecord;
import io.wiretrace.core.ingest.PageDumpParser;
import io.wiretrace.core.ingest.PageSidecar;
import io.wiretrace.core.ingest.RecordMapper;
import io.wiretrace.core.ingest.RejectReason;
import io.wiretrace.core.ingest.RelativeTime;
import io.wiretrace.core.ingest.Timestamps;
import io.wiretrace.core.ingest.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One aggregator page dump: its main article and the related entries, each with its outlet and
 * a time resolved from the page's relative times against its scrape time (sidecar or
 * {@code input.pages.scraped_at}).
 */
final class PageDumpReader {

    private PageDumpReader() {}

    /** Reads one aggregator page dump into its main article and related entries. */
    static List<InputRecord> read(InputPlan.Split split, RecordMapper mapper, SplitReader.Settings settings,
                                  Configuration conf) throws IOException {
        String file = split.file().path();
        Path p = new Path(file);
        FileSystem fs = p.getFileSystem(conf);
        byte[] bytes;
        try (InputStream in = SplitStreams.decompress(fs.open(p), split.file().compression(), conf)) {
            bytes = in.readNBytes(settings.maxRecordBytes() + 1);
        }
        if (bytes.length > settings.maxRecordBytes()) {
            return List.of(mapper.reject(file, "file", 0, RejectReason.RECORD_TOO_LARGE,
                    "page is over " + settings.maxRecordBytes() + " bytes", Utf8.decodeLenient(Arrays.copyOf(bytes, 2048))));
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
                : Timestamps.parse(settings.pagesScrapedAt(), zone).value();
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

}
