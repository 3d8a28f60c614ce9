package io.wiretrace.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * The test lanes (docs/testing.md), as JUnit 5 tags. A test class without one of these is in the
 * fast lane: {@code mvn test} runs it (plain Java, or small Spark runs in the test JVM's session).
 * {@code mvn verify} runs the fast lane, builds the jar, then the three tagged lanes (failsafe).
 */
public final class Lanes {

    private Lanes() {}

    /**
     * Measures the engine on the real data sets in {@code ../shared} (read through
     * {@link SharedData#require}, so it skips cleanly where they are absent) and holds floors near
     * the measured level.
     */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Tag("evaluation")
    public @interface Evaluation {}

    /** Child JVMs, killed drivers, hostile scale: what cannot be small. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Tag("slow")
    public @interface Slow {}

    /** A real Spark standalone cluster or HDFS, and the packaged jar; named {@code *IT}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Tag("integration")
    public @interface Integration {}
}
