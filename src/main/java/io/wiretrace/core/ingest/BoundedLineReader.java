package io.wiretrace.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads byte lines from a stream without ever holding more than {@code maxLineBytes} of one line:
 * a 100 MB "line" (or a compression bomb of one line) is skipped in constant memory and reported
 * as too long with its first bytes kept for the reject's excerpt. LF ends a line; a CR before it
 * is dropped.
 */
public final class BoundedLineReader {

    /** One line. {@code bytes} is null when the line was longer than the limit. */
    public record Line(byte[] bytes, byte[] head, long offset, long number, long length) {
        public boolean tooLong() {
            return bytes == null;
        }
    }

    static final int HEAD_BYTES = 2048;
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long offset;
    private long lineNumber;
    private boolean eof;
    private byte[] acc = new byte[1024];
    private int accLen;

    /** @param startOffset the byte offset of the stream's first byte in its file (for split reads) */
    public BoundedLineReader(InputStream in, long startOffset, int maxLineBytes) {
        this.in = in;
        this.offset = startOffset;
        this.maxLineBytes = maxLineBytes;
    }

    /** Offset of the next unread byte (in decompressed bytes for compressed input). */
    public long position() {
        return offset;
    }

    /** Number of lines returned so far. */
    public long lineNumber() {
        return lineNumber;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        while (n == 0) {
            n = in.read(buf, 0, buf.length);
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** Skips to just past the next LF (used when a split starts inside a line). */
    public void skipRestOfLine() throws IOException {
        while (true) {
            if (pos >= limit && !fill()) {
                return;
            }
            while (pos < limit) {
                offset++;
                if (buf[pos++] == '\n') {
                    return;
                }
            }
        }
    }

    /** Reads the next line, or returns null at end of stream. */
    public Line next() throws IOException {
        if (pos >= limit && !fill()) {
            return null;
        }
        long start = offset;
        long total = 0;
        accLen = 0;
        boolean sawNewline = false;
        while (!sawNewline) {
            if (pos >= limit && !fill()) {
                break;
            }
            int from = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            int len = pos - from;
            if (pos < limit) {
                sawNewline = true;
                pos++;
                offset++;
            }
            keep(from, len, total);
            total += len;
            offset += len;
        }
        lineNumber++;
        boolean tooLong = total > maxLineBytes;
        int end = accLen;
        if (!tooLong && end > 0 && acc[end - 1] == '\r') {
            end--;
        }
        byte[] head = Arrays.copyOf(acc, Math.min(end, HEAD_BYTES));
        return new Line(tooLong ? null : Arrays.copyOf(acc, end), head, start, lineNumber, total);
    }

    /** Keeps bytes of the current line; past the limit only the head is kept (for the excerpt). */
    private void keep(int from, int len, long totalBefore) {
        long cap = totalBefore + len > maxLineBytes ? HEAD_BYTES : maxLineBytes;
        int n = (int) Math.max(0, Math.min(len, cap - accLen));
        if (n == 0) {
            return;
        }
        if (accLen + n > acc.length) {
            acc = Arrays.copyOf(acc, Math.max(acc.length * 2, accLen + n));
        }
        System.arraycopy(buf, from, acc, accLen, n);
        accLen += n;
    }
}
