package io.wiretrace.pipeline.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output contract, declared once: every report table with its columns, types and a one-line
 * description per column (written into the Parquet schema as the column comment). Later engines
 * add columns; none is ever renamed or removed.
 */
public final class Tables {

    /** One column of a report table. */
    public record Col(String name, DataType type, String description) {}

    /** One report table; {@code sortBy} orders rows within each file (deterministic output). */
    public record Table(String name, String description, List<Col> columns, List<String> sortBy) {

        public StructType schema() {
            StructType s = new StructType();
            for (Col c : columns) {
                Metadata m = new MetadataBuilder().putString("comment", c.description()).build();
                s = s.add(new StructField(c.name(), c.type(), true, m));
            }
            return s;
        }

        /** Selects exactly this table's columns, in order, with their types; absent ones as typed nulls. */
        public Dataset<Row> conform(Dataset<Row> df) {
            List<String> present = List.of(df.columns());
            List<Column> cols = new ArrayList<>();
            for (StructField f : schema().fields()) {
                Column c = present.contains(f.name()) ? col(f.name()) : lit(null);
                cols.add(c.cast(f.dataType()).as(f.name(), f.metadata()));
            }
            return df.select(cols.toArray(Column[]::new));
        }
    }

    private static final DataType STR = DataTypes.StringType;
    private static final DataType TS = DataTypes.TimestampType;

    public static final Table ARTICLES = new Table("articles",
            "One row per distinct article (exact duplicates collapsed).",
            List.of(
                    new Col("article_id", STR, "Stable ID: hash of the outlet key and the text in matching form."),
                    new Col("source_id", STR, "The input record's own id, when it had one."),
                    new Col("outlet", STR, "Canonical outlet key (folded domain or slug of the name)."),
                    new Col("outlet_name", STR, "Outlet display name."),
                    new Col("url", STR, "Article URL as given."),
                    new Col("title", STR, "Headline."),
                    new Col("text", STR, "Article text; paragraphs separated by a blank line."),
                    new Col("published_at", TS, "Publication time, UTC; null when unknown."),
                    new Col("scraped_at", TS, "Scrape time, UTC; null when unknown."),
                    new Col("language", STR, "Language code as given in the input; null when unknown."),
                    new Col("word_count", DataTypes.IntegerType, "Words in the text."),
                    new Col("source_file", STR, "Input file the kept record came from."),
                    new Col("extra", DataTypes.createMapType(STR, STR), "Input fields outside the contract, as text."),
                    new Col("story_id", STR, "Story this article belongs to (syndication engine); null until it runs."),
                    new Col("topic_id", DataTypes.IntegerType, "Topic cluster (topic engine); null until it runs.")),
            List.of("article_id"));

    public static final Table REJECTS = new Table("rejects",
            "One row per input record that did not become an article, with the reason.",
            List.of(
                    new Col("source_file", STR, "Input file."),
                    new Col("location", STR, "Where in the file: 'line N', 'byte N', 'row N', 'main', 'related N' or 'file'."),
                    new Col("reason", STR, "Reason code (see docs/input-formats.md)."),
                    new Col("detail", STR, "What exactly was wrong."),
                    new Col("excerpt", STR, "The start of the raw record, line breaks escaped.")),
            List.of("source_file", "ordinal", "location"));

    public static final Table LINEAGE = new Table("lineage",
            "One row per input record: where it went. Its row count is the manifest's records_in.",
            List.of(
                    new Col("source_file", STR, "Input file."),
                    new Col("location", STR, "Where in the file (as in rejects)."),
                    new Col("source_id", STR, "The input record's own id, when it had one."),
                    new Col("status", STR, "kept, exact_duplicate or rejected."),
                    new Col("article_id", STR, "The article it is or duplicates; null when rejected."),
                    new Col("reason", STR, "Reject reason code, or null.")),
            List.of("source_file", "ordinal", "location"));

    public static final List<Table> ALL = List.of(ARTICLES, REJECTS, LINEAGE);

    private Tables() {}
}
