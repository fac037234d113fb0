package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RepostMixTest {

    private static final List<String> TEXTS = IntStream.range(0, 2_000).mapToObj(i -> "post " + i).toList();

    @Test
    void aboutTheStatedShareRepeatsARecentText() {
        List<String> stream = RepostMix.repostHeavy(TEXTS, 2_000, 0.5, 7);
        assertThat(stream).hasSize(2_000);
        assertThat(RepostMix.repeatShare(stream)).isBetween(0.45, 0.55);
        List<String> seen = new ArrayList<>();
        for (String text : stream) {
            if (seen.contains(text)) {
                int newest = seen.size() - 1;
                assertThat(newest - seen.indexOf(text)).isLessThan(RepostMix.RECENT_TEXTS);
            } else {
                assertThat(text).isEqualTo(TEXTS.get(seen.size()));
                seen.add(text);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameStream() {
        assertThat(RepostMix.repostHeavy(TEXTS, 500, 0.5, 3)).isEqualTo(RepostMix.repostHeavy(TEXTS, 500, 0.5, 3));
    }

    @Test
    void noRepeatsAtShareZeroAndDistinctKeepsFirstAppearance() {
        assertThat(RepostMix.repeatShare(RepostMix.repostHeavy(TEXTS, 300, 0.0, 1))).isZero();
        assertThat(RepostMix.distinct(List.of("b", "a", "b", "c", "a"))).containsExactly("b", "a", "c");
    }

    @Test
    void tooFewTextsOrABadShareIsAClearError() {
        assertThatThrownBy(() -> RepostMix.repostHeavy(List.of("a", "b"), 100, 0.5, 1)).hasMessageContaining("distinct texts");
        assertThatThrownBy(() -> RepostMix.repostHeavy(TEXTS, 10, 1.0, 1)).hasMessageContaining("repeat share");
    }
}
