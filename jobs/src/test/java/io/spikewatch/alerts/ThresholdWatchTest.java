package io.spikewatch.alerts;

import static io.spikewatch.alerts.TestSpikes.minute;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdWatchTest {

    private final ThresholdWatch watch = new ThresholdWatch("query:outage-talk", new ThresholdParams(40, Duration.ofMinutes(5)));

    @Test
    void anEpisodeStartsAtTheThresholdAndEndsBelowIt() {
        ThresholdState state = new ThresholdState();
        long[] perMinute = {5, 5, 10, 10, 10, 30, 2, 0, 0, 0, 0}; // over 5 minutes: 40 at minute 4, 65, 62, 52, 42, then 32
        List<Spike> reports = new ArrayList<>();
        for (int m = 0; m < perMinute.length; m++) {
            Spike spike = watch.observe(minute(m), perMinute[m], state);
            if (spike != null) {
                reports.add(spike);
            }
        }
        assertThat(reports).extracting(Spike::phase).containsExactly(EpisodePhase.STARTED, EpisodePhase.ESCALATED,
                EpisodePhase.ONGOING, EpisodePhase.ONGOING, EpisodePhase.ONGOING, EpisodePhase.ENDED);
        Spike started = reports.get(0);
        assertThat(started.kind()).isEqualTo(SpikeKind.THRESHOLD);
        assertThat(started.peakValue()).isEqualTo(40);
        assertThat(started.peakExpected()).isEqualTo(40);
        assertThat(started.severity()).isEqualTo(50);
        assertThat(started.start()).isEqualTo(minute(0));
        Spike escalated = reports.get(1);
        assertThat(escalated.peakValue()).isEqualTo(65);
        assertThat(escalated.severity()).isEqualTo(81);
        assertThat(reports).extracting(Spike::id).containsOnly(started.id());
        assertThat(reports.get(5).end()).isEqualTo(minute(9));
    }

    @Test
    void missingMinutesCountAsZeroAndOldMinutesAreIgnored() {
        ThresholdState state = new ThresholdState();
        assertThat(watch.observe(minute(0), 30, state)).isNull();
        assertThat(watch.observe(minute(6), 15, state)).isNull();
        assertThat(watch.observe(minute(3), 100, state)).isNull();
        assertThat(watch.observe(minute(7), 25, state)).extracting(Spike::phase).isEqualTo(EpisodePhase.STARTED);
    }

    @Test
    void aThresholdSpikeFiresItsRule() {
        AlertRule rule = new AlertRule("outage-talk", new RuleScope(java.util.Set.of(), KeywordQuery.parse("ddos"),
                java.util.Set.of(), java.util.Set.of()), RuleType.THRESHOLD, new ThresholdParams(40, Duration.ofMinutes(5)),
                0, Duration.ofHours(1), null, false, List.of("console"));
        RuleBook book = new RuleBook(new AlertConfig(java.util.Map.of("console", new ChannelConfig.Console("console")),
                java.util.Map.of(), List.of(rule)));
        ThresholdState state = new ThresholdState();
        Spike spike = watch.observe(minute(0), 45, state);
        assertThat(book.evaluate(spike, minute(1), AlertStates.inMemory())).singleElement()
                .satisfies(alert -> assertThat(alert.text()).startsWith(
                        "Threshold reached on query outage-talk: 45 posts within 5m (threshold 40)"));
    }
}
