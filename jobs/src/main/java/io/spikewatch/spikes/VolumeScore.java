package io.spikewatch.spikes;

import java.time.Instant;

/**
 * What {@link VolumeDetector} says about one bucket.
 *
 * @param expected the count the baseline expected for that bucket (time of day and weekday included once learned)
 * @param deviation how many noise standard deviations the bucket is from the expectation, on the
 *     variance-stabilized scale; positive above, negative below
 * @param kind {@link SpikeKind#VOLUME} when the stronger evidence is of too many posts,
 *     {@link SpikeKind#FLATLINE} when of too few
 * @param score in [0, 1]; {@link #ALERT_SCORE} or more is alert-worthy
 * @param warmingUp the steady-state baseline has not seen enough history to be trusted: the score
 *     is the cold-start rule's (upward only, conservative), or below the alert score when that is off
 * @param buckets how many buckets, ending with this one, the evidence sums: 1 for this bucket alone,
 *     more when the cold-start rule found a burst that built over the last few (at most
 *     {@link VolumeDetector#MAX_RUN_BUCKETS}); a spike it starts began with the first of them
 */
public record VolumeScore(Instant bucketStart, double value, double expected, double deviation, SpikeKind kind,
        double score, boolean warmingUp, int buckets) {

    /** The score from which a bucket is alert-worthy. */
    public static final double ALERT_SCORE = 0.5;

    public VolumeScore {
        if (buckets < 1 || buckets > VolumeDetector.MAX_RUN_BUCKETS) {
            throw new IllegalArgumentException("buckets must be 1 to " + VolumeDetector.MAX_RUN_BUCKETS + ", got " + buckets);
        }
    }

    /** The score of one bucket on its own evidence. */
    public VolumeScore(Instant bucketStart, double value, double expected, double deviation, SpikeKind kind, double score,
            boolean warmingUp) {
        this(bucketStart, value, expected, deviation, kind, score, warmingUp, 1);
    }

    public boolean alertWorthy() {
        return score >= ALERT_SCORE;
    }
}
