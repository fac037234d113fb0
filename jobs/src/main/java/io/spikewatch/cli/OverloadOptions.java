package io.spikewatch.cli;

import io.spikewatch.monitor.OverloadSample;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Which posts get CoreNLP while annotation is behind ({@link OverloadSample}); shared by {@code run} and {@code bench alerts}. */
public class OverloadOptions {

    @Option(names = "--overload-sample", paramLabel = "RATE", defaultValue = "1",
            description = "While annotation trails the input by more than --overload-after, give CoreNLP to this share of posts"
                    + " (chosen by id) and index the others with their tracked entities and no sentiment (out_of_sample), so"
                    + " annotation catches up; 1 annotates every post, however late (default: ${DEFAULT-VALUE}).")
    double rate = 1;

    @Option(names = "--overload-after", paramLabel = "DURATION", defaultValue = "PT2M",
            description = "How far annotation must trail the input, in event time, before --overload-sample applies, ISO-8601"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration after = OverloadSample.DEFAULT_AFTER;

    /** The options' sample; a value out of range is refused naming its option. */
    OverloadSample sample() {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("--overload-sample: expected a number more than 0 and at most 1 but was " + rate);
        }
        if (after.isNegative()) {
            throw new IllegalArgumentException("--overload-after: expected a duration of 0 or more but was " + after);
        }
        return new OverloadSample(rate, after);
    }
}
