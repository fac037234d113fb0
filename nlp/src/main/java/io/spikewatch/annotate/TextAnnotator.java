package io.spikewatch.annotate;

/** Turns a text into entities and sentiment. Implementations are thread-safe. */
public interface TextAnnotator {

    /**
     * Annotates one text.
     *
     * @param text the text; null is rejected, an empty text gives {@link Annotation#EMPTY}
     */
    Annotation annotate(String text);
}
