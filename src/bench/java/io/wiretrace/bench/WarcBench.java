package io.wiretrace.bench;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.config.ConfigLoader;
import io.wiretrace.config.InputFormat;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.generate.NewsPages;
import io.wiretrace.core.ingest.InputRecord;
import io.wiretrace.core.ingest.RecordMapper;
import io.wiretrace.core.ingest.WarcArticles;
import io.wiretrace.core.ingest.WarcPages;
import io.wiretrace.pipeline.ingest.IngestStage;
import io.wiretrace.pipeline.ingest.InputPlan;
import io.wiretrace.pipeline.ingest.InputPlanner;
import io.wiretrace.pipeline.run.SparkSessions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * {@code scripts/bench warc --pages N [--chrome-kb K]}: web-archive ingestion speed. The generated
 * corpus's articles are rendered as news pages (chrome, JSON-LD, about 7 KB each, plus K KB of
 * script, menus and teasers, see {@link NewsPages}) into gzip-per-record WARC
 * files of 10,000 pages, each page with its request record and, every 25th page, an image
 * response, as a crawler writes them. Then, in one process: the Spark ingest stage over the WARC
 * files (decode, parse, extract on the executors), the same stage over the same articles as JSON
 * Lines, and the plain-Java WARC → article path on one thread.
 */
public final class WarcBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGES_PER_FILE = 10_000;
    private static final Instant CAPTURED = Instant.parse("2026-04-15T12:00:00Z");

    private WarcBench() {}

    public static void run(String[] args) throws Exception {
        int pages = 100_000;
        int chromeKb = 0;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--pages")) {
                pages = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
            } else if (args[i].equals("--chrome-kb")) {
                chromeKb = Integer.parseInt(args[++i]);
            }
        }
        Path corpus = Bench.corpus(pages, 42);
        Path warcs = archives(corpus, pages, chromeKb);
        String[] done = Files.readString(warcs.resolve("_COMPLETE")).strip().split(" ");
        double pageKb = done.length > 1 ? Long.parseLong(done[1]) / 1024.0 / Integer.parseInt(done[0]) : Double.NaN;
        long warcBytes;
        try (Stream<Path> s = Files.list(warcs)) {
            warcBytes = s.filter(p -> p.toString().endsWith(".warc.gz")).mapToLong(p -> p.toFile().length()).sum();
        }
        WiretraceConfig cfg = ConfigLoader.load(null, List.of());
        SparkSession spark = SparkSessions.create(cfg);
        int cores = spark.sparkContext().defaultParallelism();
        try {
            // Warm-up (JIT, Spark's first-job costs) on one file; not timed.
            ingest(spark, cfg, warcs.resolve("pages-00000.warc.gz"));
            double[] warc = ingest(spark, cfg, warcs);
            double[] jsonl = ingest(spark, cfg, corpus.resolve("articles"));
            System.out.printf(Locale.ROOT, "warc: %,d pages of %.0f KB (%.0f MB of .warc.gz, %,d records skipped) → %,d articles in %.1f s on %d cores:"
                            + " %.0f pages/s, %.0f pages/s/core%n", (long) warc[1], pageKb, warcBytes / 1e6, (long) warc[2],
                    (long) warc[3], warc[0], cores, warc[1] / warc[0], warc[1] / warc[0] / cores);
            System.out.printf(Locale.ROOT, "jsonl (same articles, same stage): %,d records in %.1f s: %.0f records/s/core%n",
                    (long) jsonl[1], jsonl[0], jsonl[1] / jsonl[0] / cores);
        } finally {
            spark.stop();
        }
        double[] one = oneThread(warcs.resolve("pages-00000.warc.gz"));
        System.out.printf(Locale.ROOT, "one thread, plain Java (WarcPages + WarcArticles, no Spark): %,d pages in %.1f s: %.0f pages/s%n",
                (long) one[1], one[0], one[1] / one[0]);
    }

    /** {seconds, input records (pages), skipped records, articles} of the ingest stage over {@code input}. */
    private static double[] ingest(SparkSession spark, WiretraceConfig cfg, Path input) {
        long t0 = System.nanoTime();
        InputPlan plan = InputPlanner.plan(List.of(input.toString()), InputFormat.AUTO, cfg.input().splitBytes(),
                spark.sparkContext().hadoopConfiguration());
        List<Row> counts = IngestStage.run(spark, plan, cfg)
                .selectExpr("skip_reason IS NOT NULL AS skipped", "reject_reason IS NULL AS ok")
                .groupBy("skipped", "ok").count().collectAsList();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long in = 0;
        long skipped = 0;
        long ok = 0;
        for (Row r : counts) {
            if (r.getBoolean(0)) {
                skipped += r.getLong(2);
            } else {
                in += r.getLong(2);
                ok += r.getBoolean(1) ? r.getLong(2) : 0;
            }
        }
        return new double[] {seconds, in, skipped, ok};
    }

    private static double[] oneThread(Path file) throws IOException {
        WarcArticles articles = new WarcArticles(new RecordMapper(new RecordMapper.Settings(Map.of(), 1_000_000, 200, "UTC", null)));
        long n = 0;
        long t0 = System.nanoTime();
        try (InputStream in = Files.newInputStream(file); WarcPages pages = new WarcPages(in, 8 << 20)) {
            for (WarcPages.Page p = pages.next(); p != null; p = pages.next()) {
                InputRecord r = articles.toRecord(file.toString(), p);
                if (!r.skipped()) {
                    n++;
                }
            }
        }
        return new double[] {(System.nanoTime() - t0) / 1e9, n};
    }

    /** The corpus's articles as WARC files (cached beside the corpus). */
    static Path archives(Path corpus, int pages, int chromeKb) throws IOException {
        Path dir = corpus.resolveSibling("warc-" + corpus.getFileName() + "-chrome" + chromeKb + "k");
        if (Files.exists(dir.resolve("_COMPLETE"))) {
            return dir;
        }
        Files.createDirectories(dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus.resolve("articles"))) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        long t0 = System.nanoTime();
        int written = 0;
        long htmlBytes = 0;
        WarcWriter out = null;
        FileChannel channel = null;
        try {
            for (Path f : files) {
                try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    for (String line = r.readLine(); line != null && written < pages; line = r.readLine()) {
                        JsonNode a;
                        try {
                            a = JSON.readTree(line);
                        } catch (IOException e) {
                            continue; // the generator's deliberately broken records
                        }
                        if (a == null || !a.path("text").isTextual() || !a.path("url").isTextual()) {
                            continue;
                        }
                        if (written % PAGES_PER_FILE == 0) {
                            if (out != null) {
                                out.close();
                            }
                            channel = FileChannel.open(dir.resolve(String.format("pages-%05d.warc.gz", written / PAGES_PER_FILE)),
                                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                            out = new WarcWriter(channel, WarcCompression.GZIP);
                        }
                        htmlBytes += write(out, a, written, chromeKb);
                        written++;
                    }
                }
            }
        } finally {
            if (out != null) {
                out.close();
            }
        }
        Files.writeString(dir.resolve("_COMPLETE"), written + " " + htmlBytes + "\n");
        System.out.printf("wrote %,d pages as WARC in %.1f s%n", written, (System.nanoTime() - t0) / 1e9);
        return dir;
    }

    /** Writes one page's records; returns the page's HTML size in bytes. */
    private static int write(WarcWriter out, JsonNode a, int n, int chromeKb) throws IOException {
        String url = a.get("url").asText();
        String outlet = a.path("outlet").asText("news.example");
        byte[] html = NewsPages.render(outlet, a.path("title").asText(""), a.get("text").asText(),
                a.path("published_at").isTextual() ? a.get("published_at").asText() : null, "en", null, chromeKb).getBytes(StandardCharsets.UTF_8);
        out.write(new WarcRequest.Builder(url).date(CAPTURED)
                .body(new HttpRequest.Builder("GET", "/").addHeader("Host", outlet).build()).build());
        out.write(new WarcResponse.Builder(url).date(CAPTURED)
                .body(new HttpResponse.Builder(200, "OK").addHeader("Content-Type", "text/html; charset=utf-8")
                        .body(MediaType.HTML_UTF8, html).build())
                .build());
        if (n % 25 == 0) {
            out.write(new WarcResponse.Builder(url + "/logo.png").date(CAPTURED)
                    .body(new HttpResponse.Builder(200, "OK").addHeader("Content-Type", "image/png")
                            .body(MediaType.parse("image/png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'}).build())
                    .build());
        }
        return html.length;
    }
}
