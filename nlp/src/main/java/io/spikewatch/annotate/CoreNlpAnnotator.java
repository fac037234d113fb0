package io.spikewatch.annotate;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.trees.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Annotates texts with Stanford CoreNLP: named entities merged with the tracked entities, message
 * sentiment and per-entity sentiment (see {@link MentionMerger}, {@link SentimentMethod} and
 * {@link SentimentClauses} for the rules).
 *
 * <p>With {@link SentimentMethod#CLASSIFIER} (the default) CoreNLP reads the text normalized for
 * social media ({@link SocialTextNormalizer}); every offset it reports is mapped back, so entity
 * mentions always point into the original text. The message's polarity is the
 * {@link PolarityModel}'s; an entity's is the same classifier's on the clause around each of its
 * mentions (the message's own when that clause is the whole message, or when every mention names
 * the same entity), so the two agree where they judge the same words. Praise after a complaint about a failing service is read as irony
 * ({@link IronicPraise}).
 *
 * <p>Thread-safe. Construction is cheap after the first one in a JVM for the same pipeline
 * properties: the models are loaded once and shared through {@link CoreNlpPipelines}.
 */
public final class CoreNlpAnnotator implements TextAnnotator {

    private final AnnotatorConfig config;
    private final StanfordCoreNLP pipeline;
    /** The pipeline without parse and sentiment, for {@link #annotateEntities}; loaded on first use. */
    private final LoadedOnce<StanfordCoreNLP> entityPipeline =
            new LoadedOnce<>(() -> CoreNlpPipelines.get(config().entityPipelineProperties()));
    private final TrackedEntities tracked;
    private final SocialTextNormalizer normalizer;
    private final PolarityFeatures features;
    private final PolarityModel model;
    private final NerMentionFilter mentionFilter;

    /**
     * Builds the annotator, loading CoreNLP's models (and the polarity model) if this JVM has not yet.
     *
     * @throws InvalidTrackedEntitiesException when the configured tracked entities are invalid
     */
    public CoreNlpAnnotator(AnnotatorConfig config) {
        this(config, config.sentimentMethod() == SentimentMethod.CLASSIFIER ? PolarityModel.standard() : null);
    }

    /**
     * Builds the annotator with another polarity model than the shipped one (training, evaluation).
     *
     * @param model the classifier; may be null only with {@link SentimentMethod#CORENLP_RNTN}
     */
    public CoreNlpAnnotator(AnnotatorConfig config, PolarityModel model) {
        this(config, model, CoreNlpPipelines.get(config.pipelineProperties()));
    }

    /**
     * Builds the annotator on a pipeline the caller loaded for this configuration's
     * {@link AnnotatorConfig#pipelineProperties() properties} (one not shared through
     * {@link CoreNlpPipelines}, for measurements).
     */
    CoreNlpAnnotator(AnnotatorConfig config, PolarityModel model, StanfordCoreNLP pipeline) {
        this.config = Objects.requireNonNull(config, "config");
        if (model == null && config.sentimentMethod() == SentimentMethod.CLASSIFIER) {
            throw new IllegalArgumentException("the CLASSIFIER sentiment method needs a polarity model");
        }
        this.tracked = config.trackedEntities();
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        SocialLexicon lexicon = SocialLexicon.standard();
        this.normalizer = new SocialTextNormalizer(lexicon);
        this.features = new PolarityFeatures(lexicon, WordVectors.standard());
        this.mentionFilter = new NerMentionFilter(lexicon);
        this.model = model;
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
        return config.sentimentMethod() == SentimentMethod.CLASSIFIER ? annotateWithClassifier(text) : annotateWithRntn(text);
    }

    /**
     * The entities {@link #annotate} finds, without running CoreNLP's parser and sentiment model:
     * the named-entity models read the same text (normalized with the classifier) through the same
     * tokenizer and tagger, and the parse changes none of their labels.
     */
    @Override
    public Annotation annotateEntities(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            return Annotation.EMPTY;
        }
        NormalizedText normalized = config.sentimentMethod() == SentimentMethod.CLASSIFIER
                ? normalizer.normalize(text)
                : NormalizedText.unchanged(text);
        CoreDocument document = new CoreDocument(normalized.text());
        if (!normalized.text().isBlank()) {
            entityPipeline.get().annotate(document);
        }
        return new Annotation(mentions(text, document, normalized), Sentiment.NONE, List.of());
    }

    /**
     * The features the polarity classifier reads for the whole of this text: what training uses,
     * so the shipped model sees exactly what it was trained on.
     */
    public Map<String, Double> messageFeatures(String text) {
        NormalizedText normalized = normalizer.normalize(Objects.requireNonNull(text, "text"));
        List<CoreSentence> sentences = parse(normalized.text());
        return features.extract(normalized, 0, normalized.text().length(), messageRntn(sentences));
    }

    private Annotation annotateWithClassifier(String text) {
        NormalizedText normalized = normalizer.normalize(text);
        CoreDocument document = new CoreDocument(normalized.text());
        List<CoreSentence> sentences = List.of();
        if (!normalized.text().isBlank()) {
            pipeline.annotate(document);
            sentences = document.sentences() == null ? List.of() : document.sentences();
        }
        int length = normalized.text().length();
        Polarity message = IronicPraise.apply(normalized, 0, length,
                model.predict(features.extract(normalized, 0, length, messageRntn(sentences))));

        List<EntityMention> mentions = mentions(text, document, normalized);
        EntitySentimentAggregator<Polarity> perEntity = EntitySentimentAggregator.ofPolarities();
        if (namesOneEntity(mentions)) {
            for (EntityMention mention : mentions) {
                perEntity.add(mention, message, message);
            }
            return new Annotation(mentions, message.toSentiment(), perEntity.result());
        }
        List<SentenceOffsets> offsets = SentenceOffsets.of(sentences, normalized);
        for (EntityMention mention : mentions) {
            SentenceOffsets sentence = SentenceOffsets.at(offsets, mention.start());
            if (sentence == null || sentence.sentence().sentimentTree() == null) {
                perEntity.add(mention, message, message);
                continue;
            }
            if (modifiesAnotherEntity(sentence, mention, mentions)) {
                // named as what the judged thing belongs to: neutral about this entity
                perEntity.add(mention, mention, Polarity.normalized(0, 1, 0, message.decision()));
                continue;
            }
            SentimentClauses.Unit unit = SentimentClauses.unitFor(sentence.sentence().sentimentTree(),
                    sentence.starts(), sentence.ends(), mention.start(), mention.end());
            if (unit.wholeSentence() && sentences.size() == 1) {
                perEntity.add(mention, message, message);
                continue;
            }
            List<CoreLabel> tokens = sentence.sentence().tokens();
            int from = tokens.get(unit.firstToken()).beginPosition();
            int to = tokens.get(unit.endToken() - 1).endPosition();
            Polarity clause = IronicPraise.apply(normalized, from, to, model.predict(features.extract(normalized, from, to,
                    RntnSummary.of(SentimentClauses.distribution(unit.node())))));
            perEntity.add(mention, unit.node(), clause);
        }
        return new Annotation(mentions, message.toSentiment(), perEntity.result());
    }

    private Annotation annotateWithRntn(String text) {
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
        NormalizedText unchanged = NormalizedText.unchanged(text);
        List<EntityMention> mentions = mentions(text, document, unchanged);
        EntitySentimentAggregator<Double> perEntity = EntitySentimentAggregator.ofScores();
        List<SentenceOffsets> offsets = SentenceOffsets.of(sentences, unchanged);
        for (EntityMention mention : mentions) {
            SentenceOffsets sentence = SentenceOffsets.at(offsets, mention.start());
            if (sentence == null || sentence.sentence().sentimentTree() == null) {
                continue;
            }
            Tree unit = SentimentClauses.unitFor(sentence.sentence().sentimentTree(), sentence.starts(), sentence.ends(),
                    mention.start(), mention.end()).node();
            perEntity.add(mention, unit, SentimentClauses.score(unit));
        }
        return new Annotation(mentions, messageSentiment.result(), perEntity.result());
    }

    /**
     * Whether the mention only modifies a mention of another entity in its noun phrase ("the
     * Musk-Trump X Space"): the clause's judgement is then about the other entity, not this one.
     */
    private static boolean modifiesAnotherEntity(SentenceOffsets sentence, EntityMention mention, List<EntityMention> mentions) {
        int head = SentimentClauses.modifiedPhraseEnd(sentence.sentence().constituencyParse(), sentence.starts(), sentence.ends(),
                mention.start(), mention.end());
        if (head < 0) {
            return false;
        }
        for (EntityMention other : mentions) {
            if (!other.entityName().equals(mention.entityName())
                    && sentence.ends()[head] > other.start() && sentence.starts()[head] < other.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when every mention names the same entity: the post is then about that one target as a
     * whole, and the message's polarity is the entity's. Its clauses alone would miss a complaint
     * in a sentence that does not repeat the name ("stuck on the loading screen. Twitter is
     * melting", "can not join the space. 5 minutes of connecting... #TwitterBlackout").
     */
    private static boolean namesOneEntity(List<EntityMention> mentions) {
        return !mentions.isEmpty() && mentions.stream().map(EntityMention::entityName).distinct().count() == 1;
    }

    private List<CoreSentence> parse(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        CoreDocument document = new CoreDocument(text);
        pipeline.annotate(document);
        return document.sentences() == null ? List.of() : document.sentences();
    }

    /** CoreNLP's sentiment of the whole message: its sentences weighted by their tokens. */
    private static RntnSummary messageRntn(List<CoreSentence> sentences) {
        RntnSummary.Builder rntn = new RntnSummary.Builder();
        for (CoreSentence sentence : sentences) {
            Tree tree = sentence.sentimentTree();
            if (tree != null) {
                rntn.add(SentimentClauses.distribution(tree), sentence.tokens().size());
            }
        }
        return rntn.build();
    }

    /** The text's entity mentions: CoreNLP's, merged with the tracked entities it names. */
    private List<EntityMention> mentions(String text, CoreDocument document, NormalizedText normalized) {
        return MentionMerger.merge(text, nerSpans(document, normalized), tracked.match(text));
    }

    /** CoreNLP's entity mentions as spans of the original text, cleaned by {@link NerMentionFilter}. */
    private List<NerSpan> nerSpans(CoreDocument document, NormalizedText normalized) {
        List<CoreEntityMention> found = document.entityMentions();
        if (found == null) {
            return List.of();
        }
        List<NerSpan> spans = new ArrayList<>(found.size());
        for (CoreEntityMention mention : found) {
            Optional<EntityType> type = EntityType.fromCoreNlpTag(mention.entityType());
            if (type.isEmpty() || isPronoun(mention)) {
                continue;
            }
            List<CoreLabel> tokens = mention.tokens();
            int[] kept = mentionFilter.keep(tokens.stream().map(CoreLabel::word).toList());
            if (kept == null) {
                continue;
            }
            int start = normalized.originalStart(tokens.get(kept[0]).beginPosition());
            int end = normalized.originalEnd(tokens.get(kept[1] - 1).endPosition());
            if (end > start) {
                spans.add(new NerSpan(type.get(), start, end));
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

    /** A sentence with its tokens' offsets in the original text. */
    private record SentenceOffsets(CoreSentence sentence, int[] starts, int[] ends) {

        static List<SentenceOffsets> of(List<CoreSentence> sentences, NormalizedText normalized) {
            List<SentenceOffsets> result = new ArrayList<>(sentences.size());
            for (CoreSentence sentence : sentences) {
                List<CoreLabel> tokens = sentence.tokens();
                int[] starts = new int[tokens.size()];
                int[] ends = new int[tokens.size()];
                for (int i = 0; i < starts.length; i++) {
                    starts[i] = normalized.originalStart(tokens.get(i).beginPosition());
                    ends[i] = normalized.originalEnd(tokens.get(i).endPosition());
                }
                result.add(new SentenceOffsets(sentence, starts, ends));
            }
            return result;
        }

        /** The sentence holding the original offset, or the last one starting before it, else the first. */
        static SentenceOffsets at(List<SentenceOffsets> sentences, int offset) {
            SentenceOffsets candidate = null;
            for (SentenceOffsets sentence : sentences) {
                if (sentence.starts().length == 0) {
                    continue;
                }
                if (sentence.starts()[0] <= offset) {
                    candidate = sentence;
                } else {
                    break;
                }
            }
            return candidate != null ? candidate : sentences.isEmpty() ? null : sentences.get(0);
        }
    }
}
