package io.spikewatch.annotate;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * CoreNLP's default English NER, untouched, as the baseline of entity evaluations: the pipeline
 * {@code tokenize,ssplit,pos,lemma,ner} with CoreNLP's own defaults (three CRF models, fine-grained
 * classes, SUTime, numeric classifiers) on the text as written. Its mentions get Spikewatch's
 * types the way {@link CoreNlpAnnotator} maps them ({@link EntityType#fromCoreNlpTag}). Thread-safe.
 */
public final class CoreNlpDefaultNer {

    /** The annotators CoreNLP needs for its default NER. */
    public static final String ANNOTATORS = "tokenize,ssplit,pos,lemma,ner";

    private final Properties properties;

    public CoreNlpDefaultNer() {
        properties = new Properties();
        properties.setProperty("annotators", ANNOTATORS);
    }

    /** CoreNLP's mentions of the four Spikewatch types, offsets into {@code text}. */
    public List<EntityMention> recognize(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        CoreDocument document = new CoreDocument(text);
        CoreNlpPipelines.get(properties).annotate(document);
        List<EntityMention> mentions = new ArrayList<>();
        if (document.entityMentions() == null) {
            return mentions;
        }
        for (CoreEntityMention mention : document.entityMentions()) {
            Optional<EntityType> type = EntityType.fromCoreNlpTag(mention.entityType());
            if (type.isPresent()) {
                int start = mention.charOffsets().first();
                int end = mention.charOffsets().second();
                mentions.add(new EntityMention(text.substring(start, end), type.get().name(), start, end, null));
            }
        }
        return mentions;
    }
}
