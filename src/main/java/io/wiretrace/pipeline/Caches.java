package io.wiretrace.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Cached datasets owned by a step. A step records what it caches in a list it hands to its caller
 * with its result (the caller releases them once the result is read); when the step fails, nothing
 * reaches the caller, so what it cached is released here.
 */
public final class Caches {

    private Caches() {}

    /** Runs {@code step} with an empty list to record its caches in; releases them if it fails. */
    public static <T> T releasingOnFailure(Function<List<Dataset<Row>>, T> step) {
        List<Dataset<Row>> cached = new ArrayList<>();
        try {
            return step.apply(cached);
        } catch (Throwable e) { // Spark's job failures are checked exceptions, thrown unchecked from Scala
            cached.forEach(Dataset::unpersist);
            throw e;
        }
    }
}
