package io.wiretrace.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.testing.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.Test;

/** Steps run a few at a time ({@code output.parallel_writes}): results in order, the first failure thrown. */
class StepsTest {

    private static final SparkContext SC = SparkTestSession.get().sparkContext();

    private static Steps.Step<Integer> step(String name, java.util.function.Supplier<Integer> work) {
        return new Steps.Step<>(name, "test step " + name, work, n -> n + " done");
    }

    @Test
    void independentStepsRunTogetherAndTheirResultsKeepTheirOrder() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        CountDownLatch both = new CountDownLatch(2);
        Set<String> groups = ConcurrentHashMap.newKeySet();
        SC.setLocalProperty("wiretrace.test.inherited", "yes");
        try (Progress p = new Progress(SC, new PrintStream(console, true, StandardCharsets.UTF_8), false)) {
            Steps steps = new Steps(SC, p);
            List<Integer> out = steps.runAll(List.of(
                    step("a", () -> {
                        both.countDown();
                        groups.add(SC.getLocalProperty("spark.jobGroup.id") + " " + SC.getLocalProperty("wiretrace.test.inherited"));
                        return await(both) ? 1 : -1;
                    }),
                    step("b", () -> {
                        both.countDown();
                        groups.add(SC.getLocalProperty("spark.jobGroup.id") + " " + SC.getLocalProperty("wiretrace.test.inherited"));
                        return await(both) ? 2 : -2;
                    }),
                    step("c", () -> 3)), 2);
            assertEquals(List.of(1, 2, 3), out, "a and b ran at the same time (each waited for the other)");
            assertEquals(Set.of("wiretrace:a yes", "wiretrace:b yes"), groups, "own job group, the caller's local properties");
            assertEquals(Set.of("a", "b", "c"), steps.timings().keySet());
        } finally {
            SC.setLocalProperty("wiretrace.test.inherited", null);
        }
        String printed = console.toString(StandardCharsets.UTF_8);
        for (String s : List.of("a", "b", "c")) {
            assertTrue(printed.contains("[" + s + "]") && printed.contains("test step " + s), printed);
        }
        assertTrue(printed.contains("[c]                      done in"), printed);
    }

    @Test
    void theFirstFailureIsThrownAndLaterStepsDoNotStart() {
        AtomicInteger ran = new AtomicInteger();
        try (Progress p = new Progress(SC, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false)) {
            Steps steps = new Steps(SC, p);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> steps.runAll(List.of(
                    step("fails", () -> {
                        throw new IllegalStateException("table write failed");
                    }),
                    step("slow", () -> {
                        sleep(300);
                        return ran.incrementAndGet();
                    }),
                    step("later", () -> ran.addAndGet(100))), 2));
            assertEquals("table write failed", e.getMessage());
            assertTrue(ran.get() < 100, "the step queued behind the failure did not start: " + ran);
            assertFalse(steps.timings().containsKey("later"));
        }
    }

    @Test
    void oneAtATimeRunsInOrderOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        try (Progress p = new Progress(SC, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false)) {
            Steps steps = new Steps(SC, p);
            assertEquals(List.of(1, 2), steps.runAll(List.of(step("x", () -> Thread.currentThread() == caller ? 1 : -1),
                    step("y", () -> Thread.currentThread() == caller ? 2 : -2)), 1));
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
