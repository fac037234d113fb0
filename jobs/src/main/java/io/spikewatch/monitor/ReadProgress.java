package io.spikewatch.monitor;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides when the fast path reports its progress: a {@link ReadMark} when the newest event time
 * read has advanced and at least {@code interval} of wall-clock time has passed since the last
 * mark; an advance made sooner is marked by {@link #flush} once the interval is over (the caller
 * sets a timer at {@link #flushAt()}), so the last posts of a burst are marked too, and by
 * {@link #finish} when the input ends. The marks
 * stay a few per second however fast the input is (they cross into the annotated side of the job,
 * and must never fill a buffer there), at the price of a resolution of {@code interval}: a post
 * counts as read when the first mark at or past its event time was made, at most {@code interval}
 * after it really was.
 */
public final class ReadProgress {

    /** Wall-clock time between two marks at most: the lag's resolution. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

    private final long intervalMillis;
    private long newestEventTime = Long.MIN_VALUE;
    private long markedEventTime = Long.MIN_VALUE;
    private long lastMarkAt = Long.MIN_VALUE;

    public ReadProgress(Duration interval) {
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("read-progress interval must be zero or more, got " + interval);
        }
        this.intervalMillis = interval.toMillis();
    }

    /** Notes a post of event time {@code eventTimeMillis} read at {@code nowMillis}; the mark to send now, if any. */
    public Optional<ReadMark> onRead(long eventTimeMillis, long nowMillis) {
        if (eventTimeMillis <= newestEventTime) {
            return Optional.empty();
        }
        newestEventTime = eventTimeMillis;
        if (lastMarkAt != Long.MIN_VALUE && nowMillis - lastMarkAt < intervalMillis) {
            return Optional.empty();
        }
        return Optional.of(mark(nowMillis));
    }

    /** When the advance not yet marked may be: the end of the interval; empty when every advance is marked. */
    public Optional<Long> flushAt() {
        return newestEventTime > markedEventTime ? Optional.of(lastMarkAt + intervalMillis) : Optional.empty();
    }

    /** The mark of the advance not yet marked, if there is one and the interval is over at {@code nowMillis}. */
    public Optional<ReadMark> flush(long nowMillis) {
        if (newestEventTime <= markedEventTime || nowMillis - lastMarkAt < intervalMillis) {
            return Optional.empty();
        }
        return Optional.of(mark(nowMillis));
    }

    /** The mark of the advance not yet marked, if any, whatever the interval: the input has ended. */
    public Optional<ReadMark> finish(long nowMillis) {
        return newestEventTime > markedEventTime ? Optional.of(mark(nowMillis)) : Optional.empty();
    }

    private ReadMark mark(long nowMillis) {
        lastMarkAt = nowMillis;
        markedEventTime = newestEventTime;
        return new ReadMark(newestEventTime, nowMillis);
    }
}
