package io.wiretrace.core.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    private static BoundedLineReader reader(String s, int max) {
        return new BoundedLineReader(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)), 0, max);
    }

    private static String str(BoundedLineReader.Line l) {
        return new String(l.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void splitsLinesTracksOffsetsAndDropsCr() throws IOException {
        BoundedLineReader r = reader("ab\r\ncd\n\nlast", 100);
        BoundedLineReader.Line a = r.next();
        assertEquals("ab", str(a));
        assertEquals(0, a.offset());
        BoundedLineReader.Line c = r.next();
        assertEquals("cd", str(c));
        assertEquals(4, c.offset());
        assertEquals("", str(r.next()));
        BoundedLineReader.Line last = r.next();
        assertEquals("last", str(last));
        assertEquals(4, last.number());
        assertNull(r.next());
    }

    @Test
    void overLongLineIsSkippedInBoundedMemoryKeepingItsHead() throws IOException {
        // 50 MB of 'x' streamed, never materialised: the reader must keep at most its limit.
        long size = 50L * 1024 * 1024;
        InputStream huge = new InputStream() {
            long n;

            @Override
            public int read() {
                if (n > size) {
                    return -1;
                }
                return n++ == size ? '\n' : 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (n > size) {
                    return -1;
                }
                int k = 0;
                while (k < len && n <= size) {
                    b[off + k++] = (byte) (n++ == size ? '\n' : 'x');
                }
                return k;
            }
        };
        InputStream in = new java.io.SequenceInputStream(huge, new ByteArrayInputStream("next\n".getBytes()));
        BoundedLineReader r = new BoundedLineReader(in, 0, 4096);
        BoundedLineReader.Line l = r.next();
        assertTrue(l.tooLong());
        assertEquals(size, l.length());
        assertEquals(2048, l.head().length);
        assertEquals("next", str(r.next()));
        assertEquals(size + 1, r.next() == null ? r.position() - 5 : -1);
    }

    @Test
    void skipRestOfLineMovesPastTheNextNewline() throws IOException {
        BoundedLineReader r = new BoundedLineReader(new ByteArrayInputStream("tail\nfull\n".getBytes()), 10, 100);
        r.skipRestOfLine();
        assertEquals(15, r.position());
        BoundedLineReader.Line l = r.next();
        assertArrayEquals("full".getBytes(), l.bytes());
        assertEquals(15, l.offset());
    }
}
