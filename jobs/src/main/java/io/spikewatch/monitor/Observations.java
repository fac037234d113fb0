package io.spikewatch.monitor;

import io.spikewatch.annotate.Annotation;
import io.spikewatch.annotate.EntitySentiment;
import io.spikewatch.annotate.Sentiment;
import io.spikewatch.explain.BucketStats;
import io.spikewatch.metrics.NegativePost;
import io.spikewatch.metrics.Observation;
import io.spikewatch.schema.Post;
import java.util.ArrayList;
import java.util.List;

/**
 * The metric observations one annotated post makes: one overall, with the post's sentiment and the
 * entities the post is negative about, and one per tracked entity it names, with the sentiment
 * about that entity (from its clauses, see the annotator), so an entity's series counts the anger
 * aimed at it, not at whatever else the post names ("X is down again, great job Elon" is negative
 * about both; "stuck on the loading screen #XDown #DeSantis2024" about the platform, not the
 * candidate). A negative observation carries the post, so a sentiment shift can say what its
 * negative posts say and show them.
 */
public final class Observations {

    private Observations() {}

    /**
     * The observations of a post annotated when the event-time watermark was {@code watermarkMillis}
     * (see {@link Observation#watermarkMillis()}).
     */
    public static List<Observation> of(Post post, AnnotationOutcome outcome, long watermarkMillis) {
        String label = outcome.hasSentiment() ? outcome.annotation().sentiment().label() : null;
        double score = outcome.hasSentiment() ? outcome.annotation().sentiment().score() : 0;
        long time = post.createdAt().toEpochMilli();
        NegativePost asNegative = new NegativePost(BucketStats.shown(post), post.repostOf() != null);
        List<Observation> observations = new ArrayList<>();
        List<Observation> perEntity = new ArrayList<>();
        List<String> negativeAbout = new ArrayList<>();
        for (String entity : outcome.annotation().canonicalEntities()) {
            EntitySentiment about = outcome.hasSentiment() ? sentimentAbout(outcome.annotation(), entity) : null;
            String entityLabel = about == null ? label : about.label();
            perEntity.add(new Observation(Observation.SCOPE_ENTITY, entity, post.authorKey(),
                    entityLabel, about == null ? score : about.score(), time, null, negativeOnly(entityLabel, asNegative), watermarkMillis));
            if (Sentiment.NEGATIVE.equals(entityLabel)) {
                negativeAbout.add(entity);
            }
        }
        observations.add(new Observation(Observation.SCOPE_ALL, null, post.authorKey(), label, score, time,
                negativeAbout.toArray(String[]::new), negativeOnly(label, asNegative), watermarkMillis));
        observations.addAll(perEntity);
        return observations;
    }

    private static NegativePost negativeOnly(String label, NegativePost post) {
        return Sentiment.NEGATIVE.equals(label) ? post : null;
    }

    private static EntitySentiment sentimentAbout(Annotation annotation, String entity) {
        for (EntitySentiment sentiment : annotation.entitySentiments()) {
            if (sentiment.entity().equals(entity)) {
                return sentiment;
            }
        }
        return null;
    }
}
