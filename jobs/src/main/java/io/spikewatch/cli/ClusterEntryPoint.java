package io.spikewatch.cli;

import io.spikewatch.replay.ReplaySpeed;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The main class of the job jar ({@code spikewatch-jobs-VERSION-flink-job.jar}): the {@code run}
 * command with the same options, for a Flink cluster's {@code flink run} or its REST
 * {@code /jars/{id}/run}. Unlike {@link Spikewatch#main}, it never calls {@link System#exit}
 * (in a REST submission it runs inside the JobManager) and reports bad options as an exception,
 * which the client shows to whoever submitted the job.
 */
public final class ClusterEntryPoint {

    private ClusterEntryPoint() {}

    public static void main(String[] args) throws Exception {
        CommandLine commandLine = new CommandLine(new RunCommand()).registerConverter(ReplaySpeed.class, ReplaySpeed::parse);
        try {
            commandLine.parseArgs(args);
            if (commandLine.isUsageHelpRequested()) {
                commandLine.usage(System.out);
                return;
            }
            RunCommand run = commandLine.getCommand();
            int status = run.call();
            if (status != 0) {
                throw new IllegalStateException("spikewatch run ended with status " + status);
            }
        } catch (ParameterException e) {
            StringWriter usage = new StringWriter();
            commandLine.usage(new PrintWriter(usage));
            throw new IllegalArgumentException("spikewatch run: " + e.getMessage() + "\n" + usage, e);
        }
    }
}
