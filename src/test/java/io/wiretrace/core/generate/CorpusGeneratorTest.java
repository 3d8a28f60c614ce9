package io.wiretrace.core.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

    @TempDir
    Path tmp;

    private static CorpusGenerator.Summary gen(Path dir, long seed, double noise) throws IOException {
        return new CorpusGenerator(new CorpusGenerator.Settings(1500, seed, noise, 400, null)).generate(dir);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherCorpus() throws IOException {
        gen(tmp.resolve("a"), 7, 0.01);
        gen(tmp.resolve("b"), 7, 0.01);
        gen(tmp.resolve("c"), 8, 0.01);
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/articles/articles-00000.jsonl")),
                Files.readAllBytes(tmp.resolve("b/articles/articles-00000.jsonl")));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/truth/stories.csv")),
                Files.readAllBytes(tmp.resolve("b/truth/stories.csv")));
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("a/articles/articles-00000.jsonl")),
                Files.readAllBytes(tmp.resolve("c/articles/articles-00000.jsonl"))));
    }

    @Test
    void corpusHasSyndicatedStoriesWithTruthForEveryRecord() throws IOException {
        CorpusGenerator.Summary s = gen(tmp, 42, 0.0);
        assertEquals(1500, s.articles());
        assertEquals(s.articles() + s.exactDuplicates(), s.records());
        List<String> truth = Files.readAllLines(tmp.resolve("truth/stories.csv"));
        assertEquals(s.records() + 1, truth.size());
        Map<String, Integer> storySizes = new HashMap<>();
        truth.stream().skip(1).forEach(l -> storySizes.merge(l.split(",")[1], 1, Integer::sum));
        long multi = storySizes.values().stream().filter(n -> n > 1).count();
        assertTrue(multi > 50, "stories with copies: " + multi);
        assertTrue(storySizes.values().stream().anyMatch(n -> n >= 10), "some stories spread widely");

        ObjectMapper m = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        Set<String> edits = new HashSet<>();
        int words = 0;
        int n = 0;
        try (Stream<Path> files = Files.list(tmp.resolve("articles"))) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    JsonNode j = m.readTree(line);
                    assertTrue(ids.add(j.get("id").asText()), "ids are unique");
                    assertTrue(j.get("text").asText().length() > 100);
                    words += j.get("text").asText().split("\\s+").length;
                    n++;
                }
            }
        }
        assertEquals(s.records(), n);
        assertTrue(words / n > 200, "articles are news-length, mean words " + words / n);
        Files.readAllLines(tmp.resolve("truth/articles.csv")).stream().skip(1)
                .forEach(l -> edits.addAll(List.of(l.split(",")[5].split("\\|"))));
        assertTrue(edits.containsAll(List.of("identical", "trimmed", "headline_changed", "boilerplate", "quotes",
                "typos", "extended", "lede_rewritten", "local_intro")), edits.toString());
    }

    @Test
    void noiseAddsBrokenRecords() throws IOException {
        CorpusGenerator.Summary s = gen(tmp, 1, 0.05);
        assertTrue(s.brokenRecords() > 20);
        assertEquals(s.articles() + s.exactDuplicates() + s.brokenRecords(), s.records());
    }

    @Test
    void pagesWrapEveryArticleInItsOutletsChromeAndAreDeterministic() throws IOException {
        CorpusGenerator.Settings settings = new CorpusGenerator.Settings(1500, 3, 0.0, 5000, null, true);
        new CorpusGenerator(settings).generate(tmp.resolve("p"));
        new CorpusGenerator(settings).generate(tmp.resolve("q"));
        Path file = tmp.resolve("p/articles/articles-00000.jsonl");
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(tmp.resolve("q/articles/articles-00000.jsonl")));
        ObjectMapper m = new ObjectMapper();
        Map<String, List<String>> firstLines = new HashMap<>();
        int datelines = 0;
        int datelinesAfterChrome = 0;
        for (String line : Files.readAllLines(file)) {
            JsonNode r = m.readTree(line);
            List<String> lines = List.of(r.get("text").asText().split("\n"));
            assertTrue(lines.get(lines.size() - 2).startsWith("\u00A9 "), "copyright line near the end");
            firstLines.computeIfAbsent(r.get("url").asText().split("/")[2], k -> lines.subList(0, 3));
            assertEquals(firstLines.get(r.get("url").asText().split("/")[2]), lines.subList(0, 3), "one header per outlet");
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("[A-Z ]+ \\((AP|AFP|Reuters)\\) \u2014 .*")) {
                    datelines++;
                    datelinesAfterChrome += i >= 6 ? 1 : 0;
                }
            }
        }
        assertTrue(firstLines.size() > 10, "outlets: " + firstLines.size());
        assertTrue(datelines > 50 && datelinesAfterChrome == datelines, datelinesAfterChrome + " of " + datelines);
        String truth = Files.readString(tmp.resolve("p/truth/articles.csv"));
        assertTrue(truth.contains("stub") && truth.contains("quotes_other_story"), "page edits in the truth");
    }
}
