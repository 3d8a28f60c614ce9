package io.wiretrace.cli;

import io.wiretrace.pipeline.report.SchemaDocs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Prints the output contract, generated from the code: markdown (docs/schema.md),",
                "hive (Hive / Spark SQL DDL, sql/hive/create_tables.sql), trino (sql/trino/create_tables.sql)",
                "or duckdb (views, sql/duckdb/views.sql)."},
        footer = ExitCodes.TABLE)
final class SchemaCommand implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown (default), hive, trino or duckdb.")
    String format;

    @Override
    public Integer call() {
        System.out.print(SchemaDocs.render(format));
        return ExitCodes.OK;
    }
}
