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
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<NerMetrics>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    NerMetrics metrics = new NerMetrics();
                    for (int i = first; i < sentences.size(); i += threads) {
                        ConllSentence sentence = sentences.get(i);
                        List<EntityMention> mentions;
                        try {
                            mentions = recognizer.apply(sentence.text());
                        } catch (RuntimeException e) {
                            throw new IllegalStateException("sentence at line " + sentence.line() + ": " + e.getMessage(), e);
                        }
                        metrics.add(sentence.gold(), sentence.spansOf(mentions));
                    }
                    return metrics;
                }));
            }
            NerMetrics total = new NerMetrics();
            for (Future<NerMetrics> part : parts) {
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
