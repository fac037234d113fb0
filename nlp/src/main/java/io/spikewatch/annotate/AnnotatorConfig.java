package io.spikewatch.annotate;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Everything needed to build a {@link CoreNlpAnnotator}, small enough to ship to every task of a
 * cluster job: the tracked entities travel as YAML text, not as a path that only exists on the
 * client machine. Immutable; build with {@link #builder()}, {@link #defaults()} or
 * {@link #coreNlpDefault()}.
 */
public final class AnnotatorConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Value of {@link #maxParseSentenceLength()} meaning every sentence is parsed. */
    public static final int UNLIMITED = -1;

    /**
     * Longer sentences are not parsed: CoreNLP gives them a flat tree, so sentiment is still
     * computed but from word order rather than syntax. A 280-character post rarely has a sentence
     * longer than this; run-on text pasted into a post would otherwise cost seconds to parse.
     */
    public static final int DEFAULT_MAX_PARSE_SENTENCE_LENGTH = 80;

    /**
     * The NER models of the lean profile, in priority order, each labelling only the tokens the
     * ones before it left unlabelled: CoreNLP's 3-class model (PERSON, ORGANIZATION, LOCATION;
     * trained on more data than the CoNLL 4-class one), its caseless twin, so "donald trump" and
     * "new york" written in lower case are found, and a CRF Spikewatch trained on the WNUT 2017
     * training tweets ({@code ner/README.md}). The WNUT 2017 dev scores that chose them are in
     * nlp/README.md. None has MISC: MISC mentions come from tracked entities only.
     */
    public static final List<String> LEAN_NER_MODELS = List.of(
            "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz",
            "edu/stanford/nlp/models/ner/english.all.3class.caseless.distsim.crf.ser.gz",
            "io/spikewatch/annotate/ner/wnut17-train.crf.ser.gz");

    /**
     * How several NER models combine: in priority order, each labelling only the tokens the ones
     * before it left unlabelled (CoreNLP's {@code HIGH_RECALL}).
     */
    static final String NER_COMBINATION_MODE = "HIGH_RECALL";
    /** The annotators only sentiment needs, after those that find the entities. */
    static final String SENTIMENT_ANNOTATORS = "parse,sentiment";

    /** Name used in error messages for tracked entities given as text without a source. */
    public static final String INLINE_SOURCE = "<tracked-entities>";

    private final PipelineProfile profile;
    private final ParserChoice parser;
    private final int maxParseSentenceLength;
    private final List<String> nerModels;
    private final String trackedEntitiesYaml;
    private final String trackedEntitiesSource;
    private final SentimentMethod sentimentMethod;

    private AnnotatorConfig(Builder builder) {
        this.profile = builder.profile;
        this.parser = builder.parser;
        this.maxParseSentenceLength = builder.maxParseSentenceLength;
        this.nerModels = List.copyOf(builder.nerModels);
        this.trackedEntitiesYaml = builder.trackedEntitiesYaml;
        this.trackedEntitiesSource = builder.trackedEntitiesSource;
        this.sentimentMethod = builder.sentimentMethod;
    }

    /** Spikewatch's pipeline: lean profile, shift-reduce parser, the polarity classifier, no tracked entities. */
    public static AnnotatorConfig defaults() {
        return builder().build();
    }

    /**
     * CoreNLP's default pipeline for {@code tokenize,ssplit,pos,lemma,ner,parse,sentiment} with
     * its PCFG parser, no sentence-length limit and its own sentiment on the text as written
     * ({@link SentimentMethod#CORENLP_RNTN}), for comparison.
     */
    public static AnnotatorConfig coreNlpDefault() {
        return builder()
                .profile(PipelineProfile.CORENLP_DEFAULT)
                .parser(ParserChoice.PCFG)
                .maxParseSentenceLength(UNLIMITED)
                .nerModels(List.of())
                .sentimentMethod(SentimentMethod.CORENLP_RNTN)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.profile = profile;
        builder.parser = parser;
        builder.maxParseSentenceLength = maxParseSentenceLength;
        builder.nerModels = nerModels;
        builder.trackedEntitiesYaml = trackedEntitiesYaml;
        builder.trackedEntitiesSource = trackedEntitiesSource;
        builder.sentimentMethod = sentimentMethod;
        return builder;
    }

    public PipelineProfile profile() {
        return profile;
    }

    public ParserChoice parser() {
        return parser;
    }

    /** Longest sentence, in tokens, that is parsed; {@link #UNLIMITED} for no limit. */
    public int maxParseSentenceLength() {
        return maxParseSentenceLength;
    }

    /** NER model resources; empty means CoreNLP's default set (three CRF models). */
    public List<String> nerModels() {
        return nerModels;
    }

    /** The tracked-entities YAML, or null when nothing is tracked. */
    public String trackedEntitiesYaml() {
        return trackedEntitiesYaml;
    }

    /** How message and entity sentiment are decided. */
    public SentimentMethod sentimentMethod() {
        return sentimentMethod;
    }

    /** Where the tracked-entities YAML came from, as named in error messages. */
    public String trackedEntitiesSource() {
        return trackedEntitiesSource;
    }

    /** Parses the tracked entities (already validated when the config was built). */
    public TrackedEntities trackedEntities() {
        return trackedEntitiesYaml == null
                ? TrackedEntities.empty()
                : TrackedEntities.fromYaml(trackedEntitiesYaml, trackedEntitiesSource);
    }

    /**
     * The CoreNLP properties of this configuration. Two configurations with equal properties share
     * one loaded pipeline per JVM (see {@link CoreNlpPipelines}).
     */
    public Properties pipelineProperties() {
        Properties props = new Properties();
        props.setProperty("parse.model", parser.modelPath());
        props.setProperty("parse.maxlen", Integer.toString(maxParseSentenceLength));
        // the sentiment model reads binarized trees; CoreNLP sets this for 'sentiment', we say it outright
        props.setProperty("parse.binaryTrees", "true");
        if (!nerModels.isEmpty()) {
            props.setProperty("ner.model", String.join(",", nerModels));
            if (nerModels.size() > 1) {
                // CoreNLP's default lets a later model add only classes the earlier ones lack; here a
                // later model also labels the tokens the earlier ones left as O (a caseless model
                // after a cased one finds the names written in lower case)
                props.setProperty("ner.combinationMode", NER_COMBINATION_MODE);
            }
        }
        if (profile == PipelineProfile.LEAN) {
            props.setProperty("ner.applyFineGrained", "false");
            props.setProperty("ner.useSUTime", "false");
            props.setProperty("ner.applyNumericClassifiers", "false");
            props.setProperty("ner.buildEntityMentions", "true");
            props.setProperty("parse.buildgraphs", "false");
            // emoji and other symbols the lexer does not know become tokens, without a warning each
            props.setProperty("tokenize.options", "untokenizable=noneKeep");
        }
        props.setProperty("annotators", entityAnnotators() + "," + SENTIMENT_ANNOTATORS);
        return props;
    }

    /**
     * The CoreNLP properties of the entities-only pipeline ({@link TextAnnotator#annotateEntities}):
     * these properties without the parse and sentiment annotators. CoreNLP's JVM-wide annotator
     * pool gives it the same tokenizer, tagger and NER models as the full pipeline, not copies.
     */
    public Properties entityPipelineProperties() {
        Properties props = pipelineProperties();
        props.setProperty("annotators", entityAnnotators());
        return props;
    }

    /** The annotators up to the named entities; the full pipeline adds {@link #SENTIMENT_ANNOTATORS}. */
    private String entityAnnotators() {
        return profile == PipelineProfile.LEAN ? "tokenize,ssplit,pos,ner" : "tokenize,ssplit,pos,lemma,ner";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnnotatorConfig other
                && profile == other.profile
                && parser == other.parser
                && maxParseSentenceLength == other.maxParseSentenceLength
                && nerModels.equals(other.nerModels)
                && Objects.equals(trackedEntitiesYaml, other.trackedEntitiesYaml)
                && Objects.equals(trackedEntitiesSource, other.trackedEntitiesSource)
                && sentimentMethod == other.sentimentMethod;
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, parser, maxParseSentenceLength, nerModels, trackedEntitiesYaml, trackedEntitiesSource, sentimentMethod);
    }

    @Override
    public String toString() {
        return "AnnotatorConfig{profile=" + profile + ", parser=" + parser
                + ", maxParseSentenceLength=" + maxParseSentenceLength
                + ", nerModels=" + (nerModels.isEmpty() ? "corenlp-default" : nerModels)
                + ", trackedEntities=" + (trackedEntitiesYaml == null ? "none" : trackedEntitiesSource)
                + ", sentiment=" + sentimentMethod + "}";
    }

    /** Builds an {@link AnnotatorConfig}; every setter checks its value at once. */
    public static final class Builder {
        private PipelineProfile profile = PipelineProfile.LEAN;
        private ParserChoice parser = ParserChoice.SHIFT_REDUCE;
        private int maxParseSentenceLength = DEFAULT_MAX_PARSE_SENTENCE_LENGTH;
        private List<String> nerModels = LEAN_NER_MODELS;
        private String trackedEntitiesYaml;
        private String trackedEntitiesSource = INLINE_SOURCE;
        private SentimentMethod sentimentMethod = SentimentMethod.CLASSIFIER;

        private Builder() {}

        public Builder sentimentMethod(SentimentMethod method) {
            this.sentimentMethod = Objects.requireNonNull(method, "method");
            return this;
        }

        public Builder profile(PipelineProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        public Builder parser(ParserChoice parser) {
            this.parser = Objects.requireNonNull(parser, "parser");
            return this;
        }

        /**
         * @param tokens a positive number of tokens, or {@link #UNLIMITED}
         */
        public Builder maxParseSentenceLength(int tokens) {
            if (tokens <= 0 && tokens != UNLIMITED) {
                throw new IllegalArgumentException(
                        "maxParseSentenceLength must be a positive number of tokens or UNLIMITED (-1), was " + tokens);
            }
            this.maxParseSentenceLength = tokens;
            return this;
        }

        /**
         * @param models NER model classpath resources; empty for CoreNLP's default three
         */
        public Builder nerModels(List<String> models) {
            Objects.requireNonNull(models, "models");
            for (String model : models) {
                if (model == null || model.isBlank() || model.contains(",")) {
                    throw new IllegalArgumentException("nerModels: each model must be a non-empty resource path without ',', was '"
                            + model + "'");
                }
            }
            this.nerModels = List.copyOf(models);
            return this;
        }

        /**
         * Tracks the entities in this YAML text, checked now.
         *
         * @param source what to call the text in error messages
         * @throws InvalidTrackedEntitiesException when the text has an error
         */
        public Builder trackedEntitiesYaml(String yaml, String source) {
            Objects.requireNonNull(yaml, "yaml");
            Objects.requireNonNull(source, "source");
            TrackedEntities.fromYaml(yaml, source);
            this.trackedEntitiesYaml = yaml;
            this.trackedEntitiesSource = source;
            return this;
        }

        /**
         * Tracks the entities of this file, read and checked now; the text is kept, not the path.
         *
         * @throws InvalidTrackedEntitiesException when the file cannot be read or has an error
         */
        public Builder trackedEntitiesFile(Path file) {
            Objects.requireNonNull(file, "file");
            String yaml;
            try {
                yaml = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidTrackedEntitiesException(file + ": cannot read the tracked-entities file: " + e, e);
            }
            return trackedEntitiesYaml(yaml, file.toString());
        }

        /** Tracks nothing. */
        public Builder noTrackedEntities() {
            this.trackedEntitiesYaml = null;
            this.trackedEntitiesSource = INLINE_SOURCE;
            return this;
        }

        public AnnotatorConfig build() {
            return new AnnotatorConfig(this);
        }
    }
}
