package io.spikewatch.monitor;

import java.time.Duration;
import java.util.Arrays;

/**
 * How far annotation trails the input, measured against the fast path, which reads the same input
 * without waiting for NLP. Two numbers, updated with each annotated post:
 *
 * <ul>
 *   <li>{@link #lagMillis()}: wall-clock time between the fast path reading the post (the first
 *       {@link ReadMark} at or past its event time) and its annotation: how long a post waits for
 *       its sentiment and entities. Zero when the fast path has not been seen past the post (the
 *       annotation is level with the input, within the marks' interval).
 *   <li>{@link #eventTimeLagMillis()}: the newest event time the fast path has read minus the
 *       post's: how much of the stream's time is waiting, whatever the replay speed.
 * </ul>
 *
 * <p>Why against the fast path, and not from a time stamped when the indexing path parses a post:
 * under overload Flink's backpressure holds the indexing path's own source back, so its posts wait
 * in the input, unread, and a parse stamp would see only the last moments of the wait (the network
 * buffers in front of CoreNLP, seconds), never the minutes spent in the input. The fast path reads
 * at the input's pace, so the time it read a post is when the post was there to be read.
 *
 * <p>Marks older than the newest annotated event time minus {@code outOfOrderness} are forgotten
 * (an annotated post older than that gets a lag measured from a later mark: an underestimate), and
 * at most {@code maxMarks} are kept.
 */
public final class AnnotationLag {

    /** Marks kept at most: 100,000 at one per 100 ms is nearly three hours of backlog, 1.6 MB. */
    public static final int DEFAULT_MAX_MARKS = 100_000;

    private final long outOfOrdernessMillis;
    private final int maxMarks;
    private long[] eventTimes = new long[64];
    private long[] readAts = new long[64];
    private int start;
    private int end;
    private long newestAnnotated = Long.MIN_VALUE;
    private volatile long lagMillis; // read by the metrics reporter's thread
    private volatile long eventTimeLagMillis;

    public AnnotationLag(Duration outOfOrderness, int maxMarks) {
        if (outOfOrderness == null || outOfOrderness.isNegative()) {
            throw new IllegalArgumentException("annotation-lag out-of-orderness must be zero or more, got " + outOfOrderness);
        }
        if (maxMarks < 1) {
            throw new IllegalArgumentException("annotation-lag marks must be at least 1, got " + maxMarks);
        }
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
        this.maxMarks = maxMarks;
    }

    /** Notes the fast path's progress; a mark that does not advance its event time is ignored. */
    public void onRead(ReadMark mark) {
        if (end > start && mark.eventTimeMillis() <= eventTimes[end - 1]) {
            return;
        }
        if (end - start == maxMarks) {
            start++;
        }
        if (end == eventTimes.length) {
            compactOrGrow();
        }
        eventTimes[end] = mark.eventTimeMillis();
        readAts[end] = mark.readAtMillis();
        end++;
    }

    /** Notes that the post of event time {@code eventTimeMillis} was annotated at {@code nowMillis}. */
    public void onAnnotated(long eventTimeMillis, long nowMillis) {
        int first = firstAtOrAfter(eventTimeMillis);
        lagMillis = first == end ? 0 : Math.max(0, nowMillis - readAts[first]);
        eventTimeLagMillis = end == start ? 0 : Math.max(0, eventTimes[end - 1] - eventTimeMillis);
        if (eventTimeMillis > newestAnnotated) {
            newestAnnotated = eventTimeMillis;
            long horizon = newestAnnotated - outOfOrdernessMillis;
            while (end - start > 1 && eventTimes[start] < horizon) {
                start++;
            }
        }
    }

    /** The wall-clock wait of the post annotated last, in milliseconds (0 before any). */
    public long lagMillis() {
        return lagMillis;
    }

    /** The event time the fast path was ahead of the post annotated last, in milliseconds (0 before any). */
    public long eventTimeLagMillis() {
        return eventTimeLagMillis;
    }

    /** Marks held now. */
    int marks() {
        return end - start;
    }

    private int firstAtOrAfter(long eventTimeMillis) {
        int low = start;
        int high = end;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (eventTimes[mid] < eventTimeMillis) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void compactOrGrow() {
        int size = end - start;
        int capacity = size * 2 > eventTimes.length ? eventTimes.length * 2 : eventTimes.length;
        eventTimes = Arrays.copyOf(Arrays.copyOfRange(eventTimes, start, end), capacity);
        readAts = Arrays.copyOf(Arrays.copyOfRange(readAts, start, end), capacity);
        start = 0;
        end = size;
    }
}
