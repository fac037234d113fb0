package io.spikewatch.spikes;

/**
 * Sentiment of the posts of a spike that were annotated so far (annotation may lag the alert).
 *
 * @param mean mean score in [-1, 1], or null when none was annotated yet
 */
public record SentimentBreakdown(long negative, long neutral, long positive, Double mean) {

    public static final SentimentBreakdown NONE = new SentimentBreakdown(0, 0, 0, null);

    public long annotated() {
        return negative + neutral + positive;
    }

    /** Share of negative posts among the annotated, or 0 when none was annotated. */
    public double negativeShare() {
        return annotated() == 0 ? 0 : (double) negative / annotated();
    }
}
