package io.wiretrace.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.core.outlet.OutletRegistry;
import io.wiretrace.testing.WarcFixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WarcArticlesTest {

    private static final RecordMapper MAPPER = new RecordMapper(new RecordMapper.Settings(Map.of(), 100_000, 200, "UTC", null));

    static List<InputRecord> records(byte[] archive) throws IOException {
        return records(archive, OutletRegistry.EMPTY);
    }

    static List<InputRecord> records(byte[] archive, OutletRegistry registry) throws IOException {
        List<InputRecord> out = new ArrayList<>();
        WarcArticles articles = new WarcArticles(MAPPER, registry);
        try (WarcPages pages = new WarcPages(new ByteArrayInputStream(archive), 1 << 20)) {
            for (WarcPages.Page p = pages.next(); p != null; p = pages.next()) {
                out.add(articles.toRecord("news.warc.gz", p));
            }
        }
        return out;
    }

    @Test
    void pagesBecomeArticlesAndEverythingElseIsSkippedOrRejectedWithAReason() throws Exception {
        List<InputRecord> records = records(WarcFixtures.newsArchive());
        List<InputRecord> articles = records.stream().filter(r -> !r.rejected() && !r.skipped()).toList();
        Map<String, Integer> skipped = new TreeMap<>();
        Map<String, Integer> rejects = new TreeMap<>();
        records.stream().filter(InputRecord::skipped).forEach(r -> skipped.merge(r.skipReason(), 1, Integer::sum));
        records.stream().filter(InputRecord::rejected).forEach(r -> rejects.merge(r.rejectReason(), 1, Integer::sum));
        assertEquals(WarcFixtures.NEWS_ARTICLES, articles.size(), records.toString());
        assertEquals(Map.of("warcinfo", 1, "request", 1, "metadata", 1, "revisit", 1, "http_status", 1, "not_html", 1),
                skipped);
        assertEquals(WarcFixtures.NEWS_SKIPPED, skipped.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(Map.of("corrupt_warc_record", 1, "no_main_text", 1), rejects);

        InputRecord first = articles.get(0);
        assertEquals("https://www.eastport.example/2026/04/15/ferry-trial", first.url());
        assertNull(first.outlet(), "the outlet comes from the URL's host, in normalisation");
        assertEquals("Ferry trial begins on the harbour route", first.title());
        assertEquals(WarcFixtures.story(1, 4), first.text(), "paragraphs only: no nav, cookie banner, related or footer");
        assertEquals(Instant.parse("2026-04-15T08:00:00Z"), first.publishedAt());
        assertEquals(WarcFixtures.CAPTURED, first.scrapedAt());
        assertEquals("en", first.language());
        assertTrue(first.location().startsWith("offset "), first.location());
        assertEquals(Long.parseLong(first.location().substring(7)), first.ordinal());

        InputRecord copy = articles.get(1);
        assertEquals("https://m.westhaven.example/news/ferry", copy.url(), "the captured URL, not the canonical link");
        assertEquals("https://www.eastport.example/2026/04/15/ferry-trial", copy.extra().get("canonical_url"));
        assertEquals(Instant.parse("2026-04-15T08:30:00Z"), copy.publishedAt(), "converted to UTC");
        assertEquals("Westhaven Herald", copy.extra().get("site_name"));
        assertEquals("de", articles.get(3).language());
        assertEquals("Neue Fähre im Hafen", articles.get(3).title());
    }

    @Test
    void wetConversionsAreArticlesOfTheirText() throws Exception {
        List<InputRecord> records = records(WarcFixtures.newsWet());
        assertEquals(3, records.size());
        assertEquals("warcinfo", records.get(0).skipReason());
        InputRecord wet = records.get(1);
        assertEquals(WarcFixtures.newsPages().get(0)[0], wet.url());
        assertTrue(wet.text().startsWith(WarcFixtures.story(1, 4).substring(0, 100)), wet.text());
        assertNull(wet.title());
    }

    @Test
    void anOutletsTitleSourceFromTheRegistryPicksItsHeadline() throws Exception {
        String page = WarcFixtures.twoHeadlinePage("Ferry trial begins on the harbour route",
                "Ferry trial: what commuters need to know");
        byte[] archive = WarcFixtures.archive(WarcFixtures.html("https://www.eastport.example/2026/04/15/ferry", page),
                WarcFixtures.html("https://westhaven.example/ferry", page));
        String csv = "domain,outlet,name,country,owner,title_source\n"
                + "eastport.example,eastport.example,Eastport Gazette,GB,,og:title\n"
                + "westhaven.example,westhaven.example,Westhaven Herald,GB,,\n";
        OutletRegistry registry = OutletRegistry.read(new ByteArrayInputStream(csv.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), "test");
        List<InputRecord> withSources = records(archive, registry.withTitleSources());
        assertEquals("Ferry trial: what commuters need to know", withSources.get(0).title(), "the outlet's og:title");
        assertEquals("Ferry trial begins on the harbour route", withSources.get(1).title(), "no source: the generic rule");
        assertEquals("Ferry trial begins on the harbour route", records(archive).get(0).title());
    }
}
