package io.wiretrace.cli;

import io.wiretrace.pipeline.run.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

@Command(name = "wiretrace",
        mixinStandardHelpOptions = true,
        versionProvider = WiretraceCommand.Version.class,
        description = "Finds syndicated news stories in scraped corpora and reports how they spread.",
        subcommands = {RunCommand.class, GenerateCommand.class, EvalCommand.class, SchemaCommand.class},
        footer = ExitCodes.TABLE)
public final class WiretraceCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: run, generate, eval or schema");
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"wiretrace " + BuildInfo.version() + " (" + BuildInfo.gitCommit() + ")"};
        }
    }
}
