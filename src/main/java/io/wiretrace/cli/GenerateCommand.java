package io.wiretrace.cli;

import io.wiretrace.config.ConfigException;
import io.wiretrace.core.generate.CorpusGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic scrape corpus with ground truth (no Spark needed).",
                "Layout: DIR/articles/*.jsonl (read it with run --input DIR/articles) and DIR/truth/*.csv."},
        footer = ExitCodes.TABLE)
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--articles", defaultValue = "2000", description = "Distinct articles to write (default ${DEFAULT-VALUE}); re-scrapes and --noise records come on top.")
    int articles;

    @Option(names = "--out", required = true, description = "Output directory (must not exist unless --overwrite).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}); same seed, same bytes.")
    long seed;

    @Option(names = "--noise", defaultValue = "0", description = "Fraction of extra broken records (malformed JSON, no text, bad UTF-8, wrong types); default ${DEFAULT-VALUE}.")
    double noise;

    @Option(names = "--articles-per-file", defaultValue = "50000", description = "Records per JSON Lines file (default ${DEFAULT-VALUE}).")
    int perFile;

    @Option(names = "--base", description = "JSON Lines corpus whose texts (and 'topic' fields) seed the stories instead of synthetic text.")
    Path base;

    @Option(names = "--clean", description = "Write bare article bodies: no page chrome, stubs or paragraphs quoted from other stories (the corpus of the figures before 2026-12-03). By default each article is a scraped page: its outlet's chrome (navigation, share lines, newsletter promo, most-read headlines, copyright and footer lines) around the body, stubs, and paragraphs quoted from other stories.")
    boolean clean;

    // The default since 2026-12-03; still accepted so that earlier scripts keep working.
    @Option(names = "--pages", hidden = true)
    boolean pages;

    @Option(names = "--overwrite", description = "Replace DIR if it exists.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        if (clean && pages) {
            throw new ConfigException("Invalid generate options: --clean and --pages exclude each other");
        }
        if (articles < 1 || perFile < 1 || noise < 0 || noise > 1) {
            throw new ConfigException("Invalid generate options: --articles and --articles-per-file must be positive, --noise in 0..1");
        }
        if (Files.exists(out)) {
            if (!overwrite) {
                throw new ConfigException("Cannot write to '" + out + "': it exists (use --overwrite to replace it)");
            }
            try (var paths = Files.walk(out)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        if (base != null && !Files.isRegularFile(base)) {
            throw new ConfigException("Cannot read --base '" + base + "': no such file");
        }
        long t0 = System.nanoTime();
        CorpusGenerator.Summary s = new CorpusGenerator(new CorpusGenerator.Settings(articles, seed, noise, perFile, base, !clean))
                .generate(out);
        System.out.printf("wrote %,d records (%,d articles in %,d stories from %,d outlets, %,d exact re-scrapes, %,d broken) to %s in %.1f s%n",
                s.records(), s.articles(), s.stories(), s.outlets(), s.exactDuplicates(), s.brokenRecords(),
                out.resolve("articles"), (System.nanoTime() - t0) / 1e9);
        return ExitCodes.OK;
    }
}
