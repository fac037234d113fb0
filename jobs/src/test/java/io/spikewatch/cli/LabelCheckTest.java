package io.spikewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelCheckTest {

    private static final Instant SURGE = Instant.parse("2024-08-13T00:01:00Z");
    private static final LabelCheck.Window ALL = new LabelCheck.Window(SURGE, SURGE.plusSeconds(3000), "volume", "all", "surge");
    private static final LabelCheck.Window PLATFORM_MOOD =
            new LabelCheck.Window(SURGE, SURGE.plusSeconds(2000), "negative_sentiment", "X (platform)", "anger at the platform");
    private static final LabelCheck.Window BRETON =
            new LabelCheck.Window(SURGE.minusSeconds(30000), SURGE.minusSeconds(26000), "new_entity", "Thierry Breton", "the letter");

    @Test
    void judgesEachWindowByTheFirstAlertOfItsKindInItsSeries() {
        List<IndexSummary.AlertRow> alerts = List.of(
                alert(SURGE.plusSeconds(60), "all", "volume", "started", "Volume spike on all posts"),
                alert(SURGE.plusSeconds(30), "entity:X (platform)", "volume", "started", "Volume spike on X (platform)"),
                alert(SURGE.plusSeconds(600), "entity:X (platform)", "sentiment_shift", "started", "Sentiment shift on X (platform)"),
                alert(BRETON.start().plusSeconds(120), "all", "emerging", "started", "'Thierry Breton' in 12 posts"));

        LabelCheck.Result result = LabelCheck.compare(List.of(ALL, PLATFORM_MOOD, BRETON), alerts);

        assertThat(result.verdicts()).extracting(LabelCheck.Verdict::delay)
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(2));
        assertThat(result.onTime()).isEqualTo(2);
        assertThat(result.late()).isEqualTo(1);
        assertThat(result.missed()).isZero();
        assertThat(result.outside()).isEmpty();
    }

    @Test
    void anEpisodeStartedOutsideEveryWindowIsCountedAndAWindowWithoutItsKindIsMissed() {
        IndexSummary.AlertRow stray = alert(SURGE.minusSeconds(7200), "entity:FBI", "volume", "started", "Volume spike on FBI");

        LabelCheck.Result result = LabelCheck.compare(List.of(PLATFORM_MOOD),
                List.of(stray, alert(SURGE.plusSeconds(60), "entity:X (platform)", "volume", "started", "Volume spike on X (platform)")));

        assertThat(result.missed()).isEqualTo(1);
        assertThat(result.outside()).containsExactly(stray);
    }

    private static IndexSummary.AlertRow alert(Instant at, String series, String kind, String phase, String text) {
        return new IndexSummary.AlertRow(at, "rule", series, kind, phase, 50, text, text, List.of("console delivered"));
    }
}
