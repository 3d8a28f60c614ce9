package io.wiretrace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.config.ConfigLoader;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.eval.TokenOverlap;
import io.wiretrace.core.syndication.PageLines;
import io.wiretrace.pipeline.run.SparkSessions;
import io.wiretrace.pipeline.syndication.PageTemplates;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code bench templates}: what the page templates learned per outlet remove from real pages.
 * The 621 hand-annotated pages of {@code l3s_gn1} (408 sites; some with up to 12 pages) go through
 * a WARC and the extractor as in a run; templates are learned on the extracted texts with the
 * configured rule ({@link PageTemplates}), and every removed line is checked against the page's
 * annotated full text. A removed line found in the full text (as words in order) is content lost;
 * the rest is chrome the extractor left in. The figure that matters is the first: a template must
 * never eat the article.
 */
final class TemplateBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TemplateBench() {}

    static void run(String[] args) throws Exception {
        Path data = TopicBench.shared().resolve("data/l3s_gn1");
        if (!Files.exists(data.resolve("expected.json"))) {
            System.out.println("l3s_gn1 missing: " + data);
            return;
        }
        JsonNode expected = JSON.readTree(data.resolve("expected.json").toFile());
        List<ExtractionBench.Case> cases = new ArrayList<>();
        java.util.TreeSet<String> ids = new java.util.TreeSet<>();
        expected.fieldNames().forEachRemaining(ids::add);
        for (String id : ids) {
            JsonNode e = expected.get(id);
            cases.add(new ExtractionBench.Case(host(e.path("url").asText()), data.resolve("original/" + id + ".html.gz"),
                    e.path("url").asText(), e.path("headline").asText(), e.path("fulltext").asText(), null));
        }
        List<ExtractionBench.Got> got = ExtractionBench.ingest(ExtractionBench.archive(cases));
        WiretraceConfig cfg = ConfigLoader.load(null, Bench.overrides(args, "spark.conf.spark.ui.enabled=false"));
        SparkSession spark = SparkSessions.create(cfg);
        spark.sparkContext().setLogLevel("WARN");
        StructType schema = new StructType().add("article_id", DataTypes.StringType).add("outlet", DataTypes.StringType)
                .add("title", DataTypes.StringType).add("text", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (got.get(i).rejectReason() == null) {
                rows.add(RowFactory.create(String.valueOf(i), cases.get(i).publisher(), got.get(i).title(), got.get(i).text()));
            }
        }
        Dataset<Row> pages = spark.createDataFrame(rows, schema);
        PageTemplates.Marked marked = PageTemplates.mark(pages, cfg.syndication().boilerplate());
        // 621 pages: the evaluation reads them on the driver.
        Map<String, long[]> template = new HashMap<>();
        for (Row r : marked.articles().select("article_id", "own", "shared", "headlines").collectAsList()) {
            long[] all = PageTemplates.merge(r.isNullAt(1) ? null : r.getList(1), r.isNullAt(2) ? null : r.getList(2),
                    r.isNullAt(3) ? null : r.getList(3));
            template.put(r.getString(0), all == null ? new long[0] : all);
        }
        long words = 0;
        long removed = 0;
        long removedContent = 0;
        long chrome = 0;
        Map<String, Long> lost = new TreeMap<>();
        Set<String> outletsWithTemplate = new HashSet<>();
        for (int i = 0; i < cases.size(); i++) {
            long[] drop = template.get(String.valueOf(i));
            if (drop == null) {
                continue;
            }
            String full = " " + String.join(" ", TokenOverlap.tokens(cases.get(i).body())) + " ";
            for (String line : got.get(i).text().split("\n")) {
                List<String> t = TokenOverlap.tokens(line);
                if (t.isEmpty()) {
                    continue;
                }
                boolean content = full.contains(" " + String.join(" ", t) + " ");
                words += t.size();
                chrome += content ? 0 : t.size();
                if (Arrays.binarySearch(drop, PageLines.key(line)) >= 0) {
                    outletsWithTemplate.add(cases.get(i).publisher());
                    removed += t.size();
                    if (content) {
                        removedContent += t.size();
                        lost.merge(cases.get(i).publisher() + ": " + line.strip(), 1L, Long::sum);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "l3s_gn1: %,d pages extracted, %,d words; %,d words in lines not in the annotated full text%n",
                rows.size(), words, chrome);
        System.out.printf(Locale.ROOT, "templates: %s%n", marked.counts());
        System.out.printf(Locale.ROOT, "removed: %,d words from pages of %d outlets; %,d of them in lines of the annotated full text"
                        + " (%.2f %%); %.1f %% of the non-full-text words%n", removed, outletsWithTemplate.size(), removedContent,
                removed == 0 ? 0.0 : 100.0 * removedContent / removed, chrome == 0 ? 0.0 : 100.0 * (removed - removedContent) / chrome);
        lost.forEach((line, n) -> System.out.printf(Locale.ROOT, "  full-text line removed %d×: %s%n", n, line));
        spark.stop();
    }

    /** The site of a URL, without {@code www.}: the outlet for this bench. */
    private static String host(String url) {
        String h = URI.create(url.replace(" ", "%20")).getHost();
        return h == null ? "unknown" : h.replaceFirst("^www\\.", "");
    }
}
