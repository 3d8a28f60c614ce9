package io.wiretrace.core.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class WarcPagesTest {

    private static final Instant DATE = Instant.parse("2026-04-15T08:00:00Z");
    private static final byte[] HTML = "<html><head><title>Ferry</title></head><body><p>Harbour ferry news.</p></body></html>"
            .getBytes(StandardCharsets.UTF_8);

    /** A gzip-per-record WARC of our own with one record of every kind an archive holds. */
    static byte[] archive() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WarcWriter w = new WarcWriter(java.nio.channels.Channels.newChannel(out), WarcCompression.GZIP)) {
            w.write(new WarcRequest.Builder("https://eastport.example/news/ferry").date(DATE)
                    .body(new HttpRequest.Builder("GET", "/news/ferry").addHeader("Host", "eastport.example").build())
                    .build());
            w.write(response("https://eastport.example/news/ferry", 200, "text/html; charset=utf-8", HTML));
            w.write(response("https://eastport.example/missing", 404, "text/html", HTML));
            w.write(response("https://eastport.example/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
            w.write(new WarcMetadata.Builder().date(DATE).body(MediaType.WARC_FIELDS, "via: test\r\n".getBytes(StandardCharsets.UTF_8))
                    .build());
            w.write(new WarcConversion.Builder().date(DATE).addHeader("WARC-Target-URI", "https://eastport.example/news/ferry")
                    .body(MediaType.PLAIN_TEXT, "Ferry\nHarbour ferry news.".getBytes(StandardCharsets.UTF_8)).build());
        }
        return out.toByteArray();
    }

    private static WarcResponse response(String url, int status, String type, byte[] body) throws IOException {
        return new WarcResponse.Builder(url).date(DATE)
                .body(new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found").addHeader("Content-Type", type)
                        .body(MediaType.parseLeniently(type), body).build())
                .build();
    }

    private static List<WarcPages.Page> read(InputStream in) throws IOException {
        List<WarcPages.Page> out = new ArrayList<>();
        try (WarcPages pages = new WarcPages(in, 1 << 20)) {
            for (WarcPages.Page p = pages.next(); p != null; p = pages.next()) {
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void everyRecordIsAPageOrSkippedWithAReason() throws Exception {
        List<WarcPages.Page> pages = read(new ByteArrayInputStream(archive()));
        assertEquals(6, pages.size(), "one outcome per record");
        assertEquals(List.of(WarcPages.Kind.SKIPPED, WarcPages.Kind.PAGE, WarcPages.Kind.SKIPPED, WarcPages.Kind.SKIPPED,
                WarcPages.Kind.SKIPPED, WarcPages.Kind.PAGE), pages.stream().map(WarcPages.Page::kind).toList());
        WarcPages.Page html = pages.get(1);
        assertEquals("https://eastport.example/news/ferry", html.url());
        assertEquals(DATE, html.date());
        assertEquals("text/html;charset=utf-8", html.contentType().replace(" ", ""), "the HTTP header, charset kept");
        assertArrayEquals(HTML, html.body());
        assertEquals(SkipReason.HTTP_STATUS, pages.get(2).skip());
        assertEquals("HTTP status 404", pages.get(2).detail());
        assertEquals(SkipReason.NOT_HTML, pages.get(3).skip());
        assertEquals("image/png", pages.get(3).detail());
        assertEquals(SkipReason.REQUEST, pages.get(0).skip());
        assertEquals(SkipReason.METADATA, pages.get(4).skip());
        WarcPages.Page wet = pages.get(5);
        assertTrue(wet.textOnly());
        assertEquals("Ferry\nHarbour ferry news.", new String(wet.body(), StandardCharsets.UTF_8));
        // Offsets are where each record starts: a CDX-style index could seek to them.
        for (int i = 1; i < pages.size(); i++) {
            assertTrue(pages.get(i).offset() > pages.get(i - 1).offset());
        }
    }

    @Test
    void aTruncatedArchiveKeepsTheRecordsBeforeTheBreakAndEndsWithOneBrokenOutcome() throws Exception {
        byte[] whole = archive();
        List<WarcPages.Page> all = read(new ByteArrayInputStream(whole));
        // Cut in the middle of the last record.
        long lastStart = all.get(all.size() - 1).offset();
        byte[] cut = Arrays.copyOf(whole, (int) (lastStart + (whole.length - lastStart) / 2));
        List<WarcPages.Page> pages = read(new ByteArrayInputStream(cut));
        assertEquals(all.subList(0, all.size() - 1).stream().map(WarcPages.Page::kind).toList(),
                pages.subList(0, pages.size() - 1).stream().map(WarcPages.Page::kind).toList());
        WarcPages.Page last = pages.get(pages.size() - 1);
        assertEquals(WarcPages.Kind.BROKEN, last.kind(), String.valueOf(last));
        assertEquals(RejectReason.TRUNCATED_FILE, last.reject(), String.valueOf(last));
    }

    @Test
    void realArchivesFromOtherToolsAreReadWithoutACrash() throws Exception {
        Path dir = SharedData.require("data/warc_samples");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".warc.gz")).sorted().toList();
        }
        assertEquals(4, files.size());
        int pages = 0;
        int broken = 0;
        for (Path f : files) {
            List<WarcPages.Page> outcomes;
            try (InputStream in = Files.newInputStream(f)) {
                outcomes = read(in);
            }
            assertTrue(!outcomes.isEmpty(), f.toString());
            pages += (int) outcomes.stream().filter(p -> p.kind() == WarcPages.Kind.PAGE).count();
            broken += (int) outcomes.stream().filter(p -> p.kind() == WarcPages.Kind.BROKEN).count();
            for (int i = 1; i < outcomes.size(); i++) {
                assertTrue(outcomes.get(i).offset() > outcomes.get(i - 1).offset(),
                        "one outcome per record, offsets unique: " + f + " " + outcomes);
            }
        }
        assertTrue(pages >= 1, "HTML pages found: " + pages);
        assertTrue(broken >= 1, "the clipped sample ends in a broken record: " + broken);
    }
}
