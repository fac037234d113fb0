package io.spikewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.spikes.EpisodePhase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifierTest {

    /** A clock the sleeper moves forward, so the retry time limit is tested without waiting. */
    private static final class SteppedClock extends Clock {
        Instant now = Instant.parse("2024-08-13T00:19:05Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** A channel that fails with the given outcomes, in order, then accepts. */
    private static final class ScriptedChannel implements AlertChannel {
        final Deque<DeliveryException> failures;
        int calls;

        ScriptedChannel(DeliveryException... failures) {
            this.failures = new ArrayDeque<>(List.of(failures));
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public void send(Alert alert) throws DeliveryException {
            calls++;
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
        }
    }

    private final SteppedClock clock = new SteppedClock();
    private final List<Duration> waits = new ArrayList<>();
    private final Notifier.Sleeper sleeper = d -> {
        waits.add(d);
        clock.now = clock.now.plus(d);
    };

    private static Alert alert(String... channels) {
        var spike = TestSpikes.volume("all", EpisodePhase.STARTED, 70);
        return new Alert("a1", "rule", "all", spike, EpisodePhase.STARTED, 70, "title", "text", List.of(channels),
                TestSpikes.minute(1));
    }

    private static DeliveryException transientError(String message) {
        return new DeliveryException(message, true);
    }

    @Test
    void retriesWithExponentialBackoffUntilDelivered() {
        ScriptedChannel channel = new ScriptedChannel(transientError("HTTP 500"), transientError("HTTP 503"));
        Notifier notifier = new Notifier(Map.of("scripted", channel), DeliveryRetry.defaults(), clock, sleeper);
        List<Delivery> deliveries = notifier.deliver(alert("scripted"));
        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastError()).isEqualTo("HTTP 503");
            assertThat(Duration.between(d.firstAttemptAt(), d.finishedAt())).isEqualTo(Duration.ofSeconds(3));
        });
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void givesUpAfterTheAttemptsOrTheTimeLimitAndRecordsIt() {
        DeliveryException[] always = new DeliveryException[10];
        java.util.Arrays.fill(always, transientError("HTTP 500"));
        Notifier byAttempts = new Notifier(Map.of("scripted", new ScriptedChannel(always)),
                new DeliveryRetry(3, Duration.ofMillis(1), Duration.ofMillis(10), Duration.ofMinutes(1)), clock, sleeper);
        assertThat(byAttempts.deliver(alert("scripted"))).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastError()).isEqualTo("HTTP 500");
        });

        waits.clear();
        Notifier byTime = new Notifier(Map.of("scripted", new ScriptedChannel(always)), DeliveryRetry.defaults(), clock, sleeper);
        assertThat(byTime.deliver(alert("scripted"))).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(d.attempts()).isEqualTo(5);
        });
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));

        waits.clear();
        Notifier tight = new Notifier(Map.of("scripted", new ScriptedChannel(always)),
                new DeliveryRetry(10, Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(25)), clock, sleeper);
        assertThat(tight.deliver(alert("scripted"))).singleElement().satisfies(d -> {
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.lastError()).isEqualTo("HTTP 500 (gave up: the next attempt would pass the 25s limit)");
        });
    }

    @Test
    void aPermanentFailureIsNotRetriedAndAnUnknownChannelIsRecorded() {
        ScriptedChannel channel = new ScriptedChannel(new DeliveryException("HTTP 404 from hooks.example.org", false));
        Notifier notifier = new Notifier(Map.of("scripted", channel), DeliveryRetry.defaults(), clock, sleeper);
        List<Delivery> deliveries = notifier.deliver(alert("scripted", "gone"));
        assertThat(deliveries).extracting(Delivery::channel, Delivery::status, Delivery::attempts).containsExactly(
                org.assertj.core.groups.Tuple.tuple("scripted", DeliveryStatus.FAILED, 1),
                org.assertj.core.groups.Tuple.tuple("gone", DeliveryStatus.FAILED, 0));
        assertThat(deliveries.get(1).lastError()).isEqualTo("no channel named 'gone' is enabled");
        assertThat(waits).isEmpty();
    }

    @Test
    void theConsoleChannelPrintsTitleAndText() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Notifier notifier = new Notifier(Map.of("console", new ConsoleChannel("console", out)), DeliveryRetry.defaults(),
                clock, sleeper);
        assertThat(notifier.deliver(alert("console"))).singleElement().extracting(Delivery::status)
                .isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("[ALERT] title\n        text\n\n");
    }

    @Test
    void backoffDoublesUpToItsCap() {
        DeliveryRetry retry = new DeliveryRetry(10, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMinutes(1));
        assertThat(List.of(1, 2, 3, 4, 5).stream().map(retry::backoffAfter).toList()).containsExactly(
                Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(500), Duration.ofMillis(500));
    }
}
