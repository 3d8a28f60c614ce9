package io.wiretrace.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static HtmlReport.Data data(Map<String, Long> rejects, List<HtmlReport.Topic> topics) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("records_in", 110L);
        counts.put("articles", 100L);
        counts.put("exact_duplicates", 7L);
        counts.put("rejects", 3L);
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("ingest", 1200L);
        timings.put("syndication", 3400L);
        List<HtmlReport.Story> stories = List.of(
                new HtmlReport.Story("s1", "Port <script>alert(1)</script> strike", "a.example", 3, 4,
                        List.of(new double[] {0, 1}, new double[] {1.5, 2}, new double[] {4, 3})),
                new HtmlReport.Story("s2", "Only one point", "b.example", 2, 2, List.of(new double[] {0, 1})));
        double[][] overlap = {{0, 0.5, 0.1}, {0.5, 0, 0}, {0.1, 0, 0}};
        return new HtmlReport.Data("run-1", "2026-11-27", "succeeded", "0.1.0", counts, timings, rejects, stories,
                List.of("a.example", "b.example", "c&d.example"), overlap, topics);
    }

    private static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void everyChartIsDrawnAndInputTextIsNeverMarkup() {
        String html = HtmlReport.render(data(Map.of("invalid_json", 2L, "empty_text", 1L),
                List.of(new HtmlReport.Topic(0, "port, strike", 5, 9, "Port strike"))));
        assertEquals(5, count(html, "<svg class=\"chart\""), "spread, overlap, topics, rejects, timings");
        // Spread: only stories with two or more points are drawn; heatmap: 3x3 cells.
        assertEquals(1, count(html, "<polyline data-mark"));
        assertEquals(9, count(html, "<rect data-mark=\"1\" x=\"[0-9]+\" y=\"[0-9]+\" width=\"[0-9]+\" height=\"[0-9]+\" fill=\"#"));
        assertFalse(html.contains("<script>alert"), "a title is text, not markup");
        assertTrue(html.contains("Port &lt;script&gt;alert(1)&lt;/script&gt; strike"));
        assertTrue(html.contains("c&amp;d.example"));
        assertTrue(html.contains("✓"), "the accounting identity holds for 110 = 100 + 7 + 3");
        // Self-contained: nothing fetched from anywhere.
        assertFalse(html.matches("(?s).*(src=|href=\"http|@import|url\\().*"), "no external resources");
        assertEquals(html, HtmlReport.render(data(Map.of("invalid_json", 2L, "empty_text", 1L),
                List.of(new HtmlReport.Topic(0, "port, strike", 5, 9, "Port strike")))), "deterministic");
    }

    @Test
    void nothingToShowIsSaidNotDrawnEmpty() {
        String html = HtmlReport.render(data(Map.of(), List.of()));
        assertTrue(html.contains("No input record was rejected."));
        assertTrue(html.contains("The topic engine did not run"));
        assertEquals(3, count(html, "<svg class=\"chart\""));
    }
}
