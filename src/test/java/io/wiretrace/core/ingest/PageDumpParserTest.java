package io.wiretrace.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.text.TextNormalizer;
import io.wiretrace.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageDumpParserTest {

    private static PageDumpParser parser() {
        WiretraceConfig.Pages p = WiretraceConfig.defaults().input().pages();
        return new PageDumpParser(p.chromeLines(), p.relatedHeading());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PageDumpParserTest.class.getResourceAsStream("/io/wiretrace/sample/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void ourFixtureYieldsMainArticleAndRelatedEntriesWithoutChrome() throws IOException {
        PageDumpParser.Page page = parser().parse(resource("harbour-page-001.txt"));
        assertEquals("Harbour authority approves night ferry trial between Eastport and Kestrel Bay", page.main().title());
        assertEquals(5, page.main().paragraphs().size());
        assertFalse(page.main().text().contains("Hashtags"));
        assertFalse(page.main().text().contains("Comments"));
        assertEquals(3, page.related().size());
        PageDumpParser.Entry gazette = page.related().get(0);
        assertEquals("Eastport Gazette", gazette.outlet());
        assertEquals("25 minutes ago", gazette.relativeTime());
        assertEquals("Night ferries to Kestrel Bay get six-month trial", gazette.article().title());
        assertTrue(gazette.article().text().startsWith("The Eastport harbour authority approved"));
        PageDumpParser.Entry record = page.related().get(1);
        assertEquals("Kestrel Bay Record", record.outlet());
        assertEquals("an hour ago", record.relativeTime());
        // Same story, different quote style and title case: equal in matching form.
        assertEquals(TextNormalizer.forMatching(gazette.article().text()), TextNormalizer.forMatching(record.article().text()));
        assertEquals("Northgate Observer", page.related().get(2).outlet());
        assertNotEquals(TextNormalizer.forMatching(gazette.article().text()),
                TextNormalizer.forMatching(page.related().get(2).article().text()));
    }

    @Test
    void relativeTimesResolveAgainstTheScrapeTime() {
        Instant scraped = Instant.parse("2026-04-15T18:30:00Z");
        assertEquals(Instant.parse("2026-04-15T18:05:00Z"), RelativeTime.resolve("25 minutes ago", scraped));
        assertEquals(Instant.parse("2026-04-15T17:30:00Z"), RelativeTime.resolve("an hour ago", scraped));
        assertEquals(Instant.parse("2026-04-15T16:30:00Z"), RelativeTime.resolve("2 hours ago", scraped));
        assertEquals(Instant.parse("2026-04-14T18:30:00Z"), RelativeTime.resolve("yesterday", scraped));
        assertEquals(Duration.ofDays(21), RelativeTime.parse("3 weeks ago").orElseThrow());
        assertEquals(null, RelativeTime.resolve("2 hours ago", null));
        assertFalse(RelativeTime.matches("Arab News"));
    }

    @Test
    void pageWithoutRelatedBlockOrTitleIsHandled() {
        PageDumpParser.Page only = parser().parse("\nJust a title\nOne paragraph.\n");
        assertEquals("Just a title", only.main().title());
        assertTrue(only.related().isEmpty());
        PageDumpParser.Page empty = parser().parse("\n\n  \n");
        assertEquals(null, empty.main());
    }

    /** Evaluation test on the real scraped page in ../shared (skipped where it is absent). */
    @Test
    void realAggregatorPage() throws IOException {
        Path page = SharedData.require("data/pages/aggregator-page-001.txt");
        PageDumpParser.Page p = parser().parse(Files.readString(page, StandardCharsets.UTF_8));
        assertEquals("Russia, US to hold talks on normalizing diplomatic missions", p.main().title());
        assertEquals(9, p.main().paragraphs().size());
        assertFalse(p.main().text().contains("Daily8"));
        assertEquals(3, p.related().size());
        PageDumpParser.Entry arabiya = p.related().get(0);
        PageDumpParser.Entry asharq = p.related().get(1);
        PageDumpParser.Entry arabNews = p.related().get(2);
        assertEquals("Al Arabiya", arabiya.outlet());
        assertEquals("33 minutes ago", arabiya.relativeTime());
        assertEquals("US-Russian talks to take place in Moscow, Russian envoy says", arabiya.article().title());
        assertTrue(arabiya.article().text().startsWith("Talks between the United States and Russia"));
        assertTrue(arabiya.article().text().endsWith("escalating into a world war."));
        assertEquals("Asharq Al-Awsat", asharq.outlet());
        assertEquals("an hour ago", asharq.relativeTime());
        assertEquals("US-Russian Talks to Take Place in Moscow, Russian Envoy Says", asharq.article().title());
        assertEquals("Arab News", arabNews.outlet());
        assertTrue(arabNews.article().text().contains("Kashmir"));
        assertEquals(TextNormalizer.forMatching(arabiya.article().text()), TextNormalizer.forMatching(asharq.article().text()));
    }
}
