package io.spikewatch.cli;

import io.spikewatch.fixtures.ScenarioGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** Writes the seed scenario (posts, statements, labels) at any size, for benchmarks and backfills. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write the seed scenario's posts.ndjson, statements.ndjson and labels.json.")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--posts", defaultValue = "" + ScenarioGenerator.DEFAULT_POSTS, description = "Posts to generate (default: ${DEFAULT-VALUE}).")
    int posts;

    @Option(names = "--seed", defaultValue = "" + ScenarioGenerator.DEFAULT_SEED, description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().println(ScenarioGenerator.write(out, seed, posts).describe(out));
        return 0;
    }
}
