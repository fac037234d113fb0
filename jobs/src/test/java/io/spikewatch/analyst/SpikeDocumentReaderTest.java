package io.spikewatch.analyst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.alerts.AlertDocuments;
import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.SentimentBreakdown;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeExplanation;
import io.spikewatch.spikes.SpikeKind;
import io.spikewatch.spikes.TermWeight;
import io.spikewatch.spikes.TopPost;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpikeDocumentReaderTest {

    static final Instant START = Instant.parse("2024-08-13T00:18:00Z");

    static Spike sample() {
        SpikeExplanation explanation = new SpikeExplanation(120, 14.5, 97, new SentimentBreakdown(60, 30, 10, -0.41),
                List.of(new TermWeight("ddos", 40, 0.1, 12.5), new TermWeight("outage", 22, 0.3, 4.0)),
                List.of(new TermWeight("#xdown", 18, 0.0, 9.0)), List.of(new TermWeight("X (platform)", 70, 2.0, 3.1)),
                List.of(new TopPost("x-1823", "x", "elonmusk", "There appears to be a massive DDOS attack on 𝕏.", "en",
                        START.plusSeconds(30), 5200, 195_000_000L)));
        return new Spike("entity:X (platform)", SpikeKind.VOLUME, EpisodePhase.ESCALATED, START, START.plus(Duration.ofMinutes(3)),
                null, 87, 120, 14.5, explanation);
    }

    @Test
    void readsBackWhatTheAlertPathIndexes() {
        Spike spike = sample();
        ObjectNode doc = AlertDocuments.spike(spike, START.plusSeconds(600));

        assertThat(SpikeDocumentReader.read(spike.id(), doc)).isEqualTo(spike);
    }

    @Test
    void aSpikeWithoutExplanationReadsAsOneAndItsHeadlineSaysSo() {
        Spike spike = new Spike("all", SpikeKind.FLATLINE, EpisodePhase.ENDED, START, START, START.plusSeconds(600), 40, 2, 50, null);

        Spike read = SpikeDocumentReader.read(spike.id(), AlertDocuments.spike(spike, START));

        assertThat(read).isEqualTo(spike);
        assertThat(SpikeHeadline.of(read)).isEqualTo(SpikeHeadline.NOTHING);
    }

    @Test
    void theHeadlineNamesTheTopTermsAndTheNegativeShare() {
        assertThat(SpikeHeadline.of(sample())).isEqualTo("ddos, outage; #xdown; X (platform); 60% negative of 100");
    }

    @Test
    void aBrokenDocumentIsRefusedWithItsIdAndField() {
        ObjectNode doc = AlertDocuments.spike(sample(), START);
        doc.put("kind", "meteor");
        assertThatThrownBy(() -> SpikeDocumentReader.read("the-id", doc)).hasMessageContaining("'the-id'").hasMessageContaining("kind 'meteor'");
        doc.put("kind", "volume");
        doc.remove("start");
        assertThatThrownBy(() -> SpikeDocumentReader.read("the-id", doc)).hasMessageContaining("'the-id'").hasMessageContaining("'start'");
    }

    @Test
    void theLiveWindowRunsToTheEndOrAMinutePastThePeakAndOnlyIndexedSeriesHaveOne() {
        Spike open = sample();
        assertThat(SpikeExplanationQuery.window(open)).isEqualTo(new TimeRange(START, START.plus(Duration.ofMinutes(4))));
        Spike ended = new Spike("all", SpikeKind.VOLUME, EpisodePhase.ENDED, START, START, START.plusSeconds(600), 40, 2, 50, null);
        assertThat(SpikeExplanationQuery.window(ended)).isEqualTo(new TimeRange(START, START.plusSeconds(600)));
        assertThat(SpikeExplanationQuery.seriesFilter("all")).hasValue(List.of());
        assertThat(SpikeExplanationQuery.seriesFilter("entity:Elon Musk")).get().asList().hasSize(1);
        assertThat(SpikeExplanationQuery.seriesFilter("query:outage-talk")).isEmpty();
        assertThat(SpikeExplanationQuery.isThin(null)).isTrue();
        assertThat(SpikeExplanationQuery.isThin(open.explanation())).isFalse();
    }
}
