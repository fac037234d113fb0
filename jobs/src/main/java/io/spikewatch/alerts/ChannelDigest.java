package io.spikewatch.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a channel with {@code digest: PERIOD} sends: an alert goes out at once when the channel
 * is quiet; after it, the channel stays in a digest period, and the alerts that come meanwhile
 * are held and sent together, as one {@link AlertDigest}, when the period ends. A digest starts a
 * new period; a period with nothing held ends quietly, and the next alert goes out at once again.
 * So a burst of alerts (an EU letter naming the platform, its owner and the commissioner, each
 * escalating minute by minute) reaches a chat or an inbox as its first alert at once, then at
 * most one message per period, instead of a message a minute.
 *
 * <p>Periods are wall-clock time: they pace messages to people, who read them in wall-clock time.
 * (Event time would not do: alerts reach the notifier out of event-time order, each detector task
 * and the sentiment path at its own pace, by seconds live and by hours of event time in a fast
 * replay.) A replay that raises a day's alerts in two minutes therefore sends the first at once
 * and the rest in one digest. Plain Java over an immutable {@link State}, which the job keeps in
 * Flink state so held alerts survive a restart.
 */
public final class ChannelDigest {

    /**
     * A channel's digest state.
     *
     * @param periodEnd wall-clock time the current period ends; null when the channel is quiet
     * @param held alerts waiting for the period's end, in arrival order
     */
    public record State(Instant periodEnd, List<Alert> held) {

        public static final State QUIET = new State(null, List.of());

        public State {
            held = List.copyOf(held);
        }

        public boolean quiet() {
            return periodEnd == null;
        }
    }

    /**
     * @param state the channel's state after the step
     * @param due a digest to send now, or null
     * @param sendNow whether the offered alert goes out on its own now (false: it is held, or was held already)
     */
    public record Step(State state, AlertDigest due, boolean sendNow) {}

    private final String channel;
    private final Duration period;

    public ChannelDigest(String channel, Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a digest period must be positive, was " + period);
        }
        this.channel = channel;
        this.period = period;
    }

    public String channel() {
        return channel;
    }

    /**
     * A new alert for the channel at wall-clock {@code now}: first the period {@code now} has
     * ended, then whether the alert goes out now or waits. An alert already held (offered again
     * after a restart) is not held twice.
     */
    public Step offer(State state, Alert alert, Instant now) {
        Step advanced = advance(state, now);
        State current = advanced.state();
        if (current.quiet()) {
            return new Step(new State(now.plus(period), List.of()), advanced.due(), true);
        }
        if (current.held().stream().anyMatch(held -> held.id().equals(alert.id()))) {
            return new Step(current, advanced.due(), false);
        }
        List<Alert> held = new ArrayList<>(current.held());
        held.add(alert);
        return new Step(new State(current.periodEnd(), held), advanced.due(), false);
    }

    /** The wall clock reads {@code now}: a period that has ended sends what it held, or goes quiet. */
    public Step advance(State state, Instant now) {
        if (state.quiet() || now.isBefore(state.periodEnd())) {
            return new Step(state, null, false);
        }
        if (state.held().isEmpty()) {
            return new Step(State.QUIET, null, false);
        }
        return new Step(new State(now.plus(period), List.of()), digestOf(state), false);
    }

    /** Whatever is held, at once: the input has ended. The channel stays in its period. */
    public Step flush(State state) {
        if (state.held().isEmpty()) {
            return new Step(state, null, false);
        }
        return new Step(new State(state.periodEnd(), List.of()), digestOf(state), false);
    }

    private AlertDigest digestOf(State state) {
        return new AlertDigest(AlertDigest.idOf(channel, state.held().get(0)), channel, state.held());
    }
}
