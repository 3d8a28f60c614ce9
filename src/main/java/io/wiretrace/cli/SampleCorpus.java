package io.wiretrace.cli;

import io.wiretrace.core.generate.CorpusGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The embedded default input: 2,000 generated articles (seed 42, a little noise so the rejects
 * table has something to show) plus an aggregator page dump written for this project. Generated
 * at first use into a cache directory, then reused.
 */
final class SampleCorpus {

    static final int ARTICLES = 2000;
    static final long SEED = 42;
    static final double NOISE = 0.004;
    private static final String PAGE = "harbour-page-001.txt";

    private SampleCorpus() {}

    static Path defaultDir() {
        String configured = System.getProperty("wiretrace.sample.dir");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.dir"), ".wiretrace-sample");
    }

    /** Makes sure the sample exists in {@code dir}; returns the input paths to read. */
    static List<String> ensure(Path dir) throws IOException {
        Path marker = dir.resolve("_COMPLETE");
        Path articles = dir.resolve("articles");
        Path pages = dir.resolve("pages");
        // The marker names what was generated: a sample of an older kind (bare bodies) is made again.
        String made = "seed=" + SEED + " articles=" + ARTICLES + " pages=true\n";
        if (!Files.exists(marker) || !Files.readString(marker).equals(made)) {
            Path tmp = Files.createDirectories(dir.getParent() == null ? Path.of(".") : dir.getParent())
                    .resolve("." + dir.getFileName() + ".tmp-" + ProcessHandle.current().pid());
            new CorpusGenerator(new CorpusGenerator.Settings(ARTICLES, SEED, NOISE, 1000, null, true)).generate(tmp);
            Files.createDirectories(tmp.resolve("pages"));
            copy(PAGE, tmp.resolve("pages").resolve(PAGE));
            copy(PAGE + ".meta.json", tmp.resolve("pages").resolve(PAGE + ".meta.json"));
            Files.writeString(tmp.resolve("_COMPLETE"), made);
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            System.err.println("wiretrace: generated the sample corpus in " + dir);
        }
        return List.of(articles.toAbsolutePath().toString(), pages.toAbsolutePath().toString());
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = SampleCorpus.class.getResourceAsStream("/io/wiretrace/sample/" + resource)) {
            if (in == null) {
                throw new IOException("Cannot find bundled sample resource " + resource);
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
