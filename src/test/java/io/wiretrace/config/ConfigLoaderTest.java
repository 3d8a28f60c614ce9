package io.wiretrace.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path tmp;

    static Path projectFile(String relative) {
        return Path.of(System.getProperty("wiretrace.project.dir", ".")).resolve(relative);
    }

    @Test
    void documentedConfigFileEqualsTheBuiltInDefaults() {
        WiretraceConfig fromFile = ConfigLoader.load(projectFile("conf/wiretrace.yaml"), List.of());
        assertEquals(WiretraceConfig.defaults(), fromFile);
        assertEquals(ConfigLoader.hash(WiretraceConfig.defaults()), ConfigLoader.hash(fromFile));
    }

    @Test
    void fileThenSetOverridesApplyInOrder() throws IOException {
        Path f = tmp.resolve("c.yaml");
        Files.writeString(f, "input:\n  format: csv\n  csv:\n    paragraph_separator: ' ### '\nquality:\n  max_reject_rate: 0.2\n"
                + "outlets:\n  aliases:\n    associated press: apnews.com\n");
        WiretraceConfig c = ConfigLoader.load(f, List.of("quality.max_reject_rate=0.3", "input.max_text_chars=5000",
                "spark.conf.spark.ui.enabled=false", "input.pages.chrome_lines=[A, B]"));
        assertEquals(InputFormat.CSV, c.input().format());
        assertEquals(" ### ", c.input().csv().paragraphSeparator());
        assertEquals(0.3, c.quality().maxRejectRate());
        assertEquals(5000, c.input().maxTextChars());
        assertEquals("false", c.spark().conf().get("spark.ui.enabled"));
        assertEquals(List.of("A", "B"), c.input().pages().chromeLines());
        assertEquals("apnews.com", c.outlets().aliases().get("associated press"));
        // Defaults of maps are kept when a file adds entries.
        assertEquals("text", c.input().fieldAliases().get("body"));
        assertNotEquals(ConfigLoader.hash(WiretraceConfig.defaults()), ConfigLoader.hash(c));
    }

    @Test
    void unknownKeysAndBadValuesFailWithClearMessages() throws IOException {
        assertMessage("Invalid config key 'input.fromat'", () -> ConfigLoader.load(null, List.of("input.fromat=csv")));
        assertMessage("Invalid input.format: 'xml'", () -> ConfigLoader.load(null, List.of("input.format=xml")));
        assertMessage("Invalid quality.max_reject_rate: 1.5", () -> ConfigLoader.load(null, List.of("quality.max_reject_rate=1.5")));
        assertMessage("Invalid input.max_text_chars", () -> ConfigLoader.load(null, List.of("input.max_text_chars=lots")));
        assertMessage("Invalid --set 'novalue'", () -> ConfigLoader.load(null, List.of("novalue")));
        assertMessage("it is a section", () -> ConfigLoader.load(null, List.of("input=3")));
        assertMessage("Invalid input.default_timezone", () -> ConfigLoader.load(null, List.of("input.default_timezone=Mars/Base")));
        assertMessage("Invalid input.pages.scraped_at", () -> ConfigLoader.load(null, List.of("input.pages.scraped_at=soon")));
        assertMessage("Invalid syndication.boilerplate.min_pages: must be at least 2",
                () -> ConfigLoader.load(null, List.of("syndication.boilerplate.min_pages=1")));
        assertMessage("Invalid syndication.boilerplate.min_share: must be in (0, 1]",
                () -> ConfigLoader.load(null, List.of("syndication.boilerplate.min_share=0")));
        assertMessage("Invalid spark.conf.ui.enabled", () -> ConfigLoader.load(null, List.of("spark.conf.ui.enabled=false")));
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, "output:\n  compresion: zstd\n");
        assertMessage("Invalid config key 'output.compresion'", () -> ConfigLoader.load(f, List.of()));
        assertMessage("Cannot read config file", () -> ConfigLoader.load(tmp.resolve("missing.yaml"), List.of()));
    }

    @Test
    void closedChoicesAreEnumsWrittenInLowerCase() {
        WiretraceConfig c = ConfigLoader.load(null, List.of("topics.algorithm=bisecting_kmeans",
                "topics.text.vectorizer=hashing", "syndication.shingle_unit=char", "output.compression=gzip",
                "input.format=warc"));
        assertEquals(TopicAlgorithm.BISECTING_KMEANS, c.topics().algorithm());
        assertEquals(Vectorizer.HASHING, c.topics().text().vectorizer());
        assertEquals(io.wiretrace.core.syndication.Shingler.Unit.CHAR, c.syndication().shingleUnit());
        assertEquals(ParquetCompression.GZIP, c.output().compression());
        assertEquals(InputFormat.WARC, c.input().format());
        String yaml = ConfigLoader.toYaml(c);
        for (String line : List.of("algorithm: bisecting_kmeans", "vectorizer: hashing", "shingle_unit: char",
                "compression: gzip", "format: warc")) {
            assertTrue(yaml.contains(line), "YAML writes '" + line + "':\n" + yaml);
        }
        assertEquals("bisecting_kmeans", ConfigLoader.toTree(c).at("/topics/algorithm").asText());
        assertMessage("Invalid topics.algorithm: 'lda' is not one of [bisecting_kmeans, kmeans]",
                () -> ConfigLoader.load(null, List.of("topics.algorithm=lda")));
        assertMessage("Invalid syndication.shingle_unit: 'token' is not one of [char, word]",
                () -> ConfigLoader.load(null, List.of("syndication.shingle_unit=token")));
        assertMessage("Invalid output.compression: must be one of [gzip, snappy, uncompressed, zstd]",
                () -> ConfigLoader.load(null, List.of("output.compression=")));
    }

    @Test
    void yamlRoundTripsThroughTheLoader() throws IOException {
        WiretraceConfig c = ConfigLoader.load(null, List.of("output.compression=zstd"));
        Path f = tmp.resolve("round.yaml");
        Files.writeString(f, ConfigLoader.toYaml(c));
        assertEquals(c, ConfigLoader.load(f, List.of()));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        ConfigException ex = assertThrows(ConfigException.class, e);
        assertTrue(ex.getMessage().contains(expected), () -> "message was: " + ex.getMessage());
    }
}
