package io.wiretrace.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV reader (RFC 4180 with a header row) that survives broken files. It works on bytes so that
 * invalid UTF-8 rejects one record, not the file; and it recovers from broken quoting: a quoted
 * field still open after {@code maxRecordBytes}, or at end of file, rejects just the line where
 * the quote opened, and reading resumes on the next line. A quote opens a quoted field only at the
 * start of a field; elsewhere it is a literal character, as scrapers often write {@code 5" screen}.
 */
public final class CsvReader {

    private static final int EOF = -1;
    private final InputStream in;
    private final byte delimiter;
    private final int maxRecordBytes;
    private final RecordMapper mapper;
    private final String sourceFile;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    /** Bytes given back for re-reading after a broken record (resync). */
    private byte[] pushback = new byte[0];
    private int pushbackPos;
    private long line = 1;
    private List<String> header;

    // The current record.
    private final List<byte[]> fields = new ArrayList<>();
    private byte[] field = new byte[256];
    private int fieldLen;
    private byte[] raw = new byte[1024];
    private int rawLen;
    private long rawTotal;

    public CsvReader(InputStream in, char delimiter, int maxRecordBytes, RecordMapper mapper, String sourceFile) {
        this.in = in;
        this.delimiter = (byte) delimiter;
        this.maxRecordBytes = maxRecordBytes;
        this.mapper = mapper;
        this.sourceFile = sourceFile;
    }

    private int read() throws IOException {
        if (pushbackPos < pushback.length) {
            return pushback[pushbackPos++] & 0xff;
        }
        if (pos >= limit) {
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) {
                return EOF;
            }
            pos = 0;
            limit = n;
        }
        return buf[pos++] & 0xff;
    }

    private void unread(byte[] bytes, int from, int to) {
        byte[] rest = Arrays.copyOfRange(pushback, pushbackPos, pushback.length);
        byte[] combined = new byte[(to - from) + rest.length];
        System.arraycopy(bytes, from, combined, 0, to - from);
        System.arraycopy(rest, 0, combined, to - from, rest.length);
        pushback = combined;
        pushbackPos = 0;
    }

    /** Returns the next record (article or reject), or null at end of file. */
    public InputRecord next() throws IOException {
        while (true) {
            long startLine = line;
            Outcome o = readRecord();
            if (o == Outcome.END) {
                return null;
            }
            String location = "line " + startLine;
            if (o == Outcome.BLANK) {
                continue;
            }
            if (o == Outcome.TOO_LARGE) {
                return mapper.reject(sourceFile, location, startLine, RejectReason.RECORD_TOO_LARGE,
                        "record has " + rawTotal + " bytes", Utf8.decodeLenient(Arrays.copyOf(raw, Math.min(rawLen, 2048))));
            }
            if (o == Outcome.UNTERMINATED) {
                // Reject the line the quote opened on and read again from the line after it.
                int nl = indexOf(raw, rawLen, (byte) '\n');
                String excerpt = Utf8.decodeLenient(Arrays.copyOf(raw, nl < 0 ? rawLen : nl));
                if (nl >= 0) {
                    line = startLine + 1;
                    unread(raw, nl + 1, rawLen);
                }
                return mapper.reject(sourceFile, location, startLine, RejectReason.MALFORMED_CSV,
                        "unterminated quoted field", excerpt);
            }
            List<String> values = new ArrayList<>(fields.size());
            boolean utf8ok = true;
            for (byte[] f : fields) {
                String s = Utf8.decodeStrict(f);
                if (s == null) {
                    utf8ok = false;
                    break;
                }
                values.add(s);
            }
            String rawText = Utf8.decodeLenient(Arrays.copyOf(raw, rawLen));
            if (header == null) {
                if (!utf8ok) {
                    throw new IOException("Cannot read CSV header: not UTF-8");
                }
                header = values;
                continue;
            }
            if (!utf8ok) {
                return mapper.reject(sourceFile, location, startLine, RejectReason.INVALID_UTF8, "bytes are not UTF-8", rawText);
            }
            if (values.size() != header.size()) {
                return mapper.reject(sourceFile, location, startLine, RejectReason.MALFORMED_CSV,
                        "record has " + values.size() + " fields, header has " + header.size(), rawText);
            }
            Map<String, Object> named = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String v = values.get(i);
                named.put(header.get(i), v.isEmpty() ? null : v);
            }
            return mapper.map(sourceFile, location, startLine, named, rawText);
        }
    }

    /** The line the reader is on (1-based). */
    public long line() {
        return line;
    }

    /** Header column names, once read. */
    public List<String> header() {
        return header;
    }

    private enum Outcome { RECORD, BLANK, END, TOO_LARGE, UNTERMINATED }

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private Outcome readRecord() throws IOException {
        fields.clear();
        fieldLen = 0;
        rawLen = 0;
        rawTotal = 0;
        State state = State.FIELD_START;
        boolean any = false;
        while (true) {
            int c = read();
            if (c == EOF) {
                if (!any) {
                    return Outcome.END;
                }
                if (state == State.QUOTED) {
                    return Outcome.UNTERMINATED;
                }
                endField();
                return finish();
            }
            any = true;
            addRaw(c);
            if (c == '\n') {
                line++;
            }
            switch (state) {
                case FIELD_START:
                    if (c == '"') {
                        state = State.QUOTED;
                    } else if (c == delimiter) {
                        endField();
                    } else if (c == '\n') {
                        endField();
                        return finish();
                    } else {
                        addField(c);
                        state = State.UNQUOTED;
                    }
                    break;
                case UNQUOTED:
                    if (c == delimiter) {
                        endField();
                        state = State.FIELD_START;
                    } else if (c == '\n') {
                        endField();
                        return finish();
                    } else {
                        addField(c);
                    }
                    break;
                case QUOTED:
                    if (c == '"') {
                        state = State.QUOTE_IN_QUOTED;
                    } else {
                        addField(c);
                        if (rawTotal > maxRecordBytes) {
                            return Outcome.UNTERMINATED;
                        }
                    }
                    break;
                case QUOTE_IN_QUOTED:
                    if (c == '"') {
                        addField(c);
                        state = State.QUOTED;
                    } else if (c == delimiter) {
                        endField();
                        state = State.FIELD_START;
                    } else if (c == '\n') {
                        endField();
                        return finish();
                    } else if (c != '\r') {
                        // Lenient: text after a closing quote continues the field.
                        addField(c);
                        state = State.UNQUOTED;
                    }
                    break;
                default:
                    throw new IllegalStateException();
            }
        }
    }

    private Outcome finish() {
        if (rawTotal > maxRecordBytes) {
            return Outcome.TOO_LARGE;
        }
        if (fields.size() == 1 && fields.get(0).length == 0) {
            return Outcome.BLANK;
        }
        return Outcome.RECORD;
    }

    private void addRaw(int c) {
        rawTotal++;
        // Keep one byte more than the limit so an over-long record is recognisable.
        if (rawLen <= maxRecordBytes) {
            if (rawLen == raw.length) {
                raw = Arrays.copyOf(raw, raw.length * 2);
            }
            raw[rawLen++] = (byte) c;
        }
    }

    private void addField(int c) {
        if (rawTotal > maxRecordBytes) {
            return;
        }
        if (fieldLen == field.length) {
            field = Arrays.copyOf(field, field.length * 2);
        }
        field[fieldLen++] = (byte) c;
    }

    private void endField() {
        int len = fieldLen;
        if (len > 0 && field[len - 1] == '\r') {
            len--;
        }
        fields.add(Arrays.copyOf(field, len));
        fieldLen = 0;
    }

    private static int indexOf(byte[] a, int len, byte b) {
        for (int i = 0; i < len; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
