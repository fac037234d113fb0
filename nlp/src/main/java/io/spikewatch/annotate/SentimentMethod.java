package io.spikewatch.annotate;

/** How {@link CoreNlpAnnotator} decides the polarity of a message and of the clauses about an entity. */
public enum SentimentMethod {
    /**
     * Spikewatch's: the text is normalized for social media ({@link SocialTextNormalizer}), then
     * the shipped {@link PolarityModel} classifies the message from its words, lexicon scores,
     * cues and CoreNLP's sentiment model's output; each entity by the same classifier applied to
     * the clause around it.
     */
    CLASSIFIER,
    /**
     * CoreNLP's sentiment model alone on the text as written: the token-weighted mean of sentence
     * scores with a neutral band ({@link SentimentScorer}). The out-of-the-box baseline.
     */
    CORENLP_RNTN
}
