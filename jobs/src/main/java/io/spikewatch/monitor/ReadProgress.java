package io.spikewatch.monitor;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides when the fast path reports its progress: a {@link ReadMark} when the newest event time
 * read has advanced and at least {@code interval} of wall-clock time has passed since the last
 * mark. So the marks stay a few per second however fast the input is (they cross into the
 * annotated side of the job, and must never fill a buffer there), at the price of a resolution of
 * {@code interval}: a post is taken to have been read when the first mark at or past its event
 * time was made, which is at most {@code interval} after it really was.
 */
public final class ReadProgress {

    /** Wall-clock time between two marks at most: the lag's resolution. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

    private final long intervalMillis;
    private long newestEventTime = Long.MIN_VALUE;
    private long lastMarkAt = Long.MIN_VALUE;

    public ReadProgress(Duration interval) {
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("read-progress interval must be zero or more, got " + interval);
        }
        this.intervalMillis = interval.toMillis();
    }

    /** Notes a post of event time {@code eventTimeMillis} read at {@code nowMillis}; the mark to send, if any. */
    public Optional<ReadMark> onRead(long eventTimeMillis, long nowMillis) {
        if (eventTimeMillis <= newestEventTime) {
            return Optional.empty();
        }
        newestEventTime = eventTimeMillis;
        if (lastMarkAt != Long.MIN_VALUE && nowMillis - lastMarkAt < intervalMillis) {
            return Optional.empty();
        }
        lastMarkAt = nowMillis;
        return Optional.of(new ReadMark(eventTimeMillis, nowMillis));
    }
}
