package io.spikewatch.cli;

import io.spikewatch.monitor.OverloadSample;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Which posts get CoreNLP while annotation is behind ({@link OverloadSample}); shared by {@code run} and {@code bench alerts}. */
public class OverloadOptions {

    @Option(names = "--overload-sample", paramLabel = "RATE|auto", defaultValue = "1",
            description = "While annotation trails the input by more than --overload-after, give CoreNLP to this share of posts"
                    + " (chosen by id) and index the others with their tracked entities and no sentiment (out_of_sample), so"
                    + " annotation catches up; auto: a share that halves for every 10 s further behind, down to 1%, so"
                    + " annotation keeps pace with whatever comes; 1 annotates every post, however late (default: ${DEFAULT-VALUE}).")
    String rate = "1";

    @Option(names = "--overload-after", paramLabel = "DURATION", defaultValue = "PT2M",
            description = "How far annotation must trail the input, in event time, before --overload-sample applies, ISO-8601"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration after = OverloadSample.DEFAULT_AFTER;

    /** The options' sample; a value out of range is refused naming its option. */
    OverloadSample sample() {
        if (after.isNegative()) {
            throw new IllegalArgumentException("--overload-after: expected a duration of 0 or more but was " + after);
        }
        if (OverloadSample.AUTO.equals(rate.strip())) {
            return OverloadSample.adaptive(after);
        }
        double share;
        try {
            share = Double.parseDouble(rate.strip());
        } catch (NumberFormatException e) {
            share = Double.NaN;
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("--overload-sample: expected a number more than 0 and at most 1, or "
                    + OverloadSample.AUTO + ", but was " + rate);
        }
        return new OverloadSample(share, after);
    }
}
