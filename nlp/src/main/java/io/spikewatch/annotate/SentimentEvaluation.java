package io.spikewatch.annotate;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Scores a sentiment annotator against gold texts on several threads: its labels (the SemEval
 * measures) and its scores (their calibration). The result does not depend on the number of
 * threads.
 */
public final class SentimentEvaluation {

    /** The labels' measures and the scores' calibration. */
    public record Result(SentimentMetrics labels, ScoreCalibration scores) {

        Result() {
            this(new SentimentMetrics(), new ScoreCalibration());
        }

        void add(String gold, Sentiment predicted) {
            labels.add(gold, predicted.label());
            scores.add(gold, predicted.score());
        }

        void addAll(Result other) {
            labels.addAll(other.labels);
            scores.addAll(other.scores);
        }
    }

    private SentimentEvaluation() {}

    /**
     * @param sentiment thread-safe; called once per text
     * @param threads at least 1
     * @throws IllegalStateException naming the text's id when the annotator fails on it
     */
    public static Result evaluate(List<LabeledText> gold, Function<String, Sentiment> sentiment, int threads) {
        Objects.requireNonNull(sentiment, "sentiment");
        return ParallelScoring.score(gold, threads, Result::new,
                (result, text) -> result.add(text.label(), sentiment.apply(text.text())),
                Result::addAll, text -> "text '" + text.id() + "'");
    }
}
