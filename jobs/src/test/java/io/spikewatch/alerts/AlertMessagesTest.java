package io.spikewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.spikes.EpisodePhase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertMessagesTest {

    private static final AlertRule RULE = new AlertRule("volume-x", RuleScope.EVERYTHING, RuleType.SPIKE,
            SpikeParams.DEFAULTS, 40, Duration.ofMinutes(30), null, false, List.of("console"));

    @Test
    void theTextFitsAPhoneAndExplainsTheSpike() {
        var spike = TestSpikes.volume("entity:X (platform)", EpisodePhase.STARTED, 78);
        assertThat(AlertMessages.title(RULE, spike, EpisodePhase.STARTED))
                .isEqualTo("Volume spike on X (platform) (severity 78, rule volume-x)");
        assertThat(AlertMessages.title(RULE, spike, EpisodePhase.ESCALATED)).startsWith("Escalating: Volume spike");
        assertThat(AlertMessages.text(RULE, spike, EpisodePhase.STARTED)).isEqualTo(
                "Volume spike on X (platform): 412 posts/min vs 9 expected (46x), 71% negative; driven by "
                        + "'unable to join', 'ddos', #TwitterBlackout, @elonmusk; top post: @elonmusk: \"There appears to be a "
                        + "massive DDOS attack on 𝕏. Working on shutting it down.\" (21000 reposts). Since 2024-08-13 00:18 UTC, "
                        + "severity 78/100.");
    }

    @Test
    void longTopPostsAreCutWithoutSplittingACharacter() {
        var explanation = TestSpikes.outageExplanation();
        String longText = "a".repeat(AlertMessages.MAX_TOP_POST_CHARS - 2) + "𝕏𝕏𝕏 and more";
        var post = new io.spikewatch.spikes.TopPost("p", "x", "@someone", longText, "en", TestSpikes.START, 0, 10);
        var withLongPost = new io.spikewatch.spikes.SpikeExplanation(explanation.observed(), explanation.expected(),
                explanation.uniqueAuthors(), explanation.sentiment(), List.of(), List.of(), List.of(), List.of(post));
        var spike = TestSpikes.of("all", io.spikewatch.spikes.SpikeKind.VOLUME, 50, 40, 10, withLongPost);
        String text = AlertMessages.text(RULE, spike, EpisodePhase.STARTED);
        assertThat(text).contains("top post: @someone: \"" + "a".repeat(AlertMessages.MAX_TOP_POST_CHARS - 2) + "…\"");
        assertThat(text).doesNotContain("\uD835\"");
    }
}
