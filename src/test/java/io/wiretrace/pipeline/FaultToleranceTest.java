package io.wiretrace.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.cli.Main;
import io.wiretrace.core.generate.CorpusGenerator;
import io.wiretrace.pipeline.report.Tables;
import io.wiretrace.testing.Fixtures;
import io.wiretrace.testing.SparkTestSession;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task failures change nothing: the first attempt of a task in every main stage (ingest,
 * syndication features, topic terms, every table write) fails and is retried by Spark; the reports
 * are byte-identical to a clean run and the manifest counts are the same (counts come from data,
 * never from accumulators a retried task would update twice).
 */
class FaultToleranceTest {

    @TempDir
    Path tmp;

    @Test
    void retriedTasksGiveIdenticalReportsAndCounts() throws Exception {
        SparkContext sc = SparkTestSession.get().sparkContext();
        Path in = tmp.resolve("gen");
        new CorpusGenerator(new CorpusGenerator.Settings(1200, 17, 0.02, 1000, null)).generate(in);
        String[] args = {"run", "--input", in.resolve("articles").toString(), "--run-date", "2026-11-27",
                "--set", "topics.k=5", "--set", "topics.restarts=1"};
        assertEquals(0, Main.execute(Fixtures.concat(args, "--output", tmp.resolve("clean").toString())));

        Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                String reason = end.reason().toString();
                for (String point : new String[] {"ingest", "syndication", "topics", "write"}) {
                    if (reason.contains("Injected failure") && reason.contains("'" + point + "'")) {
                        injected.computeIfAbsent(point, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }
        };
        sc.addSparkListener(listener);
        sc.setLocalProperty(FaultInjection.FAIL, "ingest,syndication,topics,write");
        try {
            assertEquals(0, Main.execute(Fixtures.concat(args, "--output", tmp.resolve("faulty").toString())));
        } finally {
            sc.setLocalProperty(FaultInjection.FAIL, null);
            // Task-end events are delivered asynchronously: let the bus catch up before reading them.
            Thread.sleep(500);
            sc.removeSparkListener(listener);
        }
        for (String point : new String[] {"ingest", "syndication", "topics", "write"}) {
            assertTrue(injected.getOrDefault(point, new AtomicInteger()).get() >= 1,
                    "a '" + point + "' task failed and was retried: " + injected);
        }
        for (Tables.Table t : Tables.ALL) {
            Map<String, Long> clean = Fixtures.fileHashes(tmp.resolve("clean").resolve(t.name()));
            assertFalse(clean.isEmpty(), t.name());
            assertEquals(clean, Fixtures.fileHashes(tmp.resolve("faulty").resolve(t.name())), t.name());
        }
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(tmp.resolve("clean/_manifest.json").toFile()).get("counts"),
                json.readTree(tmp.resolve("faulty/_manifest.json").toFile()).get("counts"));
        assertEquals(json.readTree(tmp.resolve("clean/_manifest.json").toFile()).path("stages").path("syndication"),
                json.readTree(tmp.resolve("faulty/_manifest.json").toFile()).path("stages").path("syndication"));
    }


}
