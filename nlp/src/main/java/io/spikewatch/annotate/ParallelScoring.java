package io.spikewatch.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Scores gold items on several threads, each thread into its own metrics (items {@code t},
 * {@code t + threads}, ...), merged at the end: counts that add up give the same result whatever
 * the number of threads. Shared by the sentiment and the entity evaluations.
 */
final class ParallelScoring {

    private ParallelScoring() {}

    /**
     * @param score adds one item to a thread's metrics; a RuntimeException it throws is rethrown as
     *     an IllegalStateException starting with {@code where} of the item
     * @param merge adds the second metrics into the first
     */
    static <I, M> M score(List<I> items, int threads, Supplier<M> empty, BiConsumer<M, I> score, BiConsumer<M, M> merge,
            Function<I, String> where) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<M>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    M metrics = empty.get();
                    for (int i = first; i < items.size(); i += threads) {
                        I item = items.get(i);
                        try {
                            score.accept(metrics, item);
                        } catch (RuntimeException e) {
                            throw new IllegalStateException(where.apply(item) + ": " + e.getMessage(), e);
                        }
                    }
                    return metrics;
                }));
            }
            M total = empty.get();
            for (Future<M> part : parts) {
                merge.accept(total, part.get());
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
