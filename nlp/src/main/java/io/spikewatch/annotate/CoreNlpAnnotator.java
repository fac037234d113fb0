package io.spikewatch.annotate;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.trees.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Annotates texts with Stanford CoreNLP: named entities merged with the tracked entities, message
 * sentiment and per-entity sentiment (see {@link MentionMerger}, {@link SentimentScorer} and
 * {@link SentimentClauses} for the rules).
 *
 * <p>Thread-safe. Construction is cheap after the first one in a JVM for the same pipeline
 * properties: the models are loaded once and shared through {@link CoreNlpPipelines}.
 */
public final class CoreNlpAnnotator implements TextAnnotator {

    private final AnnotatorConfig config;
    private final StanfordCoreNLP pipeline;
    private final TrackedEntities tracked;

    /**
     * Builds the annotator, loading CoreNLP's models if this JVM has not yet.
     *
     * @throws InvalidTrackedEntitiesException when the configured tracked entities are invalid
     */
    public CoreNlpAnnotator(AnnotatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.tracked = config.trackedEntities();
        this.pipeline = CoreNlpPipelines.get(config.pipelineProperties());
    }

    public AnnotatorConfig config() {
        return config;
    }

    public TrackedEntities trackedEntities() {
        return tracked;
    }

    @Override
    public Annotation annotate(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            return Annotation.EMPTY;
        }
        CoreDocument document = new CoreDocument(text);
        pipeline.annotate(document);
        List<CoreSentence> sentences = document.sentences() == null ? List.of() : document.sentences();

        SentimentScorer.Mean messageSentiment = new SentimentScorer.Mean();
        for (CoreSentence sentence : sentences) {
            Tree tree = sentence.sentimentTree();
            if (tree != null) {
                messageSentiment.add(SentimentClauses.score(tree), sentence.tokens().size());
            }
        }

        List<EntityMention> mentions = MentionMerger.merge(text, nerSpans(document), tracked.match(text));

        EntitySentimentAggregator perEntity = new EntitySentimentAggregator();
        for (EntityMention mention : mentions) {
            CoreSentence sentence = sentenceAt(sentences, mention.start());
            if (sentence == null || sentence.sentimentTree() == null) {
                continue;
            }
            Tree unit = SentimentClauses.unitFor(sentence.sentimentTree(), sentence.tokens(), mention.start(), mention.end());
            perEntity.add(mention, unit, SentimentClauses.score(unit));
        }
        return new Annotation(mentions, messageSentiment.result(), perEntity.result());
    }

    private static List<NerSpan> nerSpans(CoreDocument document) {
        List<CoreEntityMention> found = document.entityMentions();
        if (found == null) {
            return List.of();
        }
        List<NerSpan> spans = new ArrayList<>(found.size());
        for (CoreEntityMention mention : found) {
            Optional<EntityType> type = EntityType.fromCoreNlpTag(mention.entityType());
            if (type.isPresent() && !isPronoun(mention)) {
                spans.add(new NerSpan(type.get(), mention.charOffsets().first(), mention.charOffsets().second()));
            }
        }
        return spans;
    }

    /**
     * CoreNLP's entity mentions include pronouns it resolved to a type ("his" as PERSON); they
     * name nobody on their own, so they are not entities here.
     */
    private static boolean isPronoun(CoreEntityMention mention) {
        for (CoreLabel token : mention.tokens()) {
            String tag = token.tag();
            if (tag == null || !(tag.startsWith("PRP") || tag.startsWith("WP"))) {
                return false;
            }
        }
        return true;
    }

    /** The sentence holding the character at {@code offset}, or the last one starting before it. */
    private static CoreSentence sentenceAt(List<CoreSentence> sentences, int offset) {
        CoreSentence candidate = null;
        for (CoreSentence sentence : sentences) {
            List<CoreLabel> tokens = sentence.tokens();
            if (tokens.isEmpty()) {
                continue;
            }
            if (tokens.get(0).beginPosition() <= offset) {
                candidate = sentence;
            } else {
                break;
            }
        }
        return candidate != null ? candidate : sentences.isEmpty() ? null : sentences.get(0);
    }
}
