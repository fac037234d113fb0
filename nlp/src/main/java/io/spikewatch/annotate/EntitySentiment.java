package io.spikewatch.annotate;

import java.io.Serializable;
import java.util.Objects;

/**
 * How a text speaks about one entity: the combined sentiment of the clauses that mention it
 * (the whole sentence when the parser found no smaller clause around the mention).
 *
 * @param entity the canonical name when tracked, else the surface text
 * @param label negative, neutral or positive, as in {@link Sentiment}
 * @param score in [-1, 1], as in {@link Sentiment}
 * @param mentions how many times the text mentions the entity
 */
public record EntitySentiment(String entity, String label, double score, int mentions) implements Serializable {

    private static final long serialVersionUID = 1L;

    public EntitySentiment {
        Objects.requireNonNull(entity, "entity");
        new Sentiment(label, score); // validates label and range
        if (mentions < 1) {
            throw new IllegalArgumentException("an entity sentiment needs at least one mention, had " + mentions);
        }
    }

    /** The label and score alone. */
    public Sentiment sentiment() {
        return new Sentiment(label, score);
    }
}
