package io.wiretrace.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wiretrace.cli.Main;
import io.wiretrace.pipeline.report.Tables;
import io.wiretrace.testing.Fixtures;
import io.wiretrace.testing.SampleRuns;
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
 * are byte-identical to a clean run of the same command — the sample run ({@link SampleRuns}) — and
 * the manifest counts are the same (counts come from data, never from accumulators a retried task
 * would update twice). So this is also the determinism test: the same input and configuration give
 * the same files, several per table where rows exceed {@code output.max_records_per_file}.
 */
class FaultToleranceTest {

    @TempDir
    Path tmp;

    @Test
    void retriedTasksGiveIdenticalReportsAndCounts() throws Exception {
        SparkContext sc = SparkTestSession.get().sparkContext();
        Path clean = SampleRuns.oneTask().output();
        Path faulty = tmp.resolve("faulty");

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
            assertEquals(0, Main.execute(SampleRuns.command(faulty)));
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
            Map<String, Long> files = Fixtures.fileHashes(clean.resolve(t.name()));
            assertFalse(files.isEmpty(), t.name());
            assertEquals(files, Fixtures.fileHashes(faulty.resolve(t.name())), t.name());
        }
        assertTrue(Fixtures.fileHashes(clean.resolve("articles")).values().stream().mapToLong(Long::longValue).sum() >= 4,
                "2,000 articles at 500 rows per file");
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(clean.resolve("_manifest.json").toFile()).get("counts"),
                json.readTree(faulty.resolve("_manifest.json").toFile()).get("counts"));
        assertEquals(json.readTree(clean.resolve("_manifest.json").toFile()).path("stages").path("syndication"),
                json.readTree(faulty.resolve("_manifest.json").toFile()).path("stages").path("syndication"));
        ObjectNode cleanTopics = (ObjectNode) json.readTree(clean.resolve("_manifest.json").toFile()).path("stages").path("topics");
        ObjectNode faultyTopics = (ObjectNode) json.readTree(faulty.resolve("_manifest.json").toFile()).path("stages").path("topics");
        cleanTopics.remove("step_ms"); // timings
        faultyTopics.remove("step_ms");
        assertEquals(cleanTopics, faultyTopics);
    }


}
