package io.wiretrace.cli;

import io.wiretrace.pipeline.eval.SyndicationEval;
import io.wiretrace.pipeline.eval.TopicEval;
import io.wiretrace.pipeline.run.SparkSessions;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Scores a run's output against labelled truth.",
        subcommands = {EvalCommand.Syndication.class, EvalCommand.Topics.class})
final class EvalCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: syndication or topics");
    }

    /** The two options every eval subcommand takes. */
    static final class RunAndTruth {
        @Option(names = "--run", required = true, paramLabel = "DIR",
                description = "Output directory of a run; its last committed run date is scored (see _manifest.json).")
        String run;

        @Option(names = "--truth", required = true, paramLabel = "FILE", description = "Truth CSV (format above).")
        String truth;
    }

    @Command(name = "syndication", mixinStandardHelpOptions = true,
            description = {"Pairwise precision, recall and F1 of the run's stories against truth (and ARI for clusters).",
                    "Truth CSV (header): id,cluster  or  id_a,id_b,label (label: copy | partial | none).",
                    "With pairs, copy pairs are the positives; partial and none pairs put in one story are false copies.",
                    "Ids are input record ids (the run's lineage.source_id)."},
            footer = ExitCodes.TABLE)
    static final class Syndication implements Callable<Integer> {
        @Mixin
        RunAndTruth args;

        @Option(names = "--unlisted", paramLabel = "unknown|none", defaultValue = "unknown",
                description = "Pairs the truth file does not list: unknown (not scored; a labelled sample) or none"
                        + " (the file lists every pair sharing content: other same-story pairs are false copies)."
                        + " Default: ${DEFAULT-VALUE}.")
        String unlisted;

        @Option(names = "--wire", paramLabel = "FILE",
                description = "Wire-credit truth CSV id,wire_credit (AP, AFP, Reuters, other, none): agreement with articles.wire_credit.")
        String wire;

        @Override
        public Integer call() throws Exception {
            SyndicationEval.Unlisted rule = SyndicationEval.Unlisted.parse(unlisted);
            return withSpark(spark -> {
                SyndicationEval.Outcome o = SyndicationEval.run(spark, args.run, args.truth, rule, wire);
                System.out.print(SyndicationEval.format(o, rule));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "topics", mixinStandardHelpOptions = true,
            description = {"NMI, ARI, V-measure, homogeneity, completeness and purity of the run's topics against truth.",
                    "Truth CSV (header): id,topic. Ids are input record ids (the run's lineage.source_id).",
                    "Records the run left without a topic count as one extra cluster."},
            footer = ExitCodes.TABLE)
    static final class Topics implements Callable<Integer> {
        @Mixin
        RunAndTruth args;

        @Override
        public Integer call() throws Exception {
            return withSpark(spark -> {
                TopicEval.Outcome o = TopicEval.run(spark, args.run, args.truth);
                var s = o.scores();
                System.out.printf("truth: %,d ids (%,d not in the run, %,d without a topic); %d classes, %d clusters%n",
                        o.truthIds(), o.missingIds(), o.withoutTopic(), s.classes(), s.clusters());
                System.out.printf("nmi=%.4f ari=%.4f v_measure=%.4f homogeneity=%.4f completeness=%.4f purity=%.4f%n",
                        s.nmi(), s.ari(), s.vMeasure(), s.homogeneity(), s.completeness(), s.purity());
                return ExitCodes.OK;
            });
        }
    }

    /** Runs {@code work} with a SparkSession of the default settings (see {@link SparkSessions#using}). */
    static int withSpark(SparkSessions.Work<Integer> work) throws Exception {
        return SparkSessions.using(io.wiretrace.config.WiretraceConfig.defaults(), work);
    }
}
