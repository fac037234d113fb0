package io.spikewatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code bin/spikewatch COMMAND}. */
@Command(
        name = "spikewatch",
        mixinStandardHelpOptions = true,
        version = "spikewatch 0.1.0",
        description = "Social listening: annotate posts and statements with CoreNLP, detect what moves in Flink, index it in Elasticsearch.",
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            AnnotateCommand.class,
            BenchCommand.class,
            GenerateCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Spikewatch {

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Spikewatch());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("spikewatch: error: " + describe(e));
            return 1;
        });
        System.exit(commandLine.execute(args));
    }

    /** The message of an exception and its causes, without a stack trace, for a person. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
