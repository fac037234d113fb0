package io.spikewatch.schema;

/** Engagement counts of a post as collected; zero when the platform did not report one. */
public record Engagement(long likes, long reposts, long replies, long quotes, long views) {

    public static final Engagement NONE = new Engagement(0, 0, 0, 0, 0);

    /** Likes, reposts, replies and quotes: the interactions a post drew, without views. */
    public long interactions() {
        return likes + reposts + replies + quotes;
    }
}
