package io.spikewatch.cli;

import io.spikewatch.replay.ReplaySpeed;
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
            ServeCommand.class,
            RunCommand.class,
            AnnotateCommand.class,
            BenchCommand.class,
            GenerateCommand.class,
            DetectCommand.class,
            EvalCommand.class,
            TrainCommand.class,
            TrendsCommand.class,
            SpikesCommand.class,
            ExplainCommand.class,
            ShareOfVoiceCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Spikewatch {

    public static void main(String[] args) {
        CommandLine commandLine = commandLine();
        int exitCode = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(exitCode);
    }

    /** The command line with its converters and its error handling: a failure is one line, not a stack trace. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Spikewatch())
                .registerConverter(ReplaySpeed.class, ReplaySpeed::parse);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("spikewatch: error: " + describe(e));
            return 1;
        });
        return commandLine;
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
