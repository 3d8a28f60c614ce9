package io.wiretrace.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checked-in schema doc and DDL are exactly what the code generates (no drift). */
class SchemaDocsTest {

    private static final Map<String, String> FILES = Map.of(
            "markdown", "docs/schema.md",
            "hive", "sql/hive/create_tables.sql",
            "trino", "sql/trino/create_tables.sql",
            "duckdb", "sql/duckdb/views.sql");

    @Test
    void checkedInFilesMatchTheCode() throws Exception {
        for (var e : FILES.entrySet()) {
            String expected = SchemaDocs.render(e.getKey());
            assertEquals(expected, Files.readString(Path.of(e.getValue())),
                    e.getValue() + " is out of date: regenerate it with scripts/wiretrace schema --format " + e.getKey()
                            + " > " + e.getValue());
        }
    }

    @Test
    void everyColumnIsDocumentedInEveryFormat() {
        for (Tables.Table t : Tables.ALL) {
            for (Tables.Col c : t.columns()) {
                assertTrue(!c.description().isBlank() && c.description().endsWith("."), t.name() + "." + c.name());
                for (String format : SchemaDocs.FORMATS) {
                    if (!format.equals("duckdb")) { // views select *: columns come from the files
                        assertTrue(SchemaDocs.render(format).contains(c.name()), format + " lacks " + t.name() + "." + c.name());
                    }
                }
            }
        }
        assertEquals("ARRAY<STRUCT<term: STRING, weight: DOUBLE>>", SchemaDocs.hiveType(Tables.TOPICS.columns().stream()
                .filter(c -> c.name().equals("top_terms")).findFirst().orElseThrow().type()));
        assertEquals("array(row(term varchar, weight double))", SchemaDocs.trinoType(Tables.TOPICS.columns().stream()
                .filter(c -> c.name().equals("top_terms")).findFirst().orElseThrow().type()));
        assertThrows(ConfigException.class, () -> SchemaDocs.render("xml"));
    }
}
