package io.spikewatch.live;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The event-time window a panel shows, {@code [from, to)}, and the histogram interval that keeps
 * a chart of it readable (at most {@link #MAX_BUCKETS} buckets, one minute at the finest).
 *
 * @param from inclusive
 * @param to exclusive, after {@code from}, at most {@link #MAX_SPAN} later
 */
public record TimeRange(Instant from, Instant to) {

    /** The longest window a request may ask for: a month of minutes is what a dashboard still reads. */
    public static final Duration MAX_SPAN = Duration.ofDays(31);

    /** The most buckets a time chart gets; the interval grows in readable steps to stay below it. */
    public static final int MAX_BUCKETS = 360;

    /** The intervals a chart may use, finest first. */
    static final List<Duration> INTERVALS = List.of(
            Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3),
            Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2));

    public TimeRange {
        if (from == null || to == null) {
            throw new BadRequestException("a time range needs both 'from' and 'to'");
        }
        if (!from.isBefore(to)) {
            throw new BadRequestException("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            throw new BadRequestException("the time range from " + from + " to " + to + " is longer than "
                    + MAX_SPAN.toDays() + " days");
        }
    }

    /** Parses the two ISO-8601 instants of parameters {@code from} and {@code to} ({@code 2024-08-12T23:00:00Z}). */
    public static TimeRange parse(String from, String to) {
        return new TimeRange(instant("from", from), instant("to", to));
    }

    static Instant instant(String parameter, String text) {
        if (text == null) {
            throw new BadRequestException("missing parameter '" + parameter + "' (an ISO-8601 instant such as 2024-08-12T23:00:00Z)");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("parameter '" + parameter + "': '" + Strings.clip(text)
                    + "' is not an ISO-8601 instant such as 2024-08-12T23:00:00Z");
        }
    }

    public Duration span() {
        return Duration.between(from, to);
    }

    /** The finest interval of {@link #INTERVALS} that cuts this range into at most {@link #MAX_BUCKETS} buckets. */
    public Duration interval() {
        for (Duration interval : INTERVALS) {
            if (span().toMillis() <= interval.toMillis() * MAX_BUCKETS) {
                return interval;
            }
        }
        return INTERVALS.get(INTERVALS.size() - 1);
    }

    /**
     * The starts of the buckets of {@link #interval()} that overlap this range, aligned to the epoch
     * as Elasticsearch's {@code fixed_interval} histogram aligns them, so empty buckets can be filled in.
     */
    public List<Instant> bucketStarts() {
        long step = interval().toMillis();
        long first = Math.floorDiv(from.toEpochMilli(), step) * step;
        List<Instant> starts = new java.util.ArrayList<>();
        for (long t = first; t < to.toEpochMilli(); t += step) {
            starts.add(Instant.ofEpochMilli(t));
        }
        return starts;
    }
}
