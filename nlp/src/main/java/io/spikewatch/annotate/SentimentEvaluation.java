package io.spikewatch.annotate;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Scores a labeler (text to negative, neutral or positive) against gold texts on several
 * threads. The result does not depend on the number of threads.
 */
public final class SentimentEvaluation {

    private SentimentEvaluation() {}

    /**
     * @param labeler thread-safe; called once per text
     * @param threads at least 1
     * @throws IllegalStateException naming the text's id when the labeler fails on it
     */
    public static SentimentMetrics evaluate(List<LabeledText> gold, Function<String, String> labeler, int threads) {
        Objects.requireNonNull(labeler, "labeler");
        return ParallelScoring.score(gold, threads, SentimentMetrics::new,
                (metrics, text) -> metrics.add(text.label(), labeler.apply(text.text())),
                SentimentMetrics::addAll, text -> "text '" + text.id() + "'");
    }
}
