package io.wiretrace.testing;

import io.wiretrace.core.generate.NewsPages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Web archives of our own news pages, written with jwarc: what a crawler's WARC holds (warcinfo,
 * requests, metadata, revisits, redirects, images) around real-looking article pages, plus the
 * ways records break. Every page is under 4 KiB so the nasty corpus's record limit keeps them.
 */
public final class WarcFixtures {

    public static final Instant CAPTURED = Instant.parse("2026-04-15T12:00:00Z");

    /** In {@link #newsArchive()}: pages that become articles. */
    public static final int NEWS_ARTICLES = 4;
    /** In {@link #newsArchive()}: records that are rejects (one corrupt record, one page without text). */
    public static final int NEWS_REJECTS = 2;
    /** In {@link #newsArchive()}: records skipped (warcinfo, request, metadata, revisit, 404, image). */
    public static final int NEWS_SKIPPED = 6;

    private WarcFixtures() {}

    /** A story of {@code paragraphs} paragraphs of seeded filler words (our own text). */
    public static String story(long seed, int paragraphs) {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            sb.append(p == 0 ? "" : "\n\n").append(Fixtures.randomWords(40, seed * 31 + p)).append('.');
        }
        return sb.toString();
    }

    /** An article page with site chrome, JSON-LD and the usual metadata. */
    public static String articlePage(String site, String title, String text, String published, String lang,
                                     String canonical) {
        return NewsPages.render(site, title, text, published, lang, canonical);
    }

    /** The pages of {@link #newsArchive()}: target URL → page; the first two carry the same story. */
    public static List<String[]> newsPages() {
        String ferry = story(1, 4);
        return List.of(
                new String[] {"https://www.eastport.example/2026/04/15/ferry-trial", articlePage("Eastport Gazette",
                        "Ferry trial begins on the harbour route", ferry, "2026-04-15T08:00:00Z", "en", null)},
                // A syndicated copy that names the original as canonical: still Westhaven's article.
                new String[] {"https://m.westhaven.example/news/ferry", articlePage("Westhaven Herald",
                        "Ferry trial begins on the harbour route", ferry, "2026-04-15T10:30:00+02:00", "en-GB",
                        "https://www.eastport.example/2026/04/15/ferry-trial")},
                new String[] {"https://www.eastport.example/2026/04/14/library", articlePage("Eastport Gazette",
                        "Library opens on Sundays", story(2, 3), "2026-04-14T09:00:00Z", "en", null)},
                new String[] {"https://kestrel.example/nachrichten/hafen", articlePage("Kestrel Bote",
                        "Neue Fähre im Hafen", story(3, 3), "2026-04-15T07:00:00+02:00", "de", null)});
    }

    /**
     * A gzip-per-record WARC: {@link #NEWS_ARTICLES} article pages, {@link #NEWS_REJECTS} broken
     * ones and {@link #NEWS_SKIPPED} records that are not pages.
     */
    public static byte[] newsArchive() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String[]> pages = newsPages();
        try (WarcWriter w = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP)) {
            w.write(new Warcinfo.Builder().date(CAPTURED).fields(java.util.Map.of("software", List.of("wiretrace tests")))
                    .build());
            w.write(new WarcRequest.Builder(pages.get(0)[0]).date(CAPTURED)
                    .body(new HttpRequest.Builder("GET", "/2026/04/15/ferry-trial").addHeader("Host", "www.eastport.example")
                            .build()).build());
            w.write(html(pages.get(0)[0], pages.get(0)[1]));
            w.write(new WarcMetadata.Builder().date(CAPTURED)
                    .body(MediaType.WARC_FIELDS, "outlink: https://www.eastport.example/\r\n".getBytes(StandardCharsets.UTF_8))
                    .build());
            w.write(html(pages.get(1)[0], pages.get(1)[1]));
            w.write(new WarcRevisit.Builder(pages.get(0)[0], WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1).date(CAPTURED).build());
            w.write(response(pages.get(0)[0] + "-old", 404, "text/html", "<html><body>Not found</body></html>"
                    .getBytes(StandardCharsets.UTF_8)));
            w.write(response("https://www.eastport.example/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
            // A page with nothing but chrome: no article text.
            w.write(html("https://www.eastport.example/", "<html><head><title>Eastport Gazette</title></head><body>"
                    + "<nav><a href=\"/local\">Local</a></nav><footer>© Eastport Gazette</footer></body></html>"));
            // A response record whose HTTP message is garbage.
            w.write(new WarcResponse.Builder("https://www.eastport.example/broken").date(CAPTURED)
                    .body(MediaType.HTTP_RESPONSE, "\u0000\u0001 this is not an HTTP message at all\r\n"
                            .getBytes(StandardCharsets.UTF_8)).build());
            w.write(html(pages.get(2)[0], pages.get(2)[1]));
            w.write(html(pages.get(3)[0], pages.get(3)[1]));
        }
        return out.toByteArray();
    }

    /** A WET file (text conversions, as Common Crawl publishes them) of the first two pages' text. */
    public static byte[] newsWet() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WarcWriter w = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP)) {
            w.write(new Warcinfo.Builder().date(CAPTURED).build());
            for (int i = 0; i < 2; i++) {
                w.write(new WarcConversion.Builder().date(CAPTURED).addHeader("WARC-Target-URI", newsPages().get(i)[0])
                        .body(MediaType.PLAIN_TEXT, story(1, 4).replace("\n\n", "\n").getBytes(StandardCharsets.UTF_8))
                        .build());
            }
        }
        return out.toByteArray();
    }

    /** A gzip-per-record WARC of {@code records}. */
    public static byte[] archive(WarcRecord... records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WarcWriter w = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP)) {
            for (WarcRecord r : records) {
                w.write(r);
            }
        }
        return out.toByteArray();
    }

    /**
     * An article page whose visible headline ({@code h1}, confirmed by its {@code <title>}) and
     * social headline ({@code og:title}) differ, as on many real pages.
     */
    public static String twoHeadlinePage(String visible, String social) {
        return "<html><head><meta property=\"og:title\" content=\"" + social + "\"><title>" + visible
                + " | Eastport Gazette</title></head><body><article><h1>" + visible + "</h1><p>"
                + story(1, 3).replace("\n\n", "</p><p>") + "</p></article></body></html>";
    }

    public static WarcRecord html(String url, String html) throws IOException {
        return response(url, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public static WarcResponse response(String url, int status, String type, byte[] body) throws IOException {
        return new WarcResponse.Builder(url).date(CAPTURED)
                .body(new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found").addHeader("Content-Type", type)
                        .body(MediaType.parseLeniently(type), body).build())
                .build();
    }

    /**
     * A gzip-per-record WARC of {@code pages} article pages (request + response each) spread over
     * five hosts, every page its own story of eight paragraphs: large enough to be read in several
     * indexed ranges.
     */
    public static byte[] largeArchive(int pages, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WarcWriter w = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP)) {
            for (int i = 0; i < pages; i++) {
                String url = "https://www.site" + (i % 5) + ".example/news/" + seed + "-" + i;
                w.write(new WarcRequest.Builder(url).date(CAPTURED)
                        .body(new HttpRequest.Builder("GET", "/news/" + i).addHeader("Host", "www.site" + (i % 5) + ".example")
                                .build()).build());
                w.write(html(url, articlePage("Site " + (i % 5), "Story " + seed + "-" + i, story(seed * 100_000 + i, 8),
                        "2026-04-1" + (i % 10) + "T08:00:00Z", "en", null)));
            }
        }
        return out.toByteArray();
    }

    /** A CDXJ index of {@code archive} (named {@code name}), with every offset moved by {@code shift} bytes. */
    public static String cdxj(byte[] archive, String name, long shift) throws IOException {
        StringBuilder cdxj = new StringBuilder();
        try (io.wiretrace.core.ingest.WarcPages pages = new io.wiretrace.core.ingest.WarcPages(
                new java.io.ByteArrayInputStream(archive), 1 << 20)) {
            for (io.wiretrace.core.ingest.WarcPages.Page p = pages.next(); p != null; p = pages.next()) {
                cdxj.append("example)/ 20260415120000 {\"offset\": \"").append(p.offset() + shift)
                        .append("\", \"filename\": \"").append(name).append("\"}\n");
            }
        }
        return cdxj.toString();
    }
}
