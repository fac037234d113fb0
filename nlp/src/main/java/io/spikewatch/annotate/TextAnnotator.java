package io.spikewatch.annotate;

/** Turns a text into entities and sentiment. Implementations are thread-safe. */
public interface TextAnnotator {

    /**
     * Annotates one text.
     *
     * @param text the text; null is rejected, an empty text gives {@link Annotation#EMPTY}
     */
    Annotation annotate(String text);

    /**
     * Annotates a text whose sentiment will not be read (one in a language the sentiment models do
     * not read, see {@link SentimentLanguages}): the same entities as {@link #annotate}, with
     * {@link Annotation#withoutSentiment() no sentiment}. Implementations skip the work only
     * sentiment needs (CoreNLP's parse); this default annotates fully and drops the sentiment.
     */
    default Annotation annotateEntities(String text) {
        return annotate(text).withoutSentiment();
    }
}
