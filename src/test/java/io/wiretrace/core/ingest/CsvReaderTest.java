package io.wiretrace.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<InputRecord> read(byte[] data, char delimiter, int maxBytes) throws IOException {
        CsvReader r = new CsvReader(new ByteArrayInputStream(data), delimiter, maxBytes, IngestFixtures.mapper(), "f.csv");
        List<InputRecord> out = new ArrayList<>();
        InputRecord rec;
        while ((rec = r.next()) != null) {
            out.add(rec);
        }
        return out;
    }

    private static List<InputRecord> read(String s) throws IOException {
        return read(s.getBytes(StandardCharsets.UTF_8), ',', 1 << 20);
    }

    @Test
    void readsQuotedMultilineFieldsEscapedQuotesAndAliases() throws IOException {
        List<InputRecord> rs = read("publisher,headline,body,date\r\n"
                + "Daily,\"Hello, world\",\"Para one.\n\nShe said \"\"hi\"\".\",2026-03-01\r\n"
                + "Other,T2,plain text,\n");
        assertEquals(2, rs.size());
        InputRecord a = rs.get(0);
        assertEquals("Daily", a.outlet());
        assertEquals("Hello, world", a.title());
        assertEquals("Para one.\n\nShe said \"hi\".", a.text());
        assertEquals("line 2", a.location());
        assertEquals("line 5", rs.get(1).location());
        assertEquals("plain text", rs.get(1).text());
    }

    @Test
    void quotesInsideUnquotedFieldsAreLiteral() throws IOException {
        List<InputRecord> rs = read("title,text\nA 5\" screen,it has a 5\" screen\n");
        assertEquals("it has a 5\" screen", rs.get(0).text());
    }

    @Test
    void unterminatedQuoteRejectsOneLineAndReadingResumes() throws IOException {
        List<InputRecord> rs = read("title,text\n"
                + "good,first\n"
                + "bad,\"never closed\n"
                + "good2,second\n"
                + "good3,third\n");
        assertEquals(4, rs.size());
        assertEquals("first", rs.get(0).text());
        assertEquals("malformed_csv", rs.get(1).rejectReason());
        assertEquals("line 3", rs.get(1).location());
        assertEquals("second", rs.get(2).text());
        assertEquals("line 4", rs.get(2).location());
        assertEquals("third", rs.get(3).text());
    }

    @Test
    void overlongQuotedFieldIsRejectedAndResynced() throws IOException {
        StringBuilder sb = new StringBuilder("title,text\nbad,\"opens here\n");
        for (int i = 0; i < 200; i++) {
            sb.append("x,filler line ").append(i).append('\n');
        }
        List<InputRecord> rs = read(sb.toString().getBytes(StandardCharsets.UTF_8), ',', 1024);
        assertEquals("malformed_csv", rs.get(0).rejectReason());
        // Every filler line after the broken one is read as its own record.
        assertEquals(201, rs.size());
        assertEquals("filler line 199", rs.get(200).text());
    }

    @Test
    void wrongFieldCountAndBadUtf8AreRejectedPerRecord() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("title,text\nonly-one-field\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[]{'t', ',', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        b.writeBytes("ok,fine\n".getBytes(StandardCharsets.UTF_8));
        List<InputRecord> rs = read(b.toByteArray(), ',', 1 << 20);
        assertEquals("malformed_csv", rs.get(0).rejectReason());
        assertTrue(rs.get(0).rejectDetail().contains("1 fields"));
        assertEquals("invalid_utf8", rs.get(1).rejectReason());
        assertEquals("fine", rs.get(2).text());
    }

    @Test
    void tabDelimitedAndBlankLines() throws IOException {
        List<InputRecord> rs = read("title\ttext\n\nT\tbody, with comma\n".getBytes(StandardCharsets.UTF_8), '\t', 1 << 20);
        assertEquals(1, rs.size());
        assertEquals("body, with comma", rs.get(0).text());
    }

    @Test
    void missingTextIsRejected() throws IOException {
        List<InputRecord> rs = read("title,text\nT,\n");
        assertEquals("missing_text", rs.get(0).rejectReason());
    }
}
