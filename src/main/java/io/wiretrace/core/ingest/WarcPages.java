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
     * the HTTP header value (charset included) or null for WET text.
     */
    public record Page(Kind kind, long offset, String recordType, String url, Instant date, String contentType,
                       byte[] body, boolean textOnly, String reason) {}

    private final WarcReader reader;
    private final int maxBodyBytes;
    private boolean done;

    public WarcPages(InputStream in, int maxBodyBytes) throws IOException {
        this.reader = new WarcReader(in);
        this.reader.setLenient(true);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The next record's outcome, or null after the last one (or after a break that ends the file). */
    public Page next() {
        if (done) {
            return null;
        }
        long offset = reader.position();
        Optional<WarcRecord> record;
        try {
            record = reader.next();
        } catch (IOException | RuntimeException e) {
            done = true;
            return new Page(Kind.BROKEN, offset, null, null, null, null, null, false, "unreadable WARC record: " + describe(e));
        }
        if (record.isEmpty()) {
            done = true;
            return null;
        }
        // jwarc reports the position of the record it just returned (its first byte, compressed).
        return classify(record.get(), reader.position());
    }

    private Page classify(WarcRecord r, long offset) {
        String type = r.type();
        try {
            if (r instanceof WarcResponse response) {
                String url = response.target();
                if (!response.contentType().base().equals(MediaType.HTTP)) {
                    return skipped(r, offset, url, "response without an HTTP message (" + response.contentType() + ")");
                }
                HttpResponse http = response.http();
                if (http.status() < 200 || http.status() > 299) {
                    return skipped(r, offset, url, "HTTP status " + http.status());
                }
                String contentType = http.headers().first("Content-Type").orElse(null);
                if (!isHtml(contentType)) {
                    return skipped(r, offset, url, "not HTML (" + (contentType == null ? "no Content-Type" : contentType) + ")");
                }
                return body(r, offset, url, contentType, http.bodyDecoded().stream(), false);
            }
            if (r instanceof WarcConversion conversion) {
                return body(r, offset, conversion.target(), null, conversion.body().stream(), true);
            }
            return skipped(r, offset, null, type + " record");
        } catch (IOException | RuntimeException e) {
            return new Page(Kind.BROKEN, offset, type, null, r.date(), null, null, false,
                    "unreadable " + type + " record: " + describe(e));
        }
    }

    private Page body(WarcRecord r, long offset, String url, String contentType, InputStream in, boolean textOnly)
            throws IOException {
        byte[] bytes = in.readNBytes(maxBodyBytes + 1);
        if (bytes.length > maxBodyBytes) {
            return new Page(Kind.BROKEN, offset, r.type(), url, r.date(), contentType, null, textOnly,
                    "body over " + maxBodyBytes + " bytes");
        }
        return new Page(Kind.PAGE, offset, r.type(), url, r.date(), contentType, bytes, textOnly, null);
    }

    private static Page skipped(WarcRecord r, long offset, String url, String reason) {
        return new Page(Kind.SKIPPED, offset, r.type(), url, r.date(), null, null, false, reason);
    }

    static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String base = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return base.equals("text/html") || base.equals("application/xhtml+xml");
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
