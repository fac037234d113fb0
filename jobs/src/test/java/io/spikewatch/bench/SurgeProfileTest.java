package io.spikewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurgeProfileTest {

    private static final Instant START = Instant.parse("2024-08-13T00:00:00Z");

    @Test
    void laysOutQuietMinutesSurgesGapsAndTail() {
        SurgeProfile profile = new SurgeProfile(START, 2, 2, 2, 1, 3, 5, 50);

        assertThat(profile.postsPerMinute()).containsExactly(5, 5, 50, 50, 5, 50, 50, 5, 5, 5);
        assertThat(profile.surgeStarts()).containsExactly(Instant.parse("2024-08-13T00:02:00Z"), Instant.parse("2024-08-13T00:05:00Z"));
        assertThat(profile.totalPosts()).isEqualTo(6 * 5 + 4 * 50);
        assertThat(profile.end()).isEqualTo(Instant.parse("2024-08-13T00:10:00Z"));
        assertThat(profile.threshold()).isEqualTo(28).isGreaterThan(5).isLessThanOrEqualTo(50);
        assertThat(profile.postsBefore(START)).isZero();
        assertThat(profile.postsBefore(START.plusSeconds(1))).as("the first post of minute 0").isEqualTo(1);
        assertThat(profile.postsBefore(START.plusSeconds(150))).as("10 background, half of the first surge minute").isEqualTo(35);
        assertThat(profile.postsBefore(profile.end().plusSeconds(60))).isEqualTo(profile.totalPosts());
    }

    @Test
    void aSurgeRateAtASpeedGivesPostsPerEventMinute() {
        SurgeProfile profile = SurgeProfile.forSurgeRate(750, 60);

        assertThat(profile.surgePerMinute()).isEqualTo(750);
        assertThat(profile.backgroundPerMinute()).isEqualTo(750 / SurgeProfile.SURGE_TO_BACKGROUND);
        assertThat(profile.surgeRate(60)).isEqualTo(750.0);
        assertThat(SurgeProfile.forSurgeRate(750, 120).surgePerMinute()).isEqualTo(375);
    }

    @Test
    void thinningKeepsTheShapeAndDividesTheRates() {
        SurgeProfile overload = SurgeProfile.forSurgeRate(750, 60);
        SurgeProfile baseline = overload.thinnedBy(10);

        assertThat(baseline.surgePerMinute()).isEqualTo(75);
        assertThat(baseline.backgroundPerMinute()).isEqualTo(3);
        assertThat(baseline.surgeStarts()).isEqualTo(overload.surgeStarts());
        assertThat(baseline.totalMinutes()).isEqualTo(overload.totalMinutes());
        List<Integer> minutes = baseline.postsPerMinute();
        assertThat(minutes).allMatch(n -> n == 3 || n == 75);
    }

    @Test
    void refusesASurgeThatNoThresholdCanSeparateFromTheBackground() {
        assertThatThrownBy(() -> new SurgeProfile(START, 2, 1, 1, 1, 1, 10, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surgePerMinute");
        assertThatThrownBy(() -> SurgeProfile.forSurgeRate(0, 60)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new SurgeProfile(START, 0, 1, 1, 1, 1, 1, 20)).hasMessageContaining("quietMinutes");
    }
}
