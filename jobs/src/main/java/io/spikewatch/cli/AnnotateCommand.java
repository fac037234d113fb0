package io.spikewatch.cli;

import io.spikewatch.annotate.CachingAnnotator;
import io.spikewatch.annotate.CoreNlpAnnotator;
import io.spikewatch.annotate.NdjsonAnnotator;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The annotator without the streaming job: NDJSON in, the same records with entities and sentiment out. */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = {"Annotate NDJSON records (at least 'id' and 'text') with entities and sentiment.",
                "Records that cannot be annotated are written unchanged and reported on stderr; the exit status is 3 when there were any."})
public final class AnnotateCommand implements Callable<Integer> {

    static final int EXIT_REJECTS = 3;

    @Option(names = "--in", paramLabel = "FILE", description = "Input NDJSON (default: standard input).")
    Path in;

    @Option(names = "--out", paramLabel = "FILE", description = "Output NDJSON (default: standard output).")
    Path out;

    @Mixin
    AnnotatorOptions annotatorOptions;

    @Option(names = "--threads", defaultValue = "2", description = "Annotation threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws Exception {
        NdjsonAnnotator annotator = new NdjsonAnnotator(
                CachingAnnotator.wrap(new CoreNlpAnnotator(annotatorOptions.config()), annotatorOptions.cacheSettings()), threads);
        try (Reader reader = in == null
                        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                        : Files.newBufferedReader(in, StandardCharsets.UTF_8);
                Writer writer = out == null
                        ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                        : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            int rejects = annotator.run(in == null ? "stdin" : in.toString(), reader, writer, System.err);
            return rejects == 0 ? 0 : EXIT_REJECTS;
        }
    }
}
