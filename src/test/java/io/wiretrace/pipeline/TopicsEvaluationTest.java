package io.wiretrace.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.cli.Main;
import io.wiretrace.pipeline.eval.TopicEval;
import io.wiretrace.testing.Lanes;
import io.wiretrace.testing.SharedData;
import io.wiretrace.testing.SparkTestSession;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluation: topics on real labelled corpora in ../shared, against scikit-learn's baseline. */
@Lanes.Evaluation
class TopicsEvaluationTest {

    @TempDir
    Path tmp;

    /** Reuters-21578 top-10 (k = 10) must beat scikit-learn's TF-IDF + KMeans means. */
    @Test
    void reutersTopicsBeatTheScikitLearnBaseline() throws Exception {
        Path data = SharedData.require("data/reuters21578/reuters_top10.jsonl");
        Path out = tmp.resolve("reuters");
        assertEquals(0, Main.execute("run", "--input", data.toString(), "--output", out.toString(), "--set", "topics.k=10"));
        TopicEval.Outcome o = TopicEval.run(SparkTestSession.get(), out.toString(),
                data.resolveSibling("reuters_top10.topics.csv").toString());
        // Baseline means over seeds 0-2, measured in ../shared/README.md: NMI 0.455, ARI 0.196.
        assertTrue(o.scores().nmi() >= 0.455 && o.scores().ari() >= 0.196, o.scores().toString());
    }

    /** AG News test (k = 4): short items, where plain TF-IDF + KMeans nearly fails. */
    @Test
    void agNewsTopicsBeatTheScikitLearnBaseline() throws Exception {
        Path data = SharedData.require("data/ag_news_test/ag_news_test.jsonl");
        Path out = tmp.resolve("agnews");
        assertEquals(0, Main.execute("run", "--input", data.toString(), "--output", out.toString(), "--set", "topics.k=4"));
        TopicEval.Outcome o = TopicEval.run(SparkTestSession.get(), out.toString(),
                data.resolveSibling("ag_news_test.topics.csv").toString());
        // Baseline means over seeds 0-2, measured in ../shared/README.md: NMI 0.036, ARI 0.017.
        assertTrue(o.scores().nmi() >= 0.036 && o.scores().ari() >= 0.017, o.scores().toString());
    }
}
