package io.spikewatch.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a channel with {@code digest: PERIOD} sends. The first alert of a quiet channel waits a few
 * seconds ({@code digest_wait}) for the alerts raised with it, and they go out together (one alert
 * goes out as itself); then the channel stays in a digest period, and the alerts that come
 * meanwhile are held and sent together, as one {@link AlertDigest}, when the period ends. A digest
 * starts a new period; a period with nothing held ends quietly, and the next alert opens a new one.
 * So a burst of alerts (an EU letter naming the platform, its owner and the commissioner, each
 * escalating minute by minute) reaches a chat or an inbox as what it started with, at once, then
 * at most one message per period, instead of a message a minute.
 *
 * <p>Times are wall-clock time: they pace messages to people, who read them in wall-clock time.
 * (Event time would not do: alerts reach the notifier out of event-time order, each detector task
 * and the sentiment path at its own pace, by seconds live and by hours of event time in a fast
 * replay.) A replay that raises a day's alerts in two minutes therefore sends what came in the
 * first seconds, then the rest in one digest. Plain Java over an immutable {@link State}, which
 * the job keeps in Flink state so held alerts survive a restart.
 */
public final class ChannelDigest {

    /**
     * A channel's digest state.
     *
     * @param periodEnd wall-clock time the current wait or period ends; null when the channel is quiet
     * @param held alerts waiting for its end, in arrival order
     * @param opening whether it is the wait of a quiet channel's first alerts rather than a period after a message
     */
    public record State(Instant periodEnd, List<Alert> held, boolean opening) {

        public static final State QUIET = new State(null, List.of(), false);

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
    private final DigestSettings settings;

    public ChannelDigest(String channel, DigestSettings settings) {
        this.channel = channel;
        this.settings = settings;
    }

    public String channel() {
        return channel;
    }

    /**
     * A new alert for the channel at wall-clock {@code now}: first what {@code now} has ended,
     * then whether the alert goes out now or waits. An alert already held (offered again after a
     * restart) is not held twice.
     */
    public Step offer(State state, Alert alert, Instant now) {
        Step advanced = advance(state, now);
        State current = advanced.state();
        if (current.quiet()) {
            if (settings.firstWait().isZero()) {
                return new Step(new State(now.plus(settings.period()), List.of(), false), advanced.due(), true);
            }
            return new Step(new State(now.plus(settings.firstWait()), List.of(alert), true), advanced.due(), false);
        }
        if (current.held().stream().anyMatch(held -> held.id().equals(alert.id()))) {
            return new Step(current, advanced.due(), false);
        }
        List<Alert> held = new ArrayList<>(current.held());
        held.add(alert);
        return new Step(new State(current.periodEnd(), held, current.opening()), advanced.due(), false);
    }

    /** The wall clock reads {@code now}: a wait or period that has ended sends what it held, or goes quiet. */
    public Step advance(State state, Instant now) {
        if (state.quiet() || now.isBefore(state.periodEnd())) {
            return new Step(state, null, false);
        }
        if (state.held().isEmpty()) {
            return new Step(State.QUIET, null, false);
        }
        return new Step(new State(now.plus(settings.period()), List.of(), false), digestOf(state), false);
    }

    /** Whatever is held, at once: the input has ended. The channel stays in its period. */
    public Step flush(State state) {
        if (state.held().isEmpty()) {
            return new Step(state, null, false);
        }
        return new Step(new State(state.periodEnd(), List.of(), false), digestOf(state), false);
    }

    /** The id of the digest the alerts held in {@code state} go out in (its first alert names it); null when none is held. */
    public String heldFor(State state) {
        return state.held().isEmpty() ? null : AlertDigest.idOf(channel, state.held().get(0));
    }

    private AlertDigest digestOf(State state) {
        return new AlertDigest(heldFor(state), channel, state.held(), state.opening());
    }
}
