package io.wiretrace.config;

import io.wiretrace.core.syndication.MinHashSketcher;
import io.wiretrace.core.syndication.Shingler;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The effective configuration: built-in defaults ← YAML file ← command-line overrides, bound to
 * immutable records (YAML keys are the snake_case forms of the component names). Every key, with
 * its default and meaning, is documented in {@code conf/wiretrace.yaml}; a test keeps the two equal.
 */
public record WiretraceConfig(Input input, Outlets outlets, Syndication syndication, Topics topics, Quality quality,
                              Output output, Spark spark)
        implements Serializable {


    /** How input is read. */
    public record Input(InputFormat format, String defaultTimezone, int maxRecordBytes, int maxTextChars,
                        int excerptChars, long splitBytes, double maxCompressionRatio,
                        Map<String, String> fieldAliases, Csv csv, Pages pages) implements Serializable {}

    public record Csv(String delimiter, String paragraphSeparator) implements Serializable {}

    public record Pages(String scrapedAt, String relatedHeading, List<String> chromeLines) implements Serializable {}

    /** Outlet canonicalisation: raw name/domain/key → key, and key → display name. */
    /**
     * @param registry "builtin" (the bundled conf/outlets.csv), "none", or the path of a registry CSV
     *                 (any Hadoop file system; read on the driver)
     */
    public record Outlets(Map<String, String> aliases, Map<String, String> displayNames, String registry)
            implements Serializable {}

    /** Near-duplicate detection (MinHash LSH) and story building. */
    public record Syndication(boolean enabled, Shingler.Unit shingleUnit, int shingleSize, int minhashComponents,
                              Boilerplate boilerplate, Lsh lsh, Verify verify, long localComponentsMaxPairs,
                              int localMaxArticles, int windowDays)
            implements Serializable {}

    /** Page template lines learned per run: a line is an outlet's template when it is on at least
     *  min_pages of its pages (min_pages_short for a line under 8 words), on pages of two or more
     *  stories (different main paragraphs), and on at least min_share of them, for an
     *  outlet with at least min_outlet_pages pages; a line in the template of two or more outlets
     *  is left out everywhere. */
    public record Boilerplate(boolean enabled, int minOutletPages, int minPages, int minPagesShort, double minShare)
            implements Serializable {}

    /** LSH banding: bands × rows chosen from the threshold unless both are set (> 0); plus the keys of
     *  each article's first anchor_sentences content sentences as candidate keys (0 = none). */
    public record Lsh(double threshold, int bands, int rows, double falsePositiveWeight, double falseNegativeWeight,
                      int maxBucketSize, int giantBucketWindow, int anchorSentences) implements Serializable {}

    /** A candidate pair is a copy when jaccard ≥ jaccard, or containment ≥ containment with at
     *  least min_shared_shingles in common, or (when sentence_share &gt; 0) when sentence_share of the
     *  shorter article's content sentences (at least min_shared_sentences) are near-verbatim
     *  (near_verbatim of their words, all their figures) in the other. */
    public record Verify(double jaccard, double containment, int minSharedShingles, double sentenceShare,
                         double nearVerbatim, int minSharedSentences) implements Serializable {}

    /** Topic clustering (TF-IDF + spherical k-means over one representative per story). */
    public record Topics(boolean enabled, String k, int kMin, int kMax, TopicAlgorithm algorithm, int seed, int restarts,
                         int maxIterations, TopicText text, int labelTerms, int autoSampleSize, int localFitMaxStories)
            implements Serializable {

        /** The configured k, or -1 for "auto". */
        public int fixedK() {
            return "auto".equals(k) ? -1 : Integer.parseInt(k.trim());
        }
    }

    /** How topic text becomes terms: tokenisation, stop words, stemming, n-grams and vocabulary. */
    public record TopicText(String language, List<String> extraStopWords, boolean stem, int ngrams, int titleWeight,
                            int vocabularySize, double minDf, double maxDf, boolean sublinearTf,
                            Vectorizer vectorizer) implements Serializable {}

    public record Quality(double maxRejectRate) implements Serializable {}

    public record Output(int maxRecordsPerFile, ParquetCompression compression, boolean registerTables, String catalogDatabase,
                         int parallelWrites)
            implements Serializable {}

    /** Spark settings applied only where the operator (spark-submit, spark-defaults) set nothing. */
    public record Spark(String master, String appName, int shufflePartitions, long onePartitionMaxBytes,
                        Map<String, String> conf)
            implements Serializable {}

    /** Keys whose values are free-form maps (any sub-key allowed). */
    public static final Set<String> MAP_KEYS =
            Set.of("input.field_aliases", "outlets.aliases", "outlets.display_names", "spark.conf");

    public static WiretraceConfig defaults() {
        Map<String, String> aliases = new TreeMap<>();
        aliases.put("publisher", "outlet");
        aliases.put("source", "outlet");
        aliases.put("site", "outlet");
        aliases.put("domain", "outlet");
        aliases.put("body", "text");
        aliases.put("content", "text");
        aliases.put("article_text", "text");
        aliases.put("headline", "title");
        aliases.put("link", "url");
        aliases.put("permalink", "url");
        aliases.put("date", "published_at");
        aliases.put("published", "published_at");
        aliases.put("pub_date", "published_at");
        aliases.put("publish_date", "published_at");
        aliases.put("scrape_time", "scraped_at");
        aliases.put("crawled_at", "scraped_at");
        aliases.put("fetched_at", "scraped_at");
        aliases.put("lang", "language");
        aliases.put("article_id", "id");
        aliases.put("guid", "id");
        return new WiretraceConfig(
                new Input(InputFormat.AUTO, "UTC", 8 * 1024 * 1024, 1_000_000, 200, 64L * 1024 * 1024, 100.0, aliases,
                        new Csv(",", null),
                        new Pages(null, "Related Articles",
                                List.of("Hashtags", "Try Our AI Features", "Explore what Daily8 AI can do for you:",
                                        "Comments", "No comments yet...", "Share", "Advertisement"))),
                new Outlets(new TreeMap<>(), new TreeMap<>(), "builtin"),
                new Syndication(true, Shingler.Unit.WORD, 5, 128, new Boilerplate(true, 2, 3, 2, 0.2), new Lsh(0.3, 0, 0, 0.5, 0.5, 200, 10, 6), new Verify(0.5, 0.5, 15, 0.0, 0.7, 2),
                        20_000_000L, 20_000, 7),
                new Topics(true, "auto", 4, 16, TopicAlgorithm.KMEANS, 42, 3, 40,
                        new TopicText("en", List.of(), false, 1, 2, 50_000, 2, 0.5, true, Vectorizer.VOCABULARY), 10, 20_000,
                        500_000),
                new Quality(0.05),
                new Output(500_000, ParquetCompression.SNAPPY, false, "wiretrace", 2),
                new Spark("local[*]", "wiretrace", 0, 32L * 1024 * 1024, new TreeMap<>()));
    }

    /** Checks every value; throws {@link ConfigException} with an "Invalid X: reason" message. */
    public WiretraceConfig validate() {
        require(input != null && outlets != null && syndication != null && topics != null && quality != null
                        && output != null && spark != null,
                "Invalid configuration: a section is null");
        require(input.csv() != null && input.pages() != null, "Invalid configuration: input.csv or input.pages is null");
        require(input.format() != null, "Invalid input.format: must be one of " + choices(InputFormat.class));
        try {
            ZoneId.of(input.defaultTimezone());
        } catch (DateTimeException | NullPointerException e) {
            throw new ConfigException("Invalid input.default_timezone: '" + input.defaultTimezone() + "' is not a time zone");
        }
        require(input.maxRecordBytes() >= 1024 && input.maxRecordBytes() <= 512 * 1024 * 1024,
                "Invalid input.max_record_bytes: " + input.maxRecordBytes() + " is outside 1024..536870912");
        require(input.maxTextChars() >= 1, "Invalid input.max_text_chars: must be positive");
        require(input.excerptChars() >= 10 && input.excerptChars() <= 10_000,
                "Invalid input.excerpt_chars: " + input.excerptChars() + " is outside 10..10000");
        require(input.splitBytes() >= 1024 * 1024, "Invalid input.split_bytes: must be at least 1048576 (1 MiB)");
        require(input.maxCompressionRatio() >= 2, "Invalid input.max_compression_ratio: must be at least 2");
        require(input.fieldAliases() != null, "Invalid input.field_aliases: must be a map");
        input.fieldAliases().forEach((k, v) -> require(io.wiretrace.core.ingest.RecordMapper.FIELDS.contains(v),
                "Invalid input.field_aliases." + k + ": '" + v + "' is not an input field "
                        + new java.util.TreeSet<>(io.wiretrace.core.ingest.RecordMapper.FIELDS)));
        require(input.csv().delimiter() != null && input.csv().delimiter().length() == 1
                        && input.csv().delimiter().charAt(0) < 128 && input.csv().delimiter().charAt(0) != '"',
                "Invalid input.csv.delimiter: must be one ASCII character other than a quote");
        require(input.pages().relatedHeading() != null && !input.pages().relatedHeading().isBlank(),
                "Invalid input.pages.related_heading: must not be empty");
        require(input.pages().chromeLines() != null, "Invalid input.pages.chrome_lines: must be a list");
        if (input.pages().scrapedAt() != null) {
            var p = io.wiretrace.core.ingest.Timestamps.parse(input.pages().scrapedAt(), ZoneId.of(input.defaultTimezone()));
            require(!p.invalid() && p.value() != null,
                    "Invalid input.pages.scraped_at: cannot parse '" + input.pages().scrapedAt() + "' as a time");
        }
        require(outlets.aliases() != null && outlets.displayNames() != null, "Invalid outlets: aliases and display_names must be maps");
        require(outlets.registry() != null && !outlets.registry().isBlank(),
                "Invalid outlets.registry: must be builtin, none or the path of a registry CSV");
        require(syndication != null && syndication.lsh() != null && syndication.verify() != null
                        && syndication.boilerplate() != null,
                "Invalid syndication: a section is null");
        Boilerplate bp = syndication.boilerplate();
        require(bp.minPages() >= 2, "Invalid syndication.boilerplate.min_pages: must be at least 2");
        require(bp.minPagesShort() >= 2, "Invalid syndication.boilerplate.min_pages_short: must be at least 2");
        require(bp.minOutletPages() >= 2, "Invalid syndication.boilerplate.min_outlet_pages: must be at least 2");
        require(bp.minShare() > 0 && bp.minShare() <= 1, "Invalid syndication.boilerplate.min_share: must be in (0, 1]");
        require(syndication.shingleUnit() != null,
                "Invalid syndication.shingle_unit: must be one of " + choices(Shingler.Unit.class));
        require(syndication.shingleSize() >= 1 && syndication.shingleSize() <= 50,
                "Invalid syndication.shingle_size: " + syndication.shingleSize() + " is outside 1..50");
        require(syndication.minhashComponents() >= MinHashSketcher.MIN_COMPONENTS
                        && syndication.minhashComponents() <= MinHashSketcher.MAX_COMPONENTS,
                "Invalid syndication.minhash_components: " + syndication.minhashComponents() + " is outside "
                        + MinHashSketcher.MIN_COMPONENTS + ".."
                        + MinHashSketcher.MAX_COMPONENTS);
        Lsh lsh = syndication.lsh();
        require(lsh.threshold() > 0 && lsh.threshold() < 1, "Invalid syndication.lsh.threshold: must be in (0, 1)");
        require((lsh.bands() == 0) == (lsh.rows() == 0),
                "Invalid syndication.lsh: set both bands and rows, or neither (then they follow the threshold)");
        require(lsh.bands() >= 0 && lsh.rows() >= 0 && lsh.bands() * lsh.rows() <= syndication.minhashComponents(),
                "Invalid syndication.lsh: bands × rows must not exceed minhash_components");
        require(lsh.falsePositiveWeight() >= 0 && lsh.falseNegativeWeight() >= 0
                        && lsh.falsePositiveWeight() + lsh.falseNegativeWeight() > 0,
                "Invalid syndication.lsh weights: must be non-negative, not both zero");
        require(lsh.maxBucketSize() >= 2, "Invalid syndication.lsh.max_bucket_size: must be at least 2");
        require(lsh.giantBucketWindow() >= 1, "Invalid syndication.lsh.giant_bucket_window: must be at least 1");
        require(lsh.anchorSentences() >= 0 && lsh.anchorSentences() <= 64,
                "Invalid syndication.lsh.anchor_sentences: must be between 0 and 64");
        Verify v = syndication.verify();
        require(v.jaccard() > 0 && v.jaccard() <= 1, "Invalid syndication.verify.jaccard: must be in (0, 1]");
        require(v.containment() > 0 && v.containment() <= 1, "Invalid syndication.verify.containment: must be in (0, 1]");
        require(v.minSharedShingles() >= 1, "Invalid syndication.verify.min_shared_shingles: must be at least 1");
        require(v.sentenceShare() >= 0 && v.sentenceShare() <= 1,
                "Invalid syndication.verify.sentence_share: must be in [0, 1] (0 = off)");
        require(v.nearVerbatim() > 0 && v.nearVerbatim() <= 1, "Invalid syndication.verify.near_verbatim: must be in (0, 1]");
        require(v.minSharedSentences() >= 1, "Invalid syndication.verify.min_shared_sentences: must be at least 1");
        require(syndication.localComponentsMaxPairs() >= 0 && syndication.localComponentsMaxPairs() <= 200_000_000L,
                "Invalid syndication.local_components_max_pairs: " + syndication.localComponentsMaxPairs()
                        + " is outside 0..200000000");
        require(syndication.localMaxArticles() >= 0 && syndication.localMaxArticles() <= 1_000_000,
                "Invalid syndication.local_max_articles: " + syndication.localMaxArticles() + " is outside 0..1000000");
        require(syndication.windowDays() >= 0 && syndication.windowDays() <= 366,
                "Invalid syndication.window_days: " + syndication.windowDays() + " is outside 0..366");
        validateTopics();
        require(quality.maxRejectRate() >= 0 && quality.maxRejectRate() <= 1,
                "Invalid quality.max_reject_rate: " + quality.maxRejectRate() + " is outside 0..1");
        require(output.maxRecordsPerFile() >= 100, "Invalid output.max_records_per_file: must be at least 100");
        require(output.parallelWrites() >= 1 && output.parallelWrites() <= 16,
                "Invalid output.parallel_writes: " + output.parallelWrites() + " is outside 1..16");
        require(output.catalogDatabase() != null && output.catalogDatabase().matches("[A-Za-z_][A-Za-z0-9_]*"),
                "Invalid output.catalog_database: '" + output.catalogDatabase() + "' is not a plain identifier");
        require(output.compression() != null,
                "Invalid output.compression: must be one of " + choices(ParquetCompression.class));
        require(spark.master() != null && !spark.master().isBlank(), "Invalid spark.master: must not be empty");
        require(spark.shufflePartitions() >= 0, "Invalid spark.shuffle_partitions: must be 0 (auto) or positive");
        require(spark.onePartitionMaxBytes() >= 0, "Invalid spark.one_partition_max_bytes: must be 0 (never) or positive");
        require(spark.conf() != null, "Invalid spark.conf: must be a map");
        spark.conf().keySet().forEach(k -> require(k.startsWith("spark."),
                "Invalid spark.conf." + k + ": Spark settings start with 'spark.'"));
        return this;
    }

    private void validateTopics() {
        require(topics.text() != null, "Invalid topics.text: section is null");
        require(topics.k() != null, "Invalid topics.k: must be 'auto' or a number of topics");
        if (!"auto".equals(topics.k())) {
            int k;
            try {
                k = Integer.parseInt(topics.k().trim());
            } catch (NumberFormatException e) {
                throw new ConfigException("Invalid topics.k: '" + topics.k() + "' is neither 'auto' nor a whole number");
            }
            require(k >= 2 && k <= 1000, "Invalid topics.k: " + k + " is outside 2..1000");
        }
        require(topics.kMin() >= 2 && topics.kMin() <= topics.kMax() && topics.kMax() <= 200,
                "Invalid topics.k_min/k_max: need 2 <= k_min <= k_max <= 200");
        require(topics.algorithm() != null, "Invalid topics.algorithm: must be one of " + choices(TopicAlgorithm.class));
        require(topics.restarts() >= 1 && topics.restarts() <= 20, "Invalid topics.restarts: " + topics.restarts() + " is outside 1..20");
        require(topics.maxIterations() >= 1 && topics.maxIterations() <= 1000,
                "Invalid topics.max_iterations: " + topics.maxIterations() + " is outside 1..1000");
        require(topics.labelTerms() >= 1 && topics.labelTerms() <= 100,
                "Invalid topics.label_terms: " + topics.labelTerms() + " is outside 1..100");
        require(topics.autoSampleSize() >= 100, "Invalid topics.auto_sample_size: must be at least 100");
        require(topics.localFitMaxStories() >= 0 && topics.localFitMaxStories() <= 1_000_000,
                "Invalid topics.local_fit_max_stories: " + topics.localFitMaxStories() + " is outside 0..1000000");
        TopicText t = topics.text();
        require(io.wiretrace.core.topics.StopWords.LANGUAGES.contains(t.language()),
                "Invalid topics.text.language: '" + t.language() + "' is not one of "
                        + new java.util.TreeSet<>(io.wiretrace.core.topics.StopWords.LANGUAGES));
        require(t.extraStopWords() != null, "Invalid topics.text.extra_stop_words: must be a list");
        require(t.ngrams() >= 1 && t.ngrams() <= 3, "Invalid topics.text.ngrams: " + t.ngrams() + " is outside 1..3");
        require(t.titleWeight() >= 0 && t.titleWeight() <= 10,
                "Invalid topics.text.title_weight: " + t.titleWeight() + " is outside 0..10");
        require(t.vocabularySize() >= 100 && t.vocabularySize() <= 2_000_000,
                "Invalid topics.text.vocabulary_size: " + t.vocabularySize() + " is outside 100..2000000");
        require(t.minDf() >= 0, "Invalid topics.text.min_df: must be >= 0 (a count, or a fraction below 1)");
        require(t.maxDf() > 0 && t.maxDf() <= 1, "Invalid topics.text.max_df: must be a fraction in (0, 1]");
        require(t.vectorizer() != null, "Invalid topics.text.vectorizer: must be one of " + choices(Vectorizer.class));
    }

    /** An enum setting's accepted values as written in YAML, sorted: "[a, b]". */
    static String choices(Class<? extends Enum<?>> type) {
        return new java.util.TreeSet<>(java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList()).toString();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ConfigException(message);
        }
    }
}
