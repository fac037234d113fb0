package io.spikewatch.analyst;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The width of a trend's buckets, written as Elasticsearch's fixed intervals are: a whole number
 * and a unit, {@code m} (minutes), {@code h} (hours) or {@code d} (days of 24 hours), e.g.
 * {@code 1m}, {@code 5m}, {@code 1h}. The metrics are per minute, so nothing finer than a minute.
 *
 * @param text what Elasticsearch's {@code fixed_interval} is given
 */
public record Interval(Duration duration, String text) {

    public static final Interval ONE_MINUTE = new Interval(Duration.ofMinutes(1), "1m");
    /** At most this many buckets per trend, well under Elasticsearch's {@code search.max_buckets}. */
    public static final int MAX_BUCKETS = 10_000;

    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,5})([mhd])");

    /** Parses the value of {@code option}; the error names it and the accepted form. */
    public static Interval parse(String option, String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not an interval; give a whole number of"
                    + " minutes, hours or days such as 1m, 5m, 1h or 1d (the metrics are per minute)");
        }
        long n = Long.parseLong(m.group(1));
        Duration duration = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        return new Interval(duration, n + m.group(2));
    }

    /** Refuses a range that would need more than {@link #MAX_BUCKETS} buckets, naming {@code option}. */
    public void checkBuckets(String option, TimeRange range) {
        long buckets = (range.length().toMillis() + duration.toMillis() - 1) / duration.toMillis();
        if (buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException(option + ": " + text + " over " + range + " makes " + buckets
                    + " buckets, more than " + MAX_BUCKETS + "; choose a wider interval or a shorter range");
        }
    }

    public boolean isOneMinute() {
        return duration.equals(ONE_MINUTE.duration);
    }
}
