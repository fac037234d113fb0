package io.spikewatch.annotate;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the annotator says about one text: its entity mentions in text order, its overall
 * sentiment, and the sentiment towards each entity it mentions.
 */
public record Annotation(List<EntityMention> entities, Sentiment sentiment, List<EntitySentiment> entitySentiments)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The annotation of a text with nothing in it. */
    public static final Annotation EMPTY = new Annotation(List.of(), Sentiment.NONE, List.of());

    public Annotation {
        entities = List.copyOf(Objects.requireNonNull(entities, "entities"));
        Objects.requireNonNull(sentiment, "sentiment");
        entitySentiments = List.copyOf(Objects.requireNonNull(entitySentiments, "entitySentiments"));
    }

    /** The same entities with no sentiment: {@link Sentiment#NONE} overall and none per entity. */
    public Annotation withoutSentiment() {
        return sentiment.equals(Sentiment.NONE) && entitySentiments.isEmpty() ? this : new Annotation(entities, Sentiment.NONE, List.of());
    }

    /** The distinct canonical names of the tracked entities mentioned, in order of first mention. */
    public List<String> canonicalEntities() {
        Set<String> names = new LinkedHashSet<>();
        for (EntityMention mention : entities) {
            if (mention.canonical() != null) {
                names.add(mention.canonical());
            }
        }
        return List.copyOf(names);
    }

    /** The distinct entity names (canonical when tracked, else as written), in order of first mention. */
    public List<String> entityNames() {
        Set<String> names = new LinkedHashSet<>();
        for (EntityMention mention : entities) {
            names.add(mention.entityName());
        }
        return List.copyOf(names);
    }
}
