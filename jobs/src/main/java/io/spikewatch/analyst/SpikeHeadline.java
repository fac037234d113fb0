package io.spikewatch.analyst;

import io.spikewatch.spikes.SentimentBreakdown;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeExplanation;
import io.spikewatch.spikes.TermWeight;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A spike's explanation in one line for a list: the top {@value #TOP} terms, hashtags and entities
 * by lift, and the share of negative posts when any was annotated, e.g.
 * {@code ddos, outage; #twitterblackout; X (platform), Elon Musk; 64% negative of 120}.
 */
public final class SpikeHeadline {

    /** How many of each kind of term the line names. */
    public static final int TOP = 3;
    static final String NOTHING = "no explanation stored";

    private SpikeHeadline() {}

    public static String of(Spike spike) {
        SpikeExplanation e = spike.explanation();
        if (e == null) {
            return NOTHING;
        }
        List<String> parts = new ArrayList<>();
        for (List<TermWeight> weights : List.of(e.terms(), e.hashtags(), e.entities())) {
            if (!weights.isEmpty()) {
                parts.add(String.join(", ", weights.stream().limit(TOP).map(TermWeight::term).toList()));
            }
        }
        SentimentBreakdown s = e.sentiment();
        if (s != null && s.annotated() > 0) {
            parts.add(String.format(Locale.ROOT, "%.0f%% negative of %d", 100 * s.negativeShare(), s.annotated()));
        }
        return parts.isEmpty() ? NOTHING : String.join("; ", parts);
    }
}
