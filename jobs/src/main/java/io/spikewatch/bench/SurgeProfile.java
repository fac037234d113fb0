package io.spikewatch.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of the alert-latency benchmark's input in event time: a quiet stretch, then
 * {@code surges} bursts of {@code surgeMinutes} minutes each, {@code gapMinutes} of background
 * between them, and a quiet tail long enough for the last surge's minutes to close. Every minute
 * holds a fixed number of posts, spread evenly over it, so the input rate of a paced replay is
 * known in advance: {@code surgePerMinute × speed / 60} posts per wall-clock second in a surge.
 *
 * @param start the first minute (truncated to the minute)
 * @param quietMinutes background minutes before the first surge
 * @param surges how many bursts; each is one alert of a 1-minute threshold rule
 * @param surgeMinutes length of each burst
 * @param gapMinutes background between two bursts
 * @param tailMinutes background after the last burst
 * @param backgroundPerMinute posts in an ordinary minute
 * @param surgePerMinute posts in a burst minute; more than twice the background, so a threshold
 *     halfway between them separates the two cleanly
 */
public record SurgeProfile(Instant start, int quietMinutes, int surges, int surgeMinutes, int gapMinutes, int tailMinutes,
        int backgroundPerMinute, int surgePerMinute) {

    /** Background minutes before the first surge: more than the job's default out-of-orderness, so the stream is running. */
    public static final int DEFAULT_QUIET_MINUTES = 3;
    public static final int DEFAULT_SURGES = 3;
    public static final int DEFAULT_SURGE_MINUTES = 2;
    public static final int DEFAULT_GAP_MINUTES = 3;
    /** After the last surge: the job's default out-of-orderness (2 minutes) plus one, so every surge minute closes. */
    public static final int DEFAULT_TAIL_MINUTES = 3;
    /** A surge minute holds this many times the posts of a background minute. */
    public static final int SURGE_TO_BACKGROUND = 20;
    /** 12 August 2024, 20:00 ET: the evening of the X Space. */
    public static final Instant DEFAULT_START = Instant.parse("2024-08-13T00:00:00Z");

    private static final long SECONDS_PER_MINUTE = 60;

    public SurgeProfile {
        start = start.truncatedTo(ChronoUnit.MINUTES);
        positive("surges", surges);
        positive("surgeMinutes", surgeMinutes);
        positive("backgroundPerMinute", backgroundPerMinute);
        atLeast("quietMinutes", quietMinutes, 1);
        atLeast("gapMinutes", gapMinutes, 1);
        atLeast("tailMinutes", tailMinutes, 1);
        if (surgePerMinute <= 2 * backgroundPerMinute) {
            throw new IllegalArgumentException("surgePerMinute must be more than twice backgroundPerMinute (" + backgroundPerMinute
                    + ") so that a threshold separates them, but was " + surgePerMinute);
        }
    }

    /**
     * The default shape with a surge that arrives at {@code postsPerSecond} when replayed at
     * {@code speed} times real time (at least {@link #SURGE_TO_BACKGROUND} × 3 posts a minute, so
     * the background has a few posts too).
     */
    public static SurgeProfile forSurgeRate(double postsPerSecond, double speed) {
        if (!(postsPerSecond > 0) || !(speed > 0)) {
            throw new IllegalArgumentException("the surge rate and the replay speed must be positive, were "
                    + postsPerSecond + " posts/s and " + speed + "x");
        }
        int surge = (int) Math.max(3L * SURGE_TO_BACKGROUND, Math.round(postsPerSecond * SECONDS_PER_MINUTE / speed));
        return new SurgeProfile(DEFAULT_START, DEFAULT_QUIET_MINUTES, DEFAULT_SURGES, DEFAULT_SURGE_MINUTES, DEFAULT_GAP_MINUTES,
                DEFAULT_TAIL_MINUTES, Math.max(1, surge / SURGE_TO_BACKGROUND), surge);
    }

    /**
     * The same shape with every rate divided by {@code divisor} (at least one post a minute and
     * the surge still above twice the background): the baseline that loads annotation
     * {@code divisor} times less under the same pacing.
     */
    public SurgeProfile thinnedBy(int divisor) {
        positive("divisor", divisor);
        int background = Math.max(1, backgroundPerMinute / divisor);
        int surge = Math.max(2 * background + 1, surgePerMinute / divisor);
        return new SurgeProfile(start, quietMinutes, surges, surgeMinutes, gapMinutes, tailMinutes, background, surge);
    }

    /** The minutes that start a surge, in order. */
    public List<Instant> surgeStarts() {
        List<Instant> starts = new ArrayList<>();
        for (int s = 0; s < surges; s++) {
            starts.add(start.plus(Duration.ofMinutes(quietMinutes + (long) s * (surgeMinutes + gapMinutes))));
        }
        return starts;
    }

    public int totalMinutes() {
        return quietMinutes + surges * surgeMinutes + (surges - 1) * gapMinutes + tailMinutes;
    }

    /** Posts in each minute from {@link #start()}, in order. */
    public List<Integer> postsPerMinute() {
        List<Integer> counts = new ArrayList<>();
        for (int m = 0; m < totalMinutes(); m++) {
            counts.add(background(m) ? backgroundPerMinute : surgePerMinute);
        }
        return counts;
    }

    public long totalPosts() {
        return postsPerMinute().stream().mapToLong(Integer::longValue).sum();
    }

    /** Posts with an event time before {@code eventTime}. */
    public long postsBefore(Instant eventTime) {
        long posts = 0;
        List<Integer> counts = postsPerMinute();
        for (int m = 0; m < counts.size(); m++) {
            Instant minute = start.plus(Duration.ofMinutes(m));
            if (!minute.isBefore(eventTime)) {
                break;
            }
            long millisIn = Math.min(Duration.ofMinutes(1).toMillis(), Duration.between(minute, eventTime).toMillis());
            int n = counts.get(m);
            // posts sit at minute + i * 60 s / n: those with i * 60 s / n < millisIn
            posts += Math.min(n, (millisIn * n + Duration.ofMinutes(1).toMillis() - 1) / Duration.ofMinutes(1).toMillis());
        }
        return posts;
    }

    /** The event time just past the last post. */
    public Instant end() {
        return start.plus(Duration.ofMinutes(totalMinutes()));
    }

    /** A count that every surge minute reaches and no background minute does: halfway between the two. */
    public long threshold() {
        return (backgroundPerMinute + surgePerMinute + 1) / 2;
    }

    /** Posts per wall-clock second during a surge, replayed at {@code speed} times real time. */
    public double surgeRate(double speed) {
        return surgePerMinute * speed / SECONDS_PER_MINUTE;
    }

    private boolean background(int minute) {
        int m = minute - quietMinutes;
        if (m < 0) {
            return true;
        }
        int cycle = surgeMinutes + gapMinutes;
        return m / cycle >= surges || m % cycle >= surgeMinutes;
    }

    private static void positive(String name, int value) {
        atLeast(name, value, 1);
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + " but was " + value);
        }
    }
}
