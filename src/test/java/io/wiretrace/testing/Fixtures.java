package io.wiretrace.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.util.ReflectionUtils;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Input fixtures written by the tests themselves: every format, and every way input breaks. */
public final class Fixtures {

    private Fixtures() {}

    /** A JSON Lines record in the input contract. */
    public static String json(String id, String outlet, String title, String text, String publishedAt) {
        return "{\"id\": \"" + id + "\", \"url\": \"https://" + outlet.toLowerCase().replace(' ', '-') + ".example/" + id
                + "\", \"outlet\": \"" + outlet + "\", \"title\": \"" + title + "\", \"text\": \"" + text.replace("\n", "\\n")
                + "\", \"published_at\": \"" + publishedAt + "\"}";
    }

    public static String paragraphText(String topic, int paragraphs) {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0) {
                sb.append("\n\n");
            }
            sb.append("Paragraph ").append(p + 1).append(" about ").append(topic)
                    .append(" with enough words to look like a real article body.");
        }
        return sb.toString();
    }

    public static void write(Path file, String content) throws IOException {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    public static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(b)) {
            out.write(data);
        }
        return b.toByteArray();
    }

    public static byte[] bzip2(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        BZip2Codec codec = ReflectionUtils.newInstance(BZip2Codec.class, new Configuration());
        try (OutputStream out = codec.createOutputStream(b)) {
            out.write(data);
        }
        return b.toByteArray();
    }

    public static byte[] zstd(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = new com.github.luben.zstd.ZstdOutputStream(b)) {
            out.write(data);
        }
        return b.toByteArray();
    }

    public static void copyResource(String resource, Path to) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            write(to, in.readAllBytes());
        }
    }

    /**
     * A corpus with one good file per format and one file per way of breaking, under {@code dir}.
     * Read it with {@code input.max_record_bytes=4096} and {@code input.max_text_chars=3000}.
     * Returns the number of input records it holds.
     */
    public static int nastyCorpus(Path dir) throws IOException {
        int records = 0;
        String lead = paragraphText("harbour ferries", 4);
        // Good JSON Lines: an exact duplicate (same outlet, same text re-scraped) and a cross-outlet copy.
        List<String> good = List.of(
                json("j1", "Eastport Gazette", "Ferry trial", lead, "2026-04-15T08:00:00Z"),
                json("j2", "Eastport Gazette", "Ferry trial (updated)", lead.replace('"', '\''), "2026-04-15T09:00:00Z"),
                json("j3", "Kestrel Bay Record", "Ferry Trial", lead, "2026-04-15T10:00:00+02:00"),
                json("j4", "Northgate Observer", "Library hours", paragraphText("library hours", 3), "not a date"),
                "",
                json("j5", "www.northgate-observer.example", "Stadium", paragraphText("stadium", 2), "1776240000000"));
        write(dir.resolve("good.jsonl"), String.join("\n", good) + "\n");
        records += 5;
        byte[] compressedLines = (String.join("\n",
                json("c1", "Riverton Post", "Compressed", paragraphText("compressed files", 3), "2026-04-01"),
                json("c2", "Riverton Post", "Compressed two", paragraphText("more compression", 3), "2026-04-02")) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        write(dir.resolve("compressed/news.jsonl.gz"), gzip(compressedLines));
        write(dir.resolve("compressed/news.jsonl.bz2"), bzip2(compressedLines));
        write(dir.resolve("compressed/news.jsonl.zst"), zstd(compressedLines));
        records += 6;
        write(dir.resolve("table.csv"), "publisher,headline,body,date,section\n"
                + "Oakdale Times,\"CSV, quoted\",\"First para.\n\nSecond \"\"quoted\"\" para.\",2026-04-03T12:00:00Z,local\n"
                + "Oakdale Times,Broken,\"never closed\n"
                + "Oakdale Times,After broken,text after the broken line,2026-04-03,local\n");
        records += 3;
        write(dir.resolve("table.tsv"), "outlet\ttitle\ttext\nLakeview Star\tTabs\tText, with a comma\n");
        records += 1;
        copyResource("/io/wiretrace/sample/harbour-page-001.txt", dir.resolve("pages/harbour.txt"));
        copyResource("/io/wiretrace/sample/harbour-page-001.txt.meta.json", dir.resolve("pages/harbour.txt.meta.json"));
        records += 4;
        write(dir.resolve("pages/empty.txt"), "\n   \n\n");
        records += 1;
        // Web archives: records that are not pages are skipped, not input records.
        write(dir.resolve("archives/news.warc.gz"), WarcFixtures.newsArchive());
        records += WarcFixtures.NEWS_ARTICLES + WarcFixtures.NEWS_REJECTS;
        write(dir.resolve("archives/news.wet.gz"), WarcFixtures.newsWet());
        records += 2;

        // Broken JSON Lines, one of each kind.
        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        broken.writeBytes("{\"id\": \"b1\", \"text\": \"cut off\n".getBytes(StandardCharsets.UTF_8));
        broken.writeBytes(new byte[]{'{', '"', 'i', 'd', '"', ':', '"', 'b', '2', '"', ',', '"', 't', 'e', 'x', 't', '"', ':',
                '"', 'c', 'a', 'f', (byte) 0xE9, '"', '}', '\n'});
        broken.writeBytes("{\"id\": \"b3\", \"title\": \"no text\"}\n".getBytes(StandardCharsets.UTF_8));
        broken.writeBytes("{\"id\": \"b4\", \"text\": \"   \"}\n".getBytes(StandardCharsets.UTF_8));
        broken.writeBytes("{\"id\": \"b5\", \"text\": {\"nested\": true}}\n".getBytes(StandardCharsets.UTF_8));
        char[] long3500 = new char[3500];
        Arrays.fill(long3500, 'w');
        broken.writeBytes(("{\"id\": \"b6\", \"text\": \"" + new String(long3500) + "\"}\n").getBytes(StandardCharsets.UTF_8));
        char[] huge = new char[10_000];
        Arrays.fill(huge, 'h');
        broken.writeBytes(("{\"id\": \"b7\", \"text\": \"" + new String(huge) + "\"}\n").getBytes(StandardCharsets.UTF_8));
        broken.writeBytes("{\"id\": \"b8\", \"text\": \"<script>alert(1)</script> NUL\\u0000 and RTL \u05E9\u05DC\u05D5\u05DD 中文\"}\n"
                .getBytes(StandardCharsets.UTF_8));
        write(dir.resolve("broken/broken.jsonl"), broken.toByteArray());
        records += 8;

        // Truncated gzip: two full records then the stream stops mid-way.
        byte[] full = gzip((String.join("\n",
                json("t1", "Pine Ridge Ledger", "Before truncation", paragraphText("truncation one", 2), "2026-04-05"),
                json("t2", "Pine Ridge Ledger", "Also before", paragraphText("truncation two", 2), "2026-04-05"),
                json("t3", "Pine Ridge Ledger", "Lost", randomWords(1500, 3), "2026-04-05"))
                + "\n").getBytes(StandardCharsets.UTF_8));
        write(dir.resolve("broken/truncated.jsonl.gz"), Arrays.copyOf(full, full.length - 300));
        records += 3; // two kept, one truncated_file reject standing for the rest of the file
        write(dir.resolve("broken/notgzip.jsonl.gz"), "this is plain text, not gzip\n");
        records += 1;
        write(dir.resolve("broken/corrupt.parquet"), "PAR1 this is not really parquet".getBytes(StandardCharsets.UTF_8));
        records += 1;
        // Compression bomb: 80 MiB of one byte, a few kB compressed.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bomb)) {
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 80; i++) {
                out.write(chunk);
            }
        }
        write(dir.resolve("broken/bomb.jsonl.gz"), bomb.toByteArray());
        records += 1;
        write(dir.resolve("README.md"), "not an input file\n");
        return records;
    }

    /** Incompressible filler text (so a cut gzip stream loses only the record it is in). */
    public static String randomWords(int words, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            int len = 2 + r.nextInt(8);
            for (int i = 0; i < len; i++) {
                sb.append((char) ('a' + r.nextInt(26)));
            }
            sb.append(' ');
        }
        return sb.toString().strip();
    }

    /** Parquet input written by Spark, with an alias column and an unknown one. */
    public static int parquetInput(Path dir) {
        StructType schema = new StructType()
                .add("id", DataTypes.StringType)
                .add("publisher", DataTypes.StringType)
                .add("title", DataTypes.StringType)
                .add("content", DataTypes.StringType)
                .add("published_at", DataTypes.TimestampType)
                .add("views", DataTypes.LongType);
        List<Row> rows = List.of(
                RowFactory.create("p1", "Westhaven Herald", "From Parquet", paragraphText("parquet input", 3),
                        java.sql.Timestamp.from(java.time.Instant.parse("2026-04-06T07:00:00Z")), 12L),
                RowFactory.create("p2", "Westhaven Herald", "No text", null, null, 0L));
        SparkTestSession.get().createDataFrame(rows, schema).coalesce(1).write().parquet(dir.toString());
        return 2;
    }

    /** Content hash → number of files with that content, for the Parquet files under {@code dir}. */
    public static java.util.Map<String, Long> fileHashes(Path dir) throws Exception {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                out.merge(sha256(p), 1L, Long::sum);
            }
        }
        return out;
    }

    /**
     * The rows of every Parquet file under {@code dir} (without the columns {@code without}), file by file in row order (file content →
     * how many files have it). Equal across two runs means same rows, same order within files and
     * the same split into files. For comparing runs in different JVMs, where {@link #fileHashes}
     * cannot be used: parquet-java writes a column's encoding list in HashSet order, which follows
     * identity hash codes (apache/parquet-java#3215), so footers differ by a few bytes between
     * processes although every value is the same.
     */
    public static java.util.Map<String, Long> fileRows(Path dir, String... without) throws Exception {
        org.apache.spark.sql.SparkSession spark = SparkTestSession.get();
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                StringBuilder content = new StringBuilder();
                org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows = spark.read().parquet(p.toString()).drop(without);
                for (org.apache.spark.sql.types.StructField f : rows.schema().fields()) {
                    if (f.dataType() instanceof org.apache.spark.sql.types.BinaryType) { // bytes, not array identities
                        rows = rows.withColumn(f.name(), org.apache.spark.sql.functions.hex(rows.col(f.name())));
                    }
                }
                for (org.apache.spark.sql.Row r : rows.collectAsList()) {
                    content.append(r).append('\n');
                }
                out.merge(content.toString(), 1L, Long::sum);
            }
        }
        return out;
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Every file under {@code dir} (relative path → SHA-256), to prove a directory unchanged. */
    public static java.util.Map<String, String> treeHashes(Path dir) throws Exception {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), sha256(p));
            }
        }
        return out;
    }

    /** {@code a} followed by {@code b}: command lines built from a shared prefix. */
    public static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
