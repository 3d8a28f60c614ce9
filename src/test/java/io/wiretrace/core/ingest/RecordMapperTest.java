package io.wiretrace.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordMapperTest {

    private final JsonLinesParser parser = new JsonLinesParser(IngestFixtures.mapper());

    private InputRecord parse(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return parser.parse("f.jsonl", "line 1", 1, new BoundedLineReader.Line(b, b, 0, 1, b.length));
    }

    @Test
    void mapsContractFieldsAndKeepsUnknownOnesInExtra() {
        InputRecord r = parse("{\"id\": 7, \"url\": \"https://x.example/a\", \"outlet\": \"X\", \"title\": \"T\","
                + " \"text\": \"Para one.\\n\\nPara two.\", \"published_at\": \"2026-03-01T12:00:00Z\","
                + " \"scraped_at\": 1772366400000, \"language\": \"en\", \"section\": \"world\", \"tags\": [\"a\"]}");
        assertFalse(r.rejected());
        assertEquals("7", r.sourceId());
        assertEquals("Para one.\n\nPara two.", r.text());
        assertEquals(Instant.parse("2026-03-01T12:00:00Z"), r.publishedAt());
        assertEquals(Instant.parse("2026-03-01T12:00:00Z"), r.scrapedAt());
        assertEquals(Map.of("section", "world", "tags", "[\"a\"]"), r.extra());
        assertEquals(0, r.dateWarnings());
    }

    @Test
    void aliasesMapToContractFieldsAndCanonicalNamesWin() {
        InputRecord r = parse("{\"publisher\": \"Daily\", \"body\": \"alias text\", \"headline\": \"H\","
                + " \"scrape_time\": \"2026-01-01\"}");
        assertEquals("Daily", r.outlet());
        assertEquals("alias text", r.text());
        assertEquals("H", r.title());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), r.scrapedAt());
        InputRecord both = parse("{\"text\": \"canonical\", \"body\": \"alias\"}");
        assertEquals("canonical", both.text());
        assertEquals(Map.of("body", "alias"), both.extra());
    }

    @Test
    void unparseableDatesAreNullWithAWarningNotARejection() {
        InputRecord r = parse("{\"text\": \"t\", \"published_at\": \"last Tuesday\", \"scraped_at\": \"9999-01-01\"}");
        assertFalse(r.rejected());
        assertNull(r.publishedAt());
        assertNull(r.scrapedAt());
        assertEquals(2, r.dateWarnings());
    }

    @Test
    void rejectsWithReasons() {
        assertEquals("malformed_json", parse("{\"text\": \"cut").rejectReason());
        assertEquals("malformed_json", parse("[1, 2]").rejectReason());
        assertEquals("malformed_json", parse("{\"text\": \"a\"} trailing").rejectReason());
        assertEquals("missing_text", parse("{\"title\": \"no text\"}").rejectReason());
        assertEquals("missing_text", parse("{\"text\": \" \\n\\t \"}").rejectReason());
        assertEquals("invalid_field", parse("{\"text\": {\"a\": 1}}").rejectReason());
        assertEquals("invalid_field", parse("{\"text\": 12}").rejectReason());
        assertEquals("invalid_field", parse("{\"text\": \"ok\", \"title\": [1]}").rejectReason());
        InputRecord big = new JsonLinesParser(IngestFixtures.mapper(10)).parse("f", "line 1", 1,
                line("{\"text\": \"12345678901\"}"));
        assertEquals("text_too_large", big.rejectReason());
    }

    @Test
    void invalidUtf8IsRejectedWithALenientExcerpt() {
        byte[] b = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', 'c', 'a', 'f', (byte) 0xE9, '"', '}'};
        InputRecord r = parser.parse("f", "line 3", 3, new BoundedLineReader.Line(b, b, 0, 3, b.length));
        assertEquals("invalid_utf8", r.rejectReason());
        assertTrue(r.excerpt().startsWith("{\"text\":\"caf"));
    }

    @Test
    void blankLinesAreNotRecords() {
        assertNull(parser.parse("f", "line 1", 1, line("   ")));
    }

    @Test
    void tooLongLinesAreRejectedWithTheirHead() {
        byte[] head = "{\"text\": \"aaaa".getBytes(StandardCharsets.UTF_8);
        InputRecord r = parser.parse("f", "line 9", 9, new BoundedLineReader.Line(null, head, 0, 9, 99_999_999));
        assertEquals("record_too_large", r.rejectReason());
        assertTrue(r.rejectDetail().contains("99999999"));
        assertEquals("{\"text\": \"aaaa", r.excerpt());
    }

    @Test
    void csvParagraphSeparatorBecomesBlankLine() {
        RecordMapper m = new RecordMapper(new RecordMapper.Settings(new LinkedHashMap<>(), 1000, 200, "UTC", " ### "));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("text", "One. ### Two.");
        assertEquals("One.\n\nTwo.", m.map("f", "line 2", 2, f, "").text());
    }

    private static BoundedLineReader.Line line(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return new BoundedLineReader.Line(b, b, 0, 1, b.length);
    }
}
