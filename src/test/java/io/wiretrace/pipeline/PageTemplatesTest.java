package io.wiretrace.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.cli.Main;
import io.wiretrace.testing.DuckDb;
import io.wiretrace.testing.Fixtures;
import io.wiretrace.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Page templates learned per run, end to end: scraped pages of two outlets, each page wrapped in
 * its outlet's chrome. Outlet B's stub of outlet A's story is mostly chrome, so it is a copy only
 * once the templates are out of the matching text; the paragraphs of one story kept by outlet C
 * under three URLs are not a template. (That the distributed path learns the same templates:
 * SyndicationTest, on the sample's pages.)
 */
class PageTemplatesTest {

    private static final String[] WORDS = ("harbour council ferry island budget school river bridge market farmers "
            + "station museum library tunnel airport hospital nurses teachers housing rents rail freight storm "
            + "flood coast fishing quota tourism festival mayor minister report survey court appeal contract "
            + "tender vote plan delay cost repair season record shortage supply demand price wage strike")
            .split(" ");

    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    /** Paragraph {@code p} of story {@code story}: our own filler sentences, different per story. */
    private static String paragraph(int story, int p) {
        SplittableRandom r = new SplittableRandom(story * 1000L + p);
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < 3; s++) {
            for (int w = 0; w < 10; w++) {
                String word = WORDS[r.nextInt(WORDS.length)];
                sb.append(s == 0 && w == 0 || w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                sb.append(w == 9 ? ". " : " ");
            }
        }
        return sb.toString().strip();
    }

    private static String story(int story, int paragraphs) {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            sb.append(p > 0 ? "\n\n" : "").append(paragraph(story, p));
        }
        return sb.toString();
    }

    private static final String CHROME_A = String.join("\n", "Home", "Local", "Sport", "Share on social media",
            "Sign up for our newsletter and get the morning briefing in your inbox every weekday",
            "Copyright 2026 Harbour Daily Media Group, all rights reserved across every edition");
    private static final String CHROME_B = String.join("\n", "Menu", "Search", "Weather", "Email this story",
            "Sign up for our newsletter and get the morning briefing in your inbox every weekday",
            "Most read this week on the Valley Courier website and in the printed edition",
            "Valley Courier readers also looked at these stories about the region this month",
            "Ferry timetable row goes to the regional council for a final vote next spring",
            "Council confirms the summer road closures for the coastal route near the old mill",
            "Readers share their photographs of the autumn lantern parade through the old town",
            "Farmers market moves indoors for the winter months while the square is repaved",
            "Library extends its opening hours during the exam season for students and families",
            "School choir wins the regional competition with a programme of traditional songs",
            "Valley Courier is published by the Northern Regional Newspapers Company Limited");

    private static String page(String chrome, String body) {
        String[] c = chrome.split("\n");
        int head = c.length / 2;
        return String.join("\n", java.util.Arrays.copyOfRange(c, 0, head)) + "\n\n" + body + "\n\n"
                + String.join("\n", java.util.Arrays.copyOfRange(c, head, c.length));
    }

    private static String aTitle(int s) {
        return "Harbour board report number " + s + " sets out the ferry plan";
    }

    private Path corpus() throws Exception {
        StringBuilder in = new StringBuilder();
        // Outlet A: four different stories; story 1 is the original of B's stub.
        for (int s = 1; s <= 4; s++) {
            in.append(Fixtures.json("a" + s, "harbour-daily", aTitle(s), page(CHROME_A, story(s, 8)),
                    "2026-03-0" + s + "T08:00:00Z")).append('\n');
        }
        // Outlet B: a stub of A's story 1 (its first half) and three stories of its own.
        in.append(Fixtures.json("b1", "valley-courier", "B stub", page(CHROME_B, story(1, 4)), "2026-03-01T10:00:00Z"))
                .append('\n');
        // Their pages end with a "Most read" line: the headline of one of A's stories, different on each.
        for (int s = 12; s <= 14; s++) {
            in.append(Fixtures.json("b" + s, "valley-courier", "B story " + s,
                    page(CHROME_B, story(s, 8)) + "\n" + aTitle(s - 10), "2026-03-0" + (s - 10) + "T09:00:00Z")).append('\n');
        }
        // Outlet C: one story written through three times (the same main paragraph, a new last one)
        // and a fourth, different story.
        for (int v = 1; v <= 3; v++) {
            in.append(Fixtures.json("c" + v, "coast-times", "C story", story(20, 6) + "\n\n" + paragraph(30 + v, 0),
                    "2026-03-0" + v + "T07:00:00Z")).append('\n');
        }
        in.append(Fixtures.json("c4", "coast-times", "C other", story(40, 6), "2026-03-04T07:00:00Z")).append('\n');
        Path file = tmp.resolve("pages.jsonl");
        Files.writeString(file, in.toString());
        return file;
    }

    private static Map<String, String> stories(Path out) throws Exception {
        try (DuckDb duck = new DuckDb()) {
            return duck.query("SELECT l.source_id, a.story_id FROM " + DuckDb.table(out.toString(), "articles")
                            + " a JOIN " + DuckDb.table(out.toString(), "lineage") + " l USING (article_id)").stream()
                    .collect(Collectors.toMap(r -> (String) r.get("source_id"), r -> (String) r.get("story_id")));
        }
    }

    @Test
    void aStubWrappedInChromeIsACopyOnceTheTemplatesAreLearned() throws Exception {
        Path in = corpus();
        Path out = tmp.resolve("out");
        assertEquals(0, Main.execute("run", "--input", in.toString(), "--output", out.toString(),
                "--set", "topics.enabled=false"));
        Map<String, String> story = stories(out);
        JsonNode syn = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile()).get("stages").get("syndication");
        assertEquals(story.get("a1"), story.get("b1"), "the stub joins its original: " + syn);
        assertEquals(story.get("c1"), story.get("c2"));
        assertEquals(story.get("c1"), story.get("c3"));
        for (String other : List.of("a2", "a3", "a4", "b12", "b13", "b14", "c4")) {
            assertNotEquals(story.get("a1"), story.get(other), other);
        }
        assertEquals(2, syn.get("template_outlets").asLong(), syn.toString()); // A and B, not C
        assertEquals(CHROME_A.split("\n").length + CHROME_B.split("\n").length, syn.get("template_lines").asLong());
        assertEquals(1, syn.get("template_shared_lines").asLong()); // the newsletter line
        assertEquals(3, syn.get("template_headline_lines").asLong()); // A's headlines on B's pages
        assertEquals(8, syn.get("template_articles").asLong());
        try (DuckDb duck = new DuckDb()) {
            String articles = DuckDb.table(out.toString(), "articles");
            // Outlet C's repeated paragraphs are its story, not a template: nothing removed there.
            assertEquals(0, duck.count("SELECT count(*) FROM " + articles
                    + " WHERE outlet = 'coast-times' AND content_chars <> length(text)"));
            assertEquals(8, duck.count("SELECT count(*) FROM " + articles + " WHERE content_chars < length(text)"));
            assertEquals(syn.get("template_chars_removed").asLong(),
                    duck.count("SELECT sum(length(text) - content_chars) FROM " + articles));
            // A headline line is left out where it is another page's headline, not on its own page.
            // B's pages have the same chrome; story 12's also ends with A's headline 2, and only that line more goes.
            long stub = duck.count("SELECT length(text) - content_chars FROM " + articles + " WHERE title = 'B stub'");
            long withHeadline = duck.count("SELECT length(text) - content_chars FROM " + articles + " WHERE title = 'B story 12'");
            assertEquals(aTitle(2).length() + 1, withHeadline - stub);
        }

        // Without templates (and without the sentence anchors, which find it by its opening sentence)
        // the stub's own chrome hides it from banding: B's chrome is most of its words.
        Path off = tmp.resolve("off");
        assertEquals(0, Main.execute("run", "--input", in.toString(), "--output", off.toString(),
                "--set", "topics.enabled=false", "--set", "syndication.boilerplate.enabled=false",
                "--set", "syndication.lsh.anchor_sentences=0"));
        Map<String, String> without = stories(off);
        assertNotEquals(without.get("a1"), without.get("b1"));
    }
}
