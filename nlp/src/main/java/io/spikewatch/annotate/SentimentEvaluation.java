package io.spikewatch.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SentimentMetrics>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    SentimentMetrics metrics = new SentimentMetrics();
                    for (int i = first; i < gold.size(); i += threads) {
                        LabeledText text = gold.get(i);
                        String predicted;
                        try {
                            predicted = labeler.apply(text.text());
                        } catch (RuntimeException e) {
                            throw new IllegalStateException("text '" + text.id() + "': " + e.getMessage(), e);
                        }
                        metrics.add(text.label(), predicted);
                    }
                    return metrics;
                }));
            }
            SentimentMetrics total = new SentimentMetrics();
            for (Future<SentimentMetrics> part : parts) {
                total.addAll(part.get());
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
