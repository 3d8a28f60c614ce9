package io.wiretrace.core.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * The pages of one WARC (or WET) stream, record by record, with jwarc. Plain Java, no Spark.
 *
 * <p>Each record becomes exactly one {@link Page}: an HTML {@code response} with a 2xx status, or a
 * WET {@code conversion}, is a {@link Kind#PAGE} (its bytes, to be extracted); requests, metadata,
 * warcinfo, revisits, non-HTML and non-2xx responses are {@link Kind#SKIPPED} with the reason
 * (counted, not rejected: an archive is full of them by design); a record that cannot be parsed,
 * or a body over the byte limit, is {@link Kind#BROKEN} with a detail. A record whose own HTTP
 * message is broken does not stop the file (its WARC length says where the next one starts); a
 * broken WARC header or a truncated file ends it, after everything before it was read.
 */
public final class WarcPages implements Closeable {

    /** What became of a record. */
    public enum Kind { PAGE, SKIPPED, BROKEN }

    /**
     * One record's outcome. {@code body} holds the page bytes (PAGE only); {@code contentType} is
     * the HTTP header value (charset included) or null for WET text; {@code skip} is set for
     * SKIPPED, {@code reject} for BROKEN, and {@code detail} says more about either.
     */
    public record Page(Kind kind, long offset, String recordType, String url, Instant date, String contentType,
                       byte[] body, boolean textOnly, SkipReason skip, RejectReason reject, String detail) {}

    private final WarcReader reader;
    private final long baseOffset;
    private final int maxBodyBytes;
    private boolean done;

    public WarcPages(InputStream in, int maxBodyBytes) throws IOException {
        this(in, 0, maxBodyBytes);
    }

    /**
     * @param in         positioned at the first byte of a record (for a gzip-per-record file, the
     *                   start of a gzip member)
     * @param baseOffset that position in the file, so offsets are the file's, not the stream's
     */
    public WarcPages(InputStream in, long baseOffset, int maxBodyBytes) throws IOException {
        this.reader = new WarcReader(in);
        this.reader.setLenient(true);
        this.baseOffset = baseOffset;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The next record's outcome, or null after the last one (or after a break that ends the file). */
    public Page next() {
        if (done) {
            return null;
        }
        long offset = baseOffset + reader.position();
        Optional<WarcRecord> record;
        try {
            record = reader.next();
        } catch (IOException | RuntimeException e) {
            // Without a readable WARC header the next record's start is unknown: the file ends here.
            done = true;
            return broken(offset, null, null, null, RejectReason.TRUNCATED_FILE,
                    "unreadable WARC record, reading stopped: " + describe(e));
        }
        if (record.isEmpty()) {
            done = true;
            return null;
        }
        // jwarc reports the position of the record it just returned (its first byte, compressed).
        return classify(record.get(), baseOffset + reader.position());
    }

    private Page classify(WarcRecord r, long offset) {
        String type = r.type();
        try {
            if (r instanceof WarcResponse response) {
                String url = response.target();
                if (!response.contentType().base().equals(MediaType.HTTP)) {
                    return skipped(r, offset, url, SkipReason.NOT_HTTP, response.contentType().toString());
                }
                HttpResponse http = response.http();
                if (http.status() < 200 || http.status() > 299) {
                    return skipped(r, offset, url, SkipReason.HTTP_STATUS, "HTTP status " + http.status());
                }
                String contentType = http.headers().first("Content-Type").orElse(null);
                if (!isHtml(contentType)) {
                    return skipped(r, offset, url, SkipReason.NOT_HTML, contentType == null ? "no Content-Type" : contentType);
                }
                return body(r, offset, url, contentType, http.bodyDecoded().stream(), false);
            }
            if (r instanceof WarcConversion conversion) {
                return body(r, offset, conversion.target(), null, conversion.body().stream(), true);
            }
            return skipped(r, offset, null, SkipReason.ofRecordType(type), type + " record");
        } catch (IOException | RuntimeException e) {
            if (endOfInput(e)) {
                // The file ends inside this record: it is the last one, and one reject stands for it.
                done = true;
                return broken(offset, type, null, r.date(), RejectReason.TRUNCATED_FILE,
                        "the file ends inside this " + type + " record: " + describe(e));
            }
            return broken(offset, type, null, r.date(), RejectReason.CORRUPT_WARC_RECORD,
                    "unreadable " + type + " record: " + describe(e));
        }
    }

    private Page body(WarcRecord r, long offset, String url, String contentType, InputStream in, boolean textOnly)
            throws IOException {
        byte[] bytes = in.readNBytes(maxBodyBytes + 1);
        if (bytes.length > maxBodyBytes) {
            return broken(offset, r.type(), url, r.date(), RejectReason.RECORD_TOO_LARGE, "body over " + maxBodyBytes + " bytes");
        }
        return new Page(Kind.PAGE, offset, r.type(), url, r.date(), contentType, bytes, textOnly, null, null, null);
    }

    private static Page skipped(WarcRecord r, long offset, String url, SkipReason reason, String detail) {
        return new Page(Kind.SKIPPED, offset, r.type(), url, r.date(), null, null, false, reason, null, detail);
    }

    private static Page broken(long offset, String type, String url, Instant date, RejectReason reason, String detail) {
        return new Page(Kind.BROKEN, offset, type, url, date, null, null, false, null, reason, detail);
    }

    static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String base = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return base.equals("text/html") || base.equals("application/xhtml+xml");
    }

    private static boolean endOfInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.split("\n", 2)[0]);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
