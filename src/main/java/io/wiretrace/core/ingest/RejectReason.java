package io.wiretrace.core.ingest;

/** Why an input record was not turned into an article. The codes are part of the output contract. */
public enum RejectReason implements ReasonCode {
    MALFORMED_JSON("The line is not one valid JSON object."),
    MALFORMED_CSV("The CSV record has broken quoting or a different number of fields than the header."),
    INVALID_UTF8("The record's bytes are not valid UTF-8."),
    MISSING_TEXT("The text field is missing, empty or only white space."),
    INVALID_FIELD("A field has the wrong type (for example text given as an object)."),
    TEXT_TOO_LARGE("The text is longer than input.max_text_chars."),
    RECORD_TOO_LARGE("The raw record is longer than input.max_record_bytes; it was skipped unread."),
    EMPTY_PAGE("An aggregator page dump with no article in it."),
    TRUNCATED_FILE("The compressed file ends early or is corrupt; records before this point were kept."),
    DECOMPRESSION_LIMIT("The file expands beyond input.max_compression_ratio (a likely compression bomb); reading stopped."),
    UNREADABLE_FILE("The file cannot be opened or decoded at all."),
    CORRUPT_WARC_RECORD("A web-archive record whose HTTP message or body cannot be parsed; the records after it were still read."),
    NO_MAIN_TEXT("An HTML page in which no article text was found (an index, video or paywall page).");

    private final String description;

    RejectReason(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
