package io.spikewatch.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The latency of one alert, from the wall-clock time its spike's first minute closed.
 *
 * @param latency arrival at the webhook minus the emission of the first record past the end of
 *     the spike's first minute (the moment that minute was over, on the replay's clock)
 * @param onPace arrival minus the moment the minute ended on the replay's pace (as if the source
 *     had never fallen behind): what a reader of a live feed would see; larger than
 *     {@code latency} by as much as the source was held back (by backpressure, or a starved CPU)
 * @param afterWatermark arrival minus the emission of the first record past that minute's end
 *     plus the out-of-orderness: the part of the latency that is the pipeline's own, after the
 *     wait the watermark's out-of-orderness bound imposes on every event-time minute
 * @param annotationLag how far annotation's event time was behind the alert path's when the
 *     alert arrived (the alert source's event time then, minus the newest annotated post's)
 */
public record AlertLatency(String alertId, Instant spikeStart, Duration latency, Duration onPace, Duration afterWatermark,
        Duration annotationLag) {

    static final Duration MINUTE = Duration.ofMinutes(1);

    /**
     * The latency of {@code arrival}, or empty when the log has no record past the spike's first
     * minute (the alert cannot have been caused by a closed minute then: the caller reports it).
     *
     * @param streamStart the event time of the first record, the annotation progress assumed when
     *     no post had been annotated yet
     */
    public static Optional<AlertLatency> of(AlertArrival arrival, EmissionLog log, double speed, Duration outOfOrderness,
            Instant streamStart) {
        Instant minuteEnd = arrival.spikeStart().plus(MINUTE);
        Optional<Instant> closed = log.emittedAt(minuteEnd);
        if (closed.isEmpty()) {
            return Optional.empty();
        }
        Instant watermarkPassed = log.emittedAt(minuteEnd.plus(outOfOrderness)).orElse(closed.get());
        Instant alertPathAt = log.eventTimeAt(arrival.arrivedAt()).orElse(streamStart);
        Instant annotatedAt = arrival.annotatedUpTo() != null ? arrival.annotatedUpTo() : streamStart;
        Duration lag = Duration.between(annotatedAt, alertPathAt);
        return Optional.of(new AlertLatency(arrival.alertId(), arrival.spikeStart(),
                Duration.between(closed.get(), arrival.arrivedAt()),
                Duration.between(log.dueAt(minuteEnd, speed).orElseThrow(), arrival.arrivedAt()),
                Duration.between(watermarkPassed, arrival.arrivedAt()),
                lag.isNegative() ? Duration.ZERO : lag));
    }
}
