package io.wiretrace.bench;

import io.wiretrace.config.ConfigLoader;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.pipeline.eval.SyndicationEval;
import io.wiretrace.pipeline.run.RunJob;
import io.wiretrace.pipeline.run.RunResult;
import io.wiretrace.pipeline.run.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * {@code scripts/bench syndication-real [--set k=v ...]}: copy detection scored on the real,
 * labelled sets in {@code ../shared/data} (docs/benchmarks.md, "Syndication on real data"), each
 * a whole {@code run} with the defaults (or the {@code --set} overrides, for ablations) and then
 * {@code eval syndication}:
 * <ul>
 *   <li>COUNTER (Urdu agency → newspaper texts): 600 hand-labelled pairs, unlisted pairs unknown;
 *       the figures are the share of wholly-derived (copy), partially-derived and non-derived pairs
 *       put in one story;
 *   <li>scraped_events census and spotify (real pages, chrome left in): every content-sharing pair
 *       labelled, unlisted pairs none; copy-pair precision, recall, F1; wire-credit agreement;
 *   <li>Reuters-21578 groups of identical bodies: pairwise F1 of the stories.
 * </ul>
 * Sets that are not present are listed as missing, not failed.
 */
final class RealSyndicationBench {

    private RealSyndicationBench() {}

    /** One labelled set: its input, pair or cluster truth, the rule for unlisted pairs and optional wire truth. */
    record LabelledSet(String name, String input, String truth, SyndicationEval.Unlisted unlisted, String wire) {}

    static List<LabelledSet> sets(Path data) {
        Path ev = data.resolve("scraped_events");
        return List.of(
                new LabelledSet("counter_urdu", data.resolve("counter_urdu/counter.jsonl").toString(),
                        data.resolve("counter_urdu/counter.pairs.csv").toString(), SyndicationEval.Unlisted.UNKNOWN, null),
                new LabelledSet("scraped_events/census", ev.resolve("census.jsonl").toString(),
                        ev.resolve("census.pairs.csv").toString(), SyndicationEval.Unlisted.NONE, ev.resolve("census.wire.csv").toString()),
                new LabelledSet("scraped_events/spotify", ev.resolve("spotify.jsonl").toString(),
                        ev.resolve("spotify.pairs.csv").toString(), SyndicationEval.Unlisted.NONE, ev.resolve("spotify.wire.csv").toString()),
                new LabelledSet("reuters21578 groups", data.resolve("reuters21578/reuters_all.jsonl").toString(),
                        data.resolve("reuters21578/reuters_all.duplicate_clusters.csv").toString(), SyndicationEval.Unlisted.UNKNOWN, null));
    }

    static void run(String[] args) throws Exception {
        WiretraceConfig cfg = ConfigLoader.load(null,
                Bench.overrides(args, "spark.conf.spark.ui.enabled=false", "topics.enabled=false"));
        SparkSession spark = SparkSessions.create(cfg);
        spark.sparkContext().setLogLevel("WARN");
        List<String> summary = new ArrayList<>();
        summary.add(String.format(Locale.ROOT, "%-24s %8s %9s %7s %7s %7s %7s %6s %8s", "set", "copy_in", "partial_in",
                "none_in", "P", "R", "F1", "wire", "synd_s"));
        for (LabelledSet set : sets(TopicBench.shared().resolve("data"))) {
            if (!Files.exists(Path.of(set.input())) || !Files.exists(Path.of(set.truth()))) {
                summary.add(String.format(Locale.ROOT, "%-24s missing (%s)", set.name(), set.input()));
                continue;
            }
            String out = Path.of("target/bench/syndication-real", set.name().replaceAll("[^a-z0-9]+", "-"))
                    .toAbsolutePath().toString();
            RunResult r = new RunJob(spark, new RunJob.Request(cfg, List.of(set.input()), out, true,
                    "bench-real", "2026-01-01")).run();
            SyndicationEval.Outcome o = SyndicationEval.run(spark, out, set.truth(), set.unlisted(), set.wire());
            System.out.printf("%n== %s (%,d articles)%n%s", set.name(), r.articles(), SyndicationEval.format(o, set.unlisted()));
            var s = o.scores();
            summary.add(String.format(Locale.ROOT, "%-24s %8s %9s %7s %7.4f %7.4f %7.4f %6s %8.1f", set.name(),
                    share(o, "copy"), share(o, "partial"), share(o, "none"), s.precision(), s.recall(), s.f1(),
                    o.wire() == null ? "-" : String.format(Locale.ROOT, "%.3f", o.wire().rate()),
                    r.timingsMs().getOrDefault("syndication", 0L) / 1000.0));
        }
        System.out.println();
        summary.forEach(System.out::println);
        System.out.println("(copy_in, partial_in, none_in: share of the labelled pairs put in one story; P/R/F1: copy pairs;"
                + " wire: wire-credit agreement)");
        spark.stop();
    }

    private static String share(SyndicationEval.Outcome o, String label) {
        SyndicationEval.LabelCounts c = o.byLabel().get(label);
        return c == null || c.pairs() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) c.sameStory() / c.pairs());
    }
}
