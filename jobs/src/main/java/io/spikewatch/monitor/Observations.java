package io.spikewatch.monitor;

import io.spikewatch.metrics.Observation;
import io.spikewatch.schema.Post;
import java.util.ArrayList;
import java.util.List;

/** The metric observations one annotated post makes: one overall, one per tracked entity it names. */
public final class Observations {

    private Observations() {}

    public static List<Observation> of(Post post, AnnotationOutcome outcome) {
        String label = outcome.succeeded() ? outcome.annotation().sentiment().label() : null;
        double score = outcome.succeeded() ? outcome.annotation().sentiment().score() : 0;
        long time = post.createdAt().toEpochMilli();
        List<Observation> observations = new ArrayList<>();
        observations.add(new Observation(Observation.SCOPE_ALL, null, post.authorKey(), label, score, time));
        for (String entity : outcome.annotation().canonicalEntities()) {
            observations.add(new Observation(Observation.SCOPE_ENTITY, entity, post.authorKey(), label, score, time));
        }
        return observations;
    }
}
