package io.wiretrace.core.ingest;

/**
 * Why a web-archive record was passed over without being an input record. An archive holds these
 * by design (a crawler writes a request, a response and often metadata per page), so they are
 * counted in the run manifest by reason, not rejected. The codes are part of the output contract.
 */
public enum SkipReason implements ReasonCode {
    REQUEST("A WARC request record: what the crawler sent."),
    METADATA("A WARC metadata record (crawler notes, outlinks)."),
    WARCINFO("A WARC warcinfo record describing the file."),
    REVISIT("A WARC revisit record: the page was unchanged since an earlier capture."),
    OTHER_RECORD("Any other WARC record type (resource, continuation, …)."),
    NOT_HTTP("A response record that does not hold an HTTP message."),
    HTTP_STATUS("An HTTP response whose status is not 2xx (redirects, errors)."),
    NOT_HTML("An HTTP response that is not HTML (images, scripts, feeds, PDFs).");

    private final String description;

    SkipReason(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    /** The reason for a WARC record type that is never a page. */
    static SkipReason ofRecordType(String type) {
        return switch (type == null ? "" : type) {
            case "request" -> REQUEST;
            case "metadata" -> METADATA;
            case "warcinfo" -> WARCINFO;
            case "revisit" -> REVISIT;
            default -> OTHER_RECORD;
        };
    }
}
