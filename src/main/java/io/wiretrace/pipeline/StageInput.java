package io.wiretrace.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A stage's input contract, checked on the schema before the stage plans anything (as MLlib's
 * {@code transformSchema} does): every required column is present with its type. Other columns
 * pass through untouched; nullability is the stage's own business.
 */
public final class StageInput {

    private StageInput() {}

    /**
     * @throws IllegalArgumentException "Invalid input to STAGE: ..." naming every missing or
     *                                  mistyped column
     */
    public static void require(String stage, Dataset<Row> input, StructType required) {
        StructType actual = input.schema();
        List<String> problems = new ArrayList<>();
        for (StructField f : required.fields()) {
            int i = actual.getFieldIndex(f.name()).getOrElse(() -> -1);
            if (i < 0) {
                problems.add("missing column " + f.name() + " (" + f.dataType().simpleString() + ")");
            } else if (!actual.fields()[i].dataType().sameType(f.dataType())) {
                problems.add("column " + f.name() + " is " + actual.fields()[i].dataType().simpleString() + ", not "
                        + f.dataType().simpleString());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid input to " + stage + ": " + String.join("; ", problems));
        }
    }
}
