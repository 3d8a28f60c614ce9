package io.wiretrace.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.config.ConfigLoader;
import io.wiretrace.config.InputFormat;
import io.wiretrace.core.ingest.InputRecord;
import io.wiretrace.testing.Fixtures;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large uncompressed JSON Lines file is planned as byte ranges, and reading the ranges gives
 * exactly the records of reading the file whole: none lost, none twice, none rejected, whichever
 * way the boundaries cut records (each range reads from the first line that starts in it).
 */
class JsonLinesSplitsTest {

    private static final int RECORDS = 3_000;

    @TempDir
    Path tmp;

    /** Records of very different lengths (60 B to 6 KB), so range boundaries fall anywhere in them. */
    private Path file() throws Exception {
        Path file = tmp.resolve("big.jsonl");
        SplittableRandom rnd = new SplittableRandom(11);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < RECORDS; i++) {
                w.write(Fixtures.json("r" + i, "Outlet " + (i % 7), "Title " + i,
                        Fixtures.randomWords(1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 900 : 120), i), "2026-04-15T08:00:00Z"));
                w.write('\n');
            }
        }
        return file;
    }

    private static List<InputRecord> read(InputPlan plan) {
        SplitReader reader = new SplitReader(IngestStage.readerSettings(ConfigLoader.load(null, List.of())),
                new HadoopConf(new Configuration()));
        List<InputRecord> out = new ArrayList<>();
        for (InputPlan.Split s : plan.splits()) {
            for (Iterator<InputRecord> it = reader.read(s); it.hasNext(); ) {
                out.add(it.next());
            }
        }
        return out;
    }

    @Test
    void byteRangesReadEveryRecordOnceWhereverTheBoundariesFall() throws Exception {
        Path file = file();
        long size = Files.size(file);
        Configuration conf = new Configuration();
        for (long splitBytes : new long[] {64 * 1024, 100_003, 1 << 20}) {
            InputPlan ranged = InputPlanner.plan(List.of(file.toString()), InputFormat.AUTO, splitBytes, conf);
            assertEquals((size + splitBytes - 1) / splitBytes, ranged.splits().size(), "splits of " + splitBytes);
            List<InputRecord> records = read(ranged);
            assertEquals(RECORDS, records.size(), "records read in " + splitBytes + "-byte ranges");
            for (int i = 0; i < RECORDS; i++) {
                InputRecord r = records.get(i);
                assertEquals("r" + i, r.sourceId());
                assertNull(r.rejectReason(), r.location());
                assertTrue(r.location().startsWith("byte "), r.location());
            }
        }
        InputPlan whole = InputPlanner.plan(List.of(file.toString()), InputFormat.AUTO, size, conf);
        assertEquals(1, whole.splits().size(), "a file no larger than a split is read whole");
        List<InputRecord> records = read(whole);
        assertEquals(RECORDS, records.size());
        assertEquals("line 1", records.get(0).location());
        assertEquals(read(InputPlanner.plan(List.of(file.toString()), InputFormat.AUTO, 100_003, conf)).stream()
                .map(InputRecord::text).toList(), records.stream().map(InputRecord::text).toList());
    }
}
