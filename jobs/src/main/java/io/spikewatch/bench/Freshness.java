package io.spikewatch.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long after the fast path read a post it was searchable, and how long until it was
 * annotated: for each event-time second of the {@link EmissionLog} (when its first post was read),
 * the first {@link Probe} at which the posts index held a post that new, among all post documents
 * (pending ones included) and among the annotated ones. Precise to the probes' interval; it takes
 * posts to reach the index roughly in event-time order (the newest {@code created_at} is what a
 * probe sees), which the replay's single source keeps.
 *
 * @param searchable read to searchable, per second read before the last probe
 * @param annotated read to annotated, per second annotated before the last probe
 * @param notSearchable seconds read but not searchable when the run stopped (the last probe)
 * @param notAnnotated seconds read but not annotated when the run stopped
 * @param longestUnannotatedWait how long the oldest of those had waited at the last probe
 */
public record Freshness(LatencyStats searchable, LatencyStats annotated, int notSearchable, int notAnnotated,
        Duration longestUnannotatedWait) {

    /**
     * What the posts index held at one moment.
     *
     * @param at when the index was asked (after a refresh)
     * @param newestPost the newest {@code created_at} of all post documents
     * @param newestAnnotated the newest {@code created_at} of the annotated ones (status not pending)
     */
    public record Probe(Instant at, Optional<Instant> newestPost, Optional<Instant> newestAnnotated) {}

    /** Measures {@code probes} (in the order taken) against what {@code log} says the fast path read. */
    public static Freshness of(EmissionLog log, List<Probe> probes) {
        List<Duration> searchable = new ArrayList<>();
        List<Duration> annotated = new ArrayList<>();
        int notSearchable = 0;
        int notAnnotated = 0;
        Duration longest = Duration.ZERO;
        Instant lastProbe = probes.isEmpty() ? null : probes.get(probes.size() - 1).at();
        for (EmissionLog.Entry read : log.entries()) {
            if (lastProbe == null || read.emittedAt().isAfter(lastProbe)) {
                break;
            }
            Optional<Instant> searchableAt = firstHolding(probes, read, Probe::newestPost);
            if (searchableAt.isPresent()) {
                searchable.add(Duration.between(read.emittedAt(), searchableAt.get()));
            } else {
                notSearchable++;
            }
            Optional<Instant> annotatedAt = firstHolding(probes, read, Probe::newestAnnotated);
            if (annotatedAt.isPresent()) {
                annotated.add(Duration.between(read.emittedAt(), annotatedAt.get()));
            } else {
                notAnnotated++;
                Duration waited = Duration.between(read.emittedAt(), lastProbe);
                longest = waited.compareTo(longest) > 0 ? waited : longest;
            }
        }
        return new Freshness(LatencyStats.of(searchable), LatencyStats.of(annotated), notSearchable, notAnnotated, longest);
    }

    private static Optional<Instant> firstHolding(List<Probe> probes, EmissionLog.Entry read,
            java.util.function.Function<Probe, Optional<Instant>> newest) {
        for (Probe probe : probes) {
            if (!probe.at().isBefore(read.emittedAt())
                    && newest.apply(probe).filter(t -> !t.isBefore(read.eventTime())).isPresent()) {
                return Optional.of(probe.at());
            }
        }
        return Optional.empty();
    }
}
