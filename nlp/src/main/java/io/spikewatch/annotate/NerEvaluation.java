package io.spikewatch.annotate;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Scores an entity recognizer against CoNLL-style gold sentences: each sentence's text is
 * rebuilt from its tokens ({@link ConllSentence#text()}), the recognizer's mentions are mapped
 * back to token spans ({@link ConllSentence#spansOf}) and counted in {@link NerMetrics}. Runs on
 * several threads; the result does not depend on their number.
 */
public final class NerEvaluation {

    private NerEvaluation() {}

    /**
     * @param recognizer thread-safe; text in, mentions with offsets into that text out
     * @param threads at least 1
     * @throws IllegalStateException naming the sentence's line when the recognizer fails on it
     */
    public static NerMetrics evaluate(List<ConllSentence> sentences, Function<String, List<EntityMention>> recognizer,
            int threads) {
        Objects.requireNonNull(recognizer, "recognizer");
        return ParallelScoring.score(sentences, threads, NerMetrics::new,
                (metrics, sentence) -> metrics.add(sentence.gold(), sentence.spansOf(recognizer.apply(sentence.text()))),
                NerMetrics::addAll, sentence -> "sentence at line " + sentence.line());
    }
}
