package io.spikewatch.metrics;

/**
 * One post seen in one metrics scope: overall, or one tracked entity it mentions. A post that
 * names two tracked entities makes three observations.
 *
 * @param scope {@link #SCOPE_ALL} or {@link #SCOPE_ENTITY}
 * @param entity the canonical entity for an entity scope, else null
 * @param authorKey who wrote the post (for unique authors), or null when unknown
 * @param sentimentLabel negative, neutral or positive; null when the post has no sentiment (its annotation failed, or
 *     skipped sentiment: a language the models do not read, or left out of an overload sample)
 * @param sentimentScore the score in [-1, 1] (0 when not annotated)
 * @param eventTimeMillis the post's event time
 * @param negativeAbout in the overall scope, the tracked entities the post is negative about (its
 *     sentiment about each, so a sentiment shift of the whole stream can say whom the anger is
 *     aimed at); empty otherwise
 * @param negativePost when this observation is negative, the post (so a sentiment shift can say what
 *     its negative posts say, and show them); null otherwise
 * @param watermarkMillis the event-time watermark annotation had reached when it took the post
 *     ({@link Long#MIN_VALUE} when not known): a minute that had closed by then is over for the
 *     post, whenever the post reaches a later step (on the way to sentiment shift detection it is
 *     moved on to the alert path's out-of-orderness bound)
 */
public record Observation(
        String scope,
        String entity,
        String authorKey,
        String sentimentLabel,
        double sentimentScore,
        long eventTimeMillis,
        String[] negativeAbout,
        NegativePost negativePost,
        long watermarkMillis) {

    private static final String[] NONE = new String[0];

    public Observation {
        negativeAbout = negativeAbout == null ? NONE : negativeAbout.clone();
    }

    /** An observation that names no entity the post is negative about and carries no post. */
    public Observation(String scope, String entity, String authorKey, String sentimentLabel, double sentimentScore,
            long eventTimeMillis) {
        this(scope, entity, authorKey, sentimentLabel, sentimentScore, eventTimeMillis, NONE, null, Long.MIN_VALUE);
    }

    /** This observation with {@code watermark} as the watermark annotation had reached when it took the post. */
    public Observation withWatermarkMillis(long watermark) {
        return new Observation(scope, entity, authorKey, sentimentLabel, sentimentScore, eventTimeMillis, negativeAbout, negativePost, watermark);
    }

    @Override
    public String[] negativeAbout() {
        return negativeAbout.clone();
    }

    public static final String SCOPE_ALL = "all";
    public static final String SCOPE_ENTITY = "entity";

    /** The key that groups observations of one series: {@code all} or {@code entity:NAME}. */
    public String seriesKey() {
        return entity == null ? scope : scope + ":" + entity;
    }
}
