package io.wiretrace.core.ingest;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * One input record after parsing: either the fields of a would-be article, or a rejection with a
 * reason, or (web archives only) a record passed over with a {@link SkipReason}, which is not an
 * input record at all and is only counted. {@code ordinal} orders records within one source file (line number, byte offset, row
 * index or page entry) and makes every record's position unique, which the pipeline's
 * deterministic tie-breaks rely on.
 */
public record InputRecord(
        String sourceFile,
        String location,
        long ordinal,
        String rejectReason,
        String rejectDetail,
        String excerpt,
        String sourceId,
        String url,
        String outlet,
        String title,
        String text,
        Instant publishedAt,
        Instant scrapedAt,
        String language,
        Map<String, String> extra,
        int dateWarnings,
        String skipReason) implements Serializable {

    public boolean rejected() {
        return rejectReason != null;
    }

    public boolean skipped() {
        return skipReason != null;
    }

    public static InputRecord skipped(String sourceFile, String location, long ordinal, SkipReason reason) {
        return new InputRecord(sourceFile, location, ordinal, null, null, null,
                null, null, null, null, null, null, null, null, null, 0, reason.code());
    }

    public static InputRecord reject(String sourceFile, String location, long ordinal, RejectReason reason,
                                     String detail, String excerpt) {
        return new InputRecord(sourceFile, location, ordinal, reason.code(), detail, excerpt,
                null, null, null, null, null, null, null, null, null, 0, null);
    }
}
