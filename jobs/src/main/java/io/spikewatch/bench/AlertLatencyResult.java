package io.spikewatch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one benchmark run measured: the alerts its surges raised at the webhook and their
 * latencies, with how far annotation was behind at each delivery.
 *
 * @param name the run's name in the table
 * @param surgeRate posts per wall-clock second entering the job during a surge
 * @param capacityMultiple {@code surgeRate} over the measured annotation capacity
 * @param expectedAlerts the surges (each should raise one STARTED alert)
 * @param alerts the STARTED alerts of the volume rule that arrived, with their latencies, in arrival order
 * @param shifts the STARTED alerts of the sentiment-shift rule ({@link #SHIFT_RULE}) that arrived, with
 *     their latencies: the last surge's posts are negative, so one is expected, for that surge
 * @param otherArrivals alerts of other phases, or that arrived before their first minute closed
 * @param rejected requests the webhook could not read
 * @param sourceBehindPace the most the alert path's source fell behind the replay's pace; a
 *     latency measured from emission hides this much, so it is reported beside it
 * @param annotated how many posts the job annotated and indexed before it was stopped, and in what
 *     time from the replay's first record: the capacity the job really had, beside the measured one
 * @param freshness how long after being read posts were searchable (pending) and annotated
 */
public record AlertLatencyResult(String name, double surgeRate, double capacityMultiple, int expectedAlerts,
        List<AlertLatency> alerts, List<AlertLatency> shifts, List<AlertArrival> otherArrivals, List<String> rejected, Duration sourceBehindPace,
        Throughput annotated, Freshness freshness) {

    /**
     * Posts annotated in a wall-clock time, out of the posts offered to annotation by then.
     *
     * @param posts annotated and indexed, or left out of an overload sample and indexed
     * @param offered emitted by the replay by then
     * @param outOfSample of {@code posts}, those left out of an overload sample (no CoreNLP)
     */
    public record Throughput(long posts, long offered, Duration elapsed, long outOfSample) {

        public Throughput(long posts, long offered, Duration elapsed) {
            this(posts, offered, elapsed, 0);
        }

        /** Share of the offered posts left waiting above which annotation counts as saturated. */
        static final double SATURATED_BACKLOG = 0.1;

        public double postsPerSecond() {
            return elapsed.isZero() || elapsed.isNegative() ? 0 : posts / (elapsed.toMillis() / 1000.0);
        }

        /** Whether a backlog was left: then the rate is what the job could annotate, its capacity in the run. */
        public boolean saturated() {
            return offered - posts > SATURATED_BACKLOG * offered;
        }
    }

    static final String STARTED = "started";
    /** The benchmark's sentiment-shift rule. */
    static final String SHIFT_RULE = "shift";

    public AlertLatencyResult {
        alerts = List.copyOf(alerts);
        shifts = List.copyOf(shifts);
        otherArrivals = List.copyOf(otherArrivals);
        rejected = List.copyOf(rejected);
    }

    /** Sorts the arrivals of a run into measured STARTED alerts (volume and sentiment shift) and the rest. */
    public static AlertLatencyResult of(String name, SurgeProfile profile, double speed, double capacity,
            List<AlertArrival> arrivals, List<String> rejected, EmissionLog log, Duration outOfOrderness, Throughput annotated,
            Freshness freshness) {
        List<AlertLatency> measured = new ArrayList<>();
        List<AlertLatency> shifts = new ArrayList<>();
        List<AlertArrival> others = new ArrayList<>();
        for (AlertArrival arrival : arrivals) {
            Optional<AlertLatency> latency = STARTED.equals(arrival.phase())
                    ? AlertLatency.of(arrival, log, speed, outOfOrderness, profile.start())
                    : Optional.empty();
            latency.ifPresentOrElse(isShift(arrival) ? shifts::add : measured::add, () -> others.add(arrival));
        }
        double rate = profile.surgeRate(speed);
        return new AlertLatencyResult(name, rate, rate / capacity, profile.surges(), measured, shifts, others, rejected,
                log.maxBehindPace(speed), annotated, freshness);
    }

    /** Whether the alert is the sentiment-shift rule's (its id starts with the rule's name). */
    static boolean isShift(AlertArrival arrival) {
        return arrival.alertId().startsWith(SHIFT_RULE + "|");
    }

    public LatencyStats latency() {
        return LatencyStats.of(alerts.stream().map(AlertLatency::latency).toList());
    }

    public LatencyStats onPace() {
        return LatencyStats.of(alerts.stream().map(AlertLatency::onPace).toList());
    }

    public LatencyStats afterWatermark() {
        return LatencyStats.of(alerts.stream().map(AlertLatency::afterWatermark).toList());
    }

    public LatencyStats annotationLag() {
        return LatencyStats.of(alerts.stream().map(AlertLatency::annotationLag).toList());
    }
}
