package io.wiretrace.pipeline.syndication;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.syndication.PageLines;
import io.wiretrace.pipeline.Caches;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Each outlet's page template, learned from the run itself: the lines (navigation, share buttons,
 * newsletter promos, copyright lines, "related" blocks) that recur across many of one outlet's
 * pages, in two or more stories. Measured on a real one-event scrape, such lines held 18 % of the
 * words of outlets with three or more pages, and they dilute every copy (a true copy's shingle
 * containment falls under 0.5 when each page carries its own chrome) while making unrelated
 * pages of one outlet look alike. They are left out of the matching text only: articles.text
 * keeps the page as ingested.
 *
 * <p>A line in the template of two or more outlets is everyone's template: a line that is chrome
 * on two sites ("Sign up for our newsletter", an agency copyright notice) is chrome on a third
 * site with too few pages to learn its own. A wire paragraph is never a template line: it is on
 * one page per outlet (or on a few versions of one story, which share their main paragraph).
 *
 * <p>Everything is a group-by on (outlet, line key); only the templates — a few dozen lines per
 * outlet — are broadcast to the feature step, so article texts are not shuffled. Past
 * {@link #MAX_BROADCAST_LINES} template lines in all, the templates are joined by outlet instead.
 * Lines that are other articles' titles ("Most read", "Related") are found per article and
 * joined by article id ({@link #headlines}).
 */
public final class PageTemplates {

    /** Lines longer than this are never taken for a headline: paragraphs need not be looked up. */
    static final int MAX_TITLE_CHARS = 250;

    /** Template lines beyond which they are joined to the articles, not broadcast (8 bytes each). */
    static final long MAX_BROADCAST_LINES = 2_000_000L;

    private static final StructType LINES = new StructType()
            .add("outlet_key", DataTypes.LongType, false)
            .add("line", DataTypes.LongType, false)
            .add("page_key", DataTypes.LongType, false);

    private static final StructType ARTICLE_LINES = new StructType()
            .add("article_id", DataTypes.StringType, false)
            .add("line", DataTypes.LongType, false);

    private static final StructType OUTLETS = new StructType()
            .add("outlet", DataTypes.StringType, false)
            .add("outlet_key", DataTypes.LongType, false)
            .add("outlet_pages", DataTypes.LongType, false);

    /**
     * Articles with their outlet's template lines ({@code own}, null for none), the lines shared by
     * two or more outlets' templates ({@code shared}) and the lines that are other articles'
     * headlines ({@code headlines}), all sorted keys; the counts; and what it cached, for the caller
     * to release once the marked articles are read no more (released here if marking fails).
     */
    public record Marked(Dataset<Row> articles, Map<String, Long> counts, List<Dataset<Row>> cached) {}

    private PageTemplates() {}

    /**
     * Adds the {@code own}, {@code shared} and {@code headlines} columns to articles (needs
     * article_id, outlet, title and text). Disabled, all are null and the counts are zeros.
     */
    public static Marked mark(Dataset<Row> articles, WiretraceConfig.Boilerplate cfg) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (!cfg.enabled()) {
            counts.put("template_outlets", 0L);
            counts.put("template_lines", 0L);
            counts.put("template_shared_lines", 0L);
            counts.put("template_headline_lines", 0L);
            return new Marked(articles.withColumn("own", lit(null).cast("array<bigint>"))
                    .withColumn("shared", lit(null).cast("array<bigint>"))
                    .withColumn("headlines", lit(null).cast("array<bigint>")), counts, List.of());
        }
        return Caches.releasingOnFailure(cached -> mark(articles, cfg, counts, cached));
    }

    private static Marked mark(Dataset<Row> articles, WiretraceConfig.Boilerplate cfg, Map<String, Long> counts,
                               List<Dataset<Row>> cached) {
        Dataset<Row> perOutlet = learn(articles, cfg).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(perOutlet);
        Dataset<Row> shared = perOutlet.select(explode(col("own")).as("line")).groupBy("line")
                .agg(count(lit(1)).as("outlets")).filter(col("outlets").geq(2))
                .agg(array_sort(collect_list("line")).as("shared"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(shared);
        Row totals = perOutlet.agg(count(lit(1)), sum(size(col("own")))).first();
        long templateLines = totals.isNullAt(1) ? 0L : totals.getLong(1);
        counts.put("template_outlets", totals.getLong(0));
        counts.put("template_lines", templateLines);
        counts.put("template_shared_lines", (long) shared.first().getList(0).size());

        // The features step merges an article's outlet template, the shared lines and its headline
        // lines. The tables are joined as their cached rows, without the plan that learned them:
        // every later query over the features would otherwise re-analyse that plan (measured at
        // 20,000 articles: the stage took 3× as long, nearly all of it in the driver).
        SparkSession spark = articles.sparkSession();
        Dataset<Row> ownRows = spark.createDataFrame(perOutlet.javaRDD(), perOutlet.schema());
        Dataset<Row> sharedRows = spark.createDataFrame(shared.javaRDD(), shared.schema());
        Dataset<Row> byOutlet = templateLines <= MAX_BROADCAST_LINES ? broadcast(ownRows) : ownRows;
        Dataset<Row> marked = articles.join(byOutlet, "outlet", "left").crossJoin(broadcast(sharedRows))
                .join(headlines(articles, counts, cached), "article_id", "left");
        return new Marked(marked, counts, List.copyOf(cached));
    }

    /** Each outlet's own template: (outlet, own), the sorted keys of its template lines. */
    private static Dataset<Row> learn(Dataset<Row> articles, WiretraceConfig.Boilerplate cfg) {
        // One row per distinct line of a page, with the key of the page's main line: a line counts
        // once per page, and it must recur with at least two different main lines — a story
        // scraped under several URLs is one story, and its paragraphs are not a template. (Titles
        // would do the same, but scrapes often have none.) Keys only, three longs a row: the
        // outlet by a 64-bit hash of its name.
        Dataset<Row> lines = articles.select("outlet", "text").flatMap((FlatMapFunction<Row, Row>) r -> {
            long outlet = PageLines.key(r.getString(0));
            String text = r.getString(1);
            long page = PageLines.mainLineKey(text);
            long[] keys = PageLines.keys(text);
            List<Row> out = new ArrayList<>(keys.length);
            for (long k : keys) {
                out.add(RowFactory.create(outlet, k, page));
            }
            return out.iterator();
        }, Encoders.row(LINES));
        Dataset<Row> outletPages = articles.groupBy("outlet").agg(count(lit(1)).as("outlet_pages"))
                .filter(col("outlet_pages").geq(cfg.minOutletPages()))
                .map((MapFunction<Row, Row>) r -> RowFactory.create(r.getString(0), PageLines.key(r.getString(0)),
                        r.getLong(1)), Encoders.row(OUTLETS));
        Dataset<Row> learned = lines.groupBy("outlet_key", "line")
                .agg(count(lit(1)).as("pages"), min("page_key").as("first_page"), max("page_key").as("last_page"))
                .join(broadcast(outletPages), "outlet_key")
                .filter(col("first_page").notEqual(col("last_page"))
                        .and(col("pages").geq(when(col("line").bitwiseAND(1L).equalTo(1L), cfg.minPages())
                                .otherwise(cfg.minPagesShort())))
                        .and(col("pages").geq(col("outlet_pages").multiply(cfg.minShare()))));
        return learned.groupBy("outlet").agg(array_sort(collect_list("line")).as("own"));
    }

    /**
     * Per article, the lines that are the title of another article of the run: "Most read",
     * "Related" and "More on this" blocks list other pages' headlines, different on every page,
     * so no template holds them. A page's own title line is kept (its copies carry the same one).
     * Joined by article id, which a run's articles are partitioned by: only these short lists move.
     */
    private static Dataset<Row> headlines(Dataset<Row> articles, Map<String, Long> counts, List<Dataset<Row>> cached) {
        Dataset<Row> titles = articles.select("title").flatMap((FlatMapFunction<Row, Long>) r -> {
            long k = PageLines.key(r.getString(0));
            return k == 0L ? java.util.Collections.emptyIterator() : List.of(k).iterator();
        }, Encoders.LONG()).toDF("line").distinct();
        Dataset<Row> foreign = articles.select("article_id", "title", "text").flatMap((FlatMapFunction<Row, Row>) r -> {
            long own = PageLines.key(r.getString(1));
            List<Row> out = new ArrayList<>();
            for (long k : PageLines.keys(r.getString(2), MAX_TITLE_CHARS)) {
                if (k != own) {
                    out.add(RowFactory.create(r.getString(0), k));
                }
            }
            return out.iterator();
        }, Encoders.row(ARTICLE_LINES));
        Dataset<Row> found = foreign.join(titles, "line")
                .groupBy("article_id").agg(array_sort(collect_list("line")).as("headlines"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(found);
        Row total = found.agg(sum(size(col("headlines")))).first();
        counts.put("template_headline_lines", total.isNullAt(0) ? 0L : total.getLong(0));
        return articles.sparkSession().createDataFrame(found.javaRDD(), found.schema());
    }

    /** An article's template: its outlet's lines, the shared ones and its headline lines, sorted; null for none. */
    @SafeVarargs
    public static long[] merge(List<Long>... parts) {
        int n = 0;
        for (List<Long> part : parts) {
            n += part == null ? 0 : part.size();
        }
        if (n == 0) {
            return null;
        }
        long[] out = new long[n];
        int i = 0;
        for (List<Long> part : parts) {
            if (part != null) {
                for (Long k : part) {
                    out[i++] = k;
                }
            }
        }
        java.util.Arrays.sort(out);
        return out; // a repeat does no harm to the binary search that reads it
    }

    /** The manifest counts of what the templates removed, from the features' per-article figures. */
    static Map<String, Long> removed(Dataset<Row> feats) {
        Row r = feats.agg(sum(when(col("template_chars").gt(0), 1).otherwise(0)),
                sum(col("template_chars"))).first();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("template_articles", r.isNullAt(0) ? 0L : r.getLong(0));
        counts.put("template_chars_removed", r.isNullAt(1) ? 0L : r.getLong(1));
        return counts;
    }
}
