package io.spikewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikewatch.spikes.EpisodePhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelDigestTest {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Instant WALL = Instant.parse("2026-11-29T09:00:00Z");

    /** Without the first wait: the first alert of a quiet channel goes at once. */
    private final ChannelDigest digest = new ChannelDigest("slack", new DigestSettings(FIVE_MINUTES, Duration.ZERO));
    private final ChannelDigest waiting = new ChannelDigest("slack", new DigestSettings(FIVE_MINUTES, Duration.ofSeconds(15)));

    private static Alert alert(String id, int minute) {
        return alert(id, minute, EpisodePhase.STARTED, 60, "title " + id);
    }

    private static Alert alert(String id, int minute, EpisodePhase phase, int severity, String title) {
        return new Alert(id, "rule", "all", TestSpikes.volume("all", phase, severity), phase, severity, title, "text",
                List.of("slack"), TestSpikes.minute(minute));
    }

    private static Instant wall(int seconds) {
        return WALL.plusSeconds(seconds);
    }

    @Test
    void theFirstAlertGoesAtOnceAndTheRestOfTheBurstInOneDigestWhenThePeriodEnds() {
        ChannelDigest.Step first = digest.offer(ChannelDigest.State.QUIET, alert("a1", 0), wall(0));
        assertThat(first.sendNow()).isTrue();
        ChannelDigest.Step second = digest.offer(first.state(), alert("a2", 0), wall(5));
        ChannelDigest.Step third = digest.offer(second.state(), alert("a3", 4), wall(200));
        assertThat(second.sendNow()).isFalse();
        assertThat(third.sendNow()).isFalse();
        assertThat(third.due()).isNull();
        assertThat(digest.advance(third.state(), wall(299)).due()).as("the period is not over").isNull();

        ChannelDigest.Step end = digest.advance(third.state(), wall(300));

        assertThat(end.due()).isNotNull();
        assertThat(end.due().id()).isEqualTo("digest|slack|a2");
        assertThat(end.due().alerts()).extracting(Alert::id).containsExactly("a2", "a3");
        assertThat(end.state().periodEnd()).as("a digest starts a new period").isEqualTo(wall(600));
    }

    @Test
    void anAlertDuringThePeriodAfterADigestWaitsAndAPeriodWithNothingHeldEndsQuietly() {
        ChannelDigest.State state = digest.offer(ChannelDigest.State.QUIET, alert("a1", 0), wall(0)).state();
        state = digest.offer(state, alert("a2", 1), wall(60)).state();
        state = digest.advance(state, wall(300)).state();

        ChannelDigest.Step next = digest.offer(state, alert("a3", 6), wall(360));
        assertThat(next.sendNow()).isFalse();
        ChannelDigest.Step second = digest.advance(next.state(), wall(600));
        assertThat(second.due().alerts()).extracting(Alert::id).containsExactly("a3");

        ChannelDigest.Step quiet = digest.advance(second.state(), wall(900));
        assertThat(quiet.due()).isNull();
        assertThat(quiet.state().quiet()).isTrue();
        assertThat(digest.offer(quiet.state(), alert("a4", 30), wall(1800)).sendNow()).as("a quiet channel sends at once").isTrue();
    }

    @Test
    void anAlertThatComesAfterThePeriodEndedEndsItFirst() {
        ChannelDigest.State state = digest.offer(ChannelDigest.State.QUIET, alert("a1", 0), wall(0)).state();
        state = digest.offer(state, alert("a2", 1), wall(60)).state();

        ChannelDigest.Step late = digest.offer(state, alert("a3", 9), wall(420));

        assertThat(late.due().alerts()).extracting(Alert::id).containsExactly("a2");
        assertThat(late.sendNow()).as("the digest just sent started a new period").isFalse();
        assertThat(late.state().held()).extracting(Alert::id).containsExactly("a3");
    }

    @Test
    void theFirstAlertWaitsForThoseRaisedWithItAndGoesWithThem() {
        ChannelDigest.Step first = waiting.offer(ChannelDigest.State.QUIET, alert("a1", 0), wall(0));
        assertThat(first.sendNow()).isFalse();
        ChannelDigest.State state = waiting.offer(first.state(), alert("a2", 0), wall(2)).state();
        state = waiting.offer(state, alert("a3", 0), wall(9)).state();
        assertThat(waiting.advance(state, wall(14)).due()).isNull();

        ChannelDigest.Step opening = waiting.advance(state, wall(15));

        assertThat(opening.due().opening()).isTrue();
        assertThat(opening.due().alerts()).extracting(Alert::id).containsExactly("a1", "a2", "a3");
        assertThat(opening.due().title()).startsWith("3 alerts at 2024-08-13 00:18 UTC;");
        assertThat(opening.state().periodEnd()).as("then a period").isEqualTo(wall(15 + 300));
        ChannelDigest.Step later = waiting.offer(opening.state(), alert("a4", 2), wall(60));
        assertThat(later.sendNow()).isFalse();
        ChannelDigest.Step period = waiting.advance(later.state(), wall(315));
        assertThat(period.due().opening()).isFalse();
        assertThat(period.due().title()).startsWith("1 more alert at 2024-08-13 00:20 UTC;");
    }

    @Test
    void aLoneFirstAlertIsAnOpeningOfOne() {
        ChannelDigest.State state = waiting.offer(ChannelDigest.State.QUIET, alert("a1", 0), wall(0)).state();

        ChannelDigest.Step opening = waiting.advance(state, wall(20));

        assertThat(opening.due().opening()).isTrue();
        assertThat(opening.due().alerts()).extracting(Alert::id).containsExactly("a1");
        assertThat(waiting.flush(waiting.offer(ChannelDigest.State.QUIET, alert("a2", 0), wall(0)).state()).due().opening())
                .as("the end of the input sends an opening as an opening").isTrue();
    }

    @Test
    void anAlertOfferedAgainAfterARestartIsNotHeldTwice() {
        ChannelDigest.State state = digest.offer(ChannelDigest.State.QUIET, alert("a1", 0), wall(0)).state();
        state = digest.offer(state, alert("a2", 1), wall(10)).state();
        ChannelDigest.Step again = digest.offer(state, alert("a2", 1), wall(20));

        assertThat(again.sendNow()).isFalse();
        assertThat(again.state().held()).extracting(Alert::id).containsExactly("a2");
    }

    @Test
    void theEndOfTheInputSendsWhatIsHeld() {
        ChannelDigest.State state = digest.offer(ChannelDigest.State.QUIET, alert("a1", 0), wall(0)).state();
        assertThat(digest.flush(state).due()).isNull();
        state = digest.offer(state, alert("a2", 1), wall(1)).state();

        ChannelDigest.Step flushed = digest.flush(state);

        assertThat(flushed.due().alerts()).extracting(Alert::id).containsExactly("a2");
        assertThat(flushed.state().held()).isEmpty();
    }

    @Test
    void theDigestSaysHowManyRaisedWhenAndTheHighest() {
        Alert low = alert("a1", 0);
        Alert high = alert("a2", 2, EpisodePhase.ESCALATED, 90, "Volume spike on X (platform) (severity 90)");
        Alert nextDay = alert("a3", 24 * 60, EpisodePhase.STARTED, 50, "Volume spike on Elon Musk (severity 50)");

        AlertDigest burst = new AlertDigest("d", "slack", List.of(low, high), false);
        assertThat(burst.title()).isEqualTo("2 more alerts from 2024-08-13 00:18 to 00:20 UTC; highest: Volume spike on X (platform) (severity 90)");
        assertThat(burst.text()).isEqualTo("00:18 started: title a1\n00:20 escalated: Volume spike on X (platform) (severity 90)");
        assertThat(new AlertDigest("d", "slack", List.of(low), false).title()).startsWith("1 more alert at 2024-08-13 00:18 UTC;");
        assertThat(new AlertDigest("d", "slack", List.of(nextDay, low), false).title())
                .startsWith("2 more alerts from 2024-08-13 00:18 to 2024-08-14 00:18 UTC;");
        assertThatThrownBy(() -> new DigestSettings(Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DigestSettings(FIVE_MINUTES, Duration.ofMinutes(6))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlertDigest("d", "slack", List.of(), false)).isInstanceOf(IllegalArgumentException.class);
    }
}
