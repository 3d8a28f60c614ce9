package io.wiretrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.pipeline.eval.SyndicationEval;
import io.wiretrace.testing.SharedData;
import io.wiretrace.testing.SparkTestSession;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluation test: copy detection on real labelled pages (../shared/data), through the CLI as a
 * user runs it (run, then eval syndication). The floors are the engine's measured figures on
 * 2026-12-03 (docs/benchmarks.md, "Syndication on real data"), so a change that makes detection
 * worse on real pages fails here; where issue 16's bar is met (scraped_events copy F1 ≥ 0.90, wire
 * ≥ 0.95) the floor is the bar, and COUNTER's bar (0.65) is above its floor.
 */
class RealSyndicationEvaluationTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    private SyndicationEval.Outcome runAndScore(Path input, Path truth, SyndicationEval.Unlisted unlisted, Path wire) {
        Path out = tmp.resolve(input.getFileName().toString());
        CliTest.Result run = CliTest.cli("run", "--input", input.toString(), "--output", out.toString(),
                "--set", "topics.enabled=false");
        assertEquals(0, run.code(), run.output());
        String[] eval = wire == null
                ? new String[]{"eval", "syndication", "--run", out.toString(), "--truth", truth.toString(),
                        "--unlisted", unlisted.name().toLowerCase(java.util.Locale.ROOT)}
                : new String[]{"eval", "syndication", "--run", out.toString(), "--truth", truth.toString(),
                        "--unlisted", unlisted.name().toLowerCase(java.util.Locale.ROOT), "--wire", wire.toString()};
        CliTest.Result printed = CliTest.cli(eval);
        assertEquals(0, printed.code(), printed.output());
        assertTrue(printed.output().contains("precision") && printed.output().contains("in one story"), printed.output());
        return SyndicationEval.run(SparkTestSession.get(), out.toString(), truth.toString(), unlisted,
                wire == null ? null : wire.toString());
    }

    @Test
    void counterUrduAgencyCopiesAreFoundAndNonDerivedPairsKeptApart() {
        Path input = SharedData.require("data/counter_urdu/counter.jsonl");
        SyndicationEval.Outcome o = runAndScore(input, SharedData.require("data/counter_urdu/counter.pairs.csv"),
                SyndicationEval.Unlisted.UNKNOWN, null);
        assertEquals(600, o.truthIds());
        assertEquals(0, o.missingIds());
        double copyIn = share(o, "copy");
        double noneIn = share(o, "none");
        assertTrue(copyIn >= 0.35, "wholly derived in one story: " + copyIn);
        assertTrue(noneIn <= 0.03, "non-derived in one story: " + noneIn);
    }

    @Test
    void scrapedEventPagesWithChrome() {
        SyndicationEval.Outcome census = runAndScore(SharedData.require("data/scraped_events/census.jsonl"),
                SharedData.require("data/scraped_events/census.pairs.csv"), SyndicationEval.Unlisted.NONE,
                SharedData.require("data/scraped_events/census.wire.csv"));
        // Every pair of the 32 pages is scored: listed ones by label, the rest as none.
        assertEquals(32 * 31 / 2, census.byLabel().values().stream().mapToLong(SyndicationEval.LabelCounts::pairs).sum());
        assertTrue(census.scores().f1() >= 0.95, census.scores().toString());
        assertTrue(census.wire().rate() >= 0.95, census.wire().toString());
        SyndicationEval.Outcome spotify = runAndScore(SharedData.require("data/scraped_events/spotify.jsonl"),
                SharedData.require("data/scraped_events/spotify.pairs.csv"), SyndicationEval.Unlisted.NONE,
                SharedData.require("data/scraped_events/spotify.wire.csv"));
        assertTrue(spotify.scores().precision() >= 0.90, spotify.scores().toString());
        assertTrue(spotify.scores().f1() >= 0.90, spotify.scores().toString());
        assertTrue(spotify.wire().rate() >= 0.95, spotify.wire().toString());
    }

    private static double share(SyndicationEval.Outcome o, String label) {
        SyndicationEval.LabelCounts c = o.byLabel().get(label);
        return (double) c.sameStory() / c.pairs();
    }
}
