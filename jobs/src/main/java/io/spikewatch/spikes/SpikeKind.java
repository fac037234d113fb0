package io.spikewatch.spikes;

/** What moved in a series. */
public enum SpikeKind {
    /** Volume far above what the baseline expects for that time. */
    VOLUME,
    /** Volume collapsed far below the baseline, as when a platform itself goes down. */
    FLATLINE,
    /** The share of negative posts jumped. */
    SENTIMENT_SHIFT,
    /** An entity or term that was absent from the baseline is suddenly frequent. */
    EMERGING,
    /** A fixed threshold over a window was crossed (a rule, not a learned baseline). */
    THRESHOLD
}
