package io.spikewatch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy =
            new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(1));

    @Test
    void doublesFromTheInitialBackoffUpToTheCap() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.backoff(5)).isEqualTo(Duration.ofMillis(1600));
        assertThat(policy.backoff(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(1_000_000)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void jitterTakesOffAtMostItsFraction() {
        assertThat(policy.jitteredBackoff(3, () -> 0.0)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.jitteredBackoff(3, () -> 1.0)).isEqualTo(Duration.ofMillis(320));
        assertThat(policy.jitteredBackoff(3, () -> 0.5)).isEqualTo(Duration.ofMillis(360));
    }

    @Test
    void stopsRetryingAtTheMaxRetryTime() {
        assertThat(policy.mayRetryAfter(Duration.ofSeconds(59))).isTrue();
        assertThat(policy.mayRetryAfter(Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> policy.backoff(0)).hasMessageContaining("attempt starts at 1");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .hasMessageContaining("maxBackoff").hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .hasMessageContaining("initialBackoff must be positive");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofSeconds(-1)))
                .hasMessageContaining("maxRetryTime must be positive");
    }
}
