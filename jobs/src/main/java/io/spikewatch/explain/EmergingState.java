package io.spikewatch.explain;

import java.util.HashMap;

/**
 * What {@link EmergingTerms} remembers: the candidates (keys absent from the baseline when first
 * seen) and when each was reported. Public fields so Flink can keep it in keyed state.
 */
public class EmergingState {

    /** Per key: {first seen epoch millis, posts since}. */
    public HashMap<String, long[]> candidates = new HashMap<>();
    /** Per key: when it was reported, epoch millis. */
    public HashMap<String, Long> reported = new HashMap<>();
    /** Start of the current emerging episode (first report), epoch millis; {@link Long#MIN_VALUE} when none. */
    public long episodeStartMillis = Long.MIN_VALUE;
    /**
     * Per key reported in the current episode: its posts as last counted (they stop growing when
     * its candidate window closes).
     */
    public HashMap<String, Long> episodeKeys = new HashMap<>();
}
