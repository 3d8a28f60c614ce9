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
 * description per column (written into the Parquet schema as the column comment; docs/schema.md
 * and the DDL in sql/ are generated from it by {@link SchemaDocs}). Later engines add columns;
 * none is ever renamed or removed.
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

    /**
     * Every table is partitioned by the run's date (Hive style, {@code run_date=YYYY-MM-DD}): a
     * scheduled job adds one partition per run, and re-running a date replaces only that date.
     */
    public static final String PARTITION_COLUMN = "run_date";

    public static final String PARTITION_DESCRIPTION =
            "The run's date, YYYY-MM-DD (--run-date; default the UTC date the run started).";

    private static final DataType STR = DataTypes.StringType;
    private static final DataType TS = DataTypes.TimestampType;

    public static final Table ARTICLES = new Table("articles",
            "One row per distinct article (exact duplicates collapsed).",
            List.of(
                    new Col("article_id", STR, "Stable ID: hash of the outlet key and the text in matching form."),
                    new Col("source_id", STR, "The input record's own id, when it had one."),
                    new Col("outlet", STR, "Canonical outlet key: the outlet registry's key for the domain, else the registrable domain (or folded host), or a slug of the name."),
                    new Col("outlet_name", STR, "Outlet display name."),
                    new Col("outlet_country", STR, "Outlet's country (ISO 3166-1 alpha-2) from the outlet registry; null when not listed."),
                    new Col("outlet_owner", STR, "Outlet's owner (media group) from the outlet registry; null when not listed."),
                    new Col("url", STR, "Article URL as given (web archives: the captured URL; the page's canonical link is in extra.canonical_url)."),
                    new Col("title", STR, "Headline."),
                    new Col("text", STR, "Article text; paragraphs separated by a blank line."),
                    new Col("published_at", TS, "Publication time, UTC; null when unknown."),
                    new Col("scraped_at", TS, "Scrape time, UTC; null when unknown."),
                    new Col("language", STR, "Language code as given in the input (web archives: the primary subtag the page declares); null when unknown."),
                    new Col("word_count", DataTypes.IntegerType, "Words in the text."),
                    new Col("content_chars", DataTypes.IntegerType, "Characters of the text used for copy detection: the text without the lines of its outlet's page template learned in the run (navigation, share and newsletter lines; docs/syndication.md). Null when syndication is disabled."),
                    new Col("source_file", STR, "Input file the kept record came from."),
                    new Col("extra", DataTypes.createMapType(STR, STR), "Input fields outside the contract, as text."),
                    new Col("story_id", STR, "Story this article belongs to; an article with no copies is its own story. Null when syndication is disabled."),
                    new Col("topic_id", DataTypes.IntegerType, "Topic cluster (topic engine); null until it runs."),
                    new Col("is_origin", DataTypes.BooleanType, "True for the story's origin (earliest known published_at; ties by article_id)."),
                    new Col("wire_credit", STR, "Wire agency credited in a dateline, byline or credit line (AP, Reuters, AFP, TASS, ...); null when none."),
                    new Col("edit_kind", STR, "Change from the story's origin: identical, trimmed, extended, headline_changed, lede_rewritten, other; null for origins, singletons and stories without known times."),
                    new Col("lag_from_origin_s", DataTypes.LongType, "Seconds after the origin's publication; null when either time is unknown.")),
            List.of("article_id"));

    public static final Table REJECTS = new Table("rejects",
            "One row per input record that did not become an article, with the reason.",
            List.of(
                    new Col("source_file", STR, "Input file."),
                    new Col("location", STR, "Where in the file: 'line N', 'byte N', 'row N', 'offset N' (web-archive record), 'main', 'related N' or 'file'."),
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

    private static final DataType LONG = DataTypes.LongType;
    private static final DataType INT = DataTypes.IntegerType;
    private static final DataType DBL = DataTypes.DoubleType;

    public static final Table SYNDICATION_PAIRS = new Table("syndication_pairs",
            "One row per verified pair (article_id_a < article_id_b): a copy, or partial reuse (a shared content sentence).",
            List.of(
                    new Col("article_id_a", STR, "First article (smaller id)."),
                    new Col("article_id_b", STR, "Second article."),
                    new Col("outlet_a", STR, "Outlet of article a."),
                    new Col("outlet_b", STR, "Outlet of article b."),
                    new Col("relation", STR, "copy (the same story: the two are in one story) or partial (they share content sentences but are not copies; never joins stories)."),
                    new Col("jaccard", DBL, "Exact Jaccard similarity of the two shingle sets."),
                    new Col("containment", DBL, "Exact containment |A∩B| / min(|A|,|B|)."),
                    new Col("sentence_share", DBL, "Share of the shorter article's content sentences (8+ words) found near-verbatim in the other; null for a copy by shingles (jaccard/containment), where it is not computed."),
                    new Col("matched_by", STR, "Which test made it a copy: jaccard, containment, both (jaccard and containment) or sentences; null for partial."),
                    new Col("lag_s", LONG, "Seconds from a's publication to b's (negative when b was first); null when unknown.")),
            List.of("article_id_a", "article_id_b"));

    public static final Table STORIES = new Table("stories",
            "One row per story touched on the run date (including single-article stories), with cumulative counts.",
            List.of(
                    new Col("story_id", STR, "Stable story id (hash of the origin article id, or of the smallest member id when no time is known), kept on later dates (docs/incremental.md)."),
                    new Col("origin_article_id", STR, "The origin article; null when no member has a known publication time."),
                    new Col("origin_outlet", STR, "Outlet that published first; null when unknown."),
                    new Col("title", STR, "Title of the origin (or of the smallest member when the origin is unknown)."),
                    new Col("wire_credit", STR, "Wire agency credited by the origin, else by most members; null when none."),
                    new Col("first_published_at", TS, "Earliest known publication time."),
                    new Col("last_published_at", TS, "Latest known publication time."),
                    new Col("spread_s", LONG, "Seconds from first to last publication."),
                    new Col("n_articles", INT, "Articles in the story so far, earlier dates included."),
                    new Col("n_outlets", INT, "Distinct outlets in the story so far."),
                    new Col("outlets", DataTypes.createArrayType(STR), "The story's outlets, sorted."),
                    new Col("n_new_articles", INT, "Articles of this run date in the story; less than n_articles when the story started on an earlier date (docs/incremental.md)."),
                    new Col("first_run_date", STR, "Run date on which the story first appeared.")),
            List.of("story_id"));

    public static final Table STORY_SPREAD = new Table("story_spread",
            "The spread curve: one row per article of every story with two or more articles, in pickup order.",
            List.of(
                    new Col("story_id", STR, "Story."),
                    new Col("outlet", STR, "Outlet of this pickup."),
                    new Col("article_id", STR, "Article."),
                    new Col("published_at", TS, "Publication time; null when unknown (ranked last)."),
                    new Col("lag_from_origin_s", LONG, "Seconds after the origin."),
                    new Col("pickup_rank", INT, "1 for the origin, then by publication time (ties by article_id)."),
                    new Col("cumulative_outlets", INT, "Distinct outlets that have carried the story up to this pickup.")),
            List.of("story_id", "pickup_rank"));

    public static final Table OUTLET_OVERLAP = new Table("outlet_overlap",
            "Who follows whom: one row per pair of outlets (outlet_a < outlet_b) sharing at least one story.",
            List.of(
                    new Col("outlet_a", STR, "First outlet (smaller key)."),
                    new Col("outlet_b", STR, "Second outlet."),
                    new Col("shared_stories", LONG, "Stories both carried."),
                    new Col("stories_a", LONG, "Stories outlet a carried."),
                    new Col("stories_b", LONG, "Stories outlet b carried."),
                    new Col("jaccard", DBL, "shared / (stories_a + stories_b - shared)."),
                    new Col("overlap_coefficient", DBL, "shared / min(stories_a, stories_b)."),
                    new Col("a_first", LONG, "Shared stories that outlet a published first."),
                    new Col("b_first", LONG, "Shared stories that outlet b published first."),
                    new Col("median_lag_s", DBL, "Median of (b's first publication - a's) over shared stories with known times.")),
            List.of("outlet_a", "outlet_b"));

    public static final Table OUTLET_SUMMARY = new Table("outlet_summary",
            "One row per outlet: originality and dependence on others.",
            List.of(
                    new Col("outlet", STR, "Outlet key."),
                    new Col("outlet_name", STR, "Outlet display name."),
                    new Col("outlet_country", STR, "Country (ISO 3166-1 alpha-2) from the outlet registry; null when not listed."),
                    new Col("outlet_owner", STR, "Owner (media group) from the outlet registry; null when not listed."),
                    new Col("n_articles", LONG, "Articles."),
                    new Col("n_stories", LONG, "Distinct stories."),
                    new Col("originals", LONG, "Articles that are their story's origin (singletons included)."),
                    new Col("copies", LONG, "Articles that copy another outlet's or agency's story (not the origin)."),
                    new Col("wire_share", DBL, "Share of articles with a wire credit."),
                    new Col("median_pickup_lag_s", DBL, "Median lag of its copies behind their origins."),
                    new Col("top_sources", DataTypes.createArrayType(STR), "Origin outlets it copies most (up to 5, most first).")),
            List.of("outlet"));

    public static final Table TOPICS = new Table("topics",
            "One row per topic: its label, distinctive terms, most central story and size.",
            List.of(
                    new Col("topic_id", INT, "Topic number: 0 is the topic with the most stories, then by size (ties by smallest story id)."),
                    new Col("label", STR, "The topic's most distinctive terms, comma separated, for display."),
                    new Col("top_terms", DataTypes.createArrayType(new StructType()
                            .add("term", STR).add("weight", DBL)),
                            "Distinctive terms, best first; weight = c·ln(c/m) with c, m the term's weight in the topic and corpus centroids."),
                    new Col("central_story_id", STR, "The story closest to the topic's centroid (cosine)."),
                    new Col("central_title", STR, "Title of that story, so a person recognises the topic at a glance."),
                    new Col("n_articles", LONG, "Articles in the topic (all copies of its stories)."),
                    new Col("n_stories", LONG, "Stories in the topic."),
                    new Col("n_outlets", LONG, "Distinct outlets with an article in the topic."),
                    new Col("first_published_at", TS, "Earliest known publication time in the topic."),
                    new Col("last_published_at", TS, "Latest known publication time in the topic.")),
            List.of("topic_id"));

    public static final Table TOPIC_OUTLETS = new Table("topic_outlets",
            "Who covers what: one row per (topic, outlet) with at least one article.",
            List.of(
                    new Col("topic_id", INT, "Topic."),
                    new Col("outlet", STR, "Outlet key."),
                    new Col("n_articles", LONG, "The outlet's articles in the topic."),
                    new Col("n_stories", LONG, "Distinct stories of the topic the outlet carried."),
                    new Col("share_of_outlet", DBL, "n_articles / the outlet's articles that have a topic."),
                    new Col("share_of_topic", DBL, "n_articles / the topic's articles.")),
            List.of("topic_id", "outlet"));

    private static final DataType BIN = DataTypes.BinaryType;

    public static final Table STORY_INDEX = new Table("story_index",
            "What later runs match against (docs/incremental.md): one row per article of the run date with its matching features and story. Read by the runs of the next syndication.window_days dates; not meant for BI.",
            List.of(
                    new Col("article_id", STR, "Article."),
                    new Col("doc_key", LONG, "64-bit key of the article id, as matching uses it."),
                    new Col("outlet", STR, "Outlet key."),
                    new Col("published_s", LONG, "Publication time, epoch seconds; null when unknown."),
                    new Col("title_hash", LONG, "Fingerprint of the normalised title (edit kinds)."),
                    new Col("lede_hash", LONG, "Fingerprint of the first content paragraph (edit kinds)."),
                    new Col("shingles", DataTypes.createArrayType(INT), "Sorted shingle hashes of the content text (exact verification)."),
                    new Col("sentences", BIN, "Content sentences in compact form (sentence anchors, partial reuse)."),
                    new Col("signature", BIN, "MinHash signature (LSH band keys)."),
                    new Col("sketch", BIN, "8-bit MinHash sketch (candidate pre-filter)."),
                    new Col("lsh_keys", DataTypes.createArrayType(LONG), "The article's LSH buckets (every band's, then its sentence anchors'), each as one 64-bit lookup key: a later run reads this column alone to find the articles sharing a bucket with its own."),
                    new Col("story_id", STR, "The article's story."),
                    new Col("origin_article_id", STR, "The story's origin; null when unknown."),
                    new Col("origin_published_s", LONG, "The origin's publication time, epoch seconds; null when unknown."),
                    new Col("index_params", STR, "The matching parameters the features were computed with; a run refuses an index written with others."),
                    new Col("index_since", STR, "The run date this index was started (first run, or the last --rebuild-index); earlier dates are not read.")),
            List.of("article_id"));

    public static final List<Table> ALL = List.of(ARTICLES, REJECTS, LINEAGE, SYNDICATION_PAIRS, STORIES, STORY_SPREAD,
            OUTLET_OVERLAP, OUTLET_SUMMARY, TOPICS, TOPIC_OUTLETS, STORY_INDEX);

    /** Tables written when syndication is enabled. */
    public static final List<Table> SYNDICATION = List.of(SYNDICATION_PAIRS, STORIES, STORY_SPREAD, OUTLET_OVERLAP,
            OUTLET_SUMMARY, STORY_INDEX);

    /** Tables written when the topic engine is enabled. */
    public static final List<Table> TOPIC_TABLES = List.of(TOPICS, TOPIC_OUTLETS);

    /** Tables every run writes; the others need their engine enabled. */
    public static final List<Table> CORE = List.of(ARTICLES, REJECTS, LINEAGE);

    private Tables() {}
}
