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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

        @Override
        public void send(AlertDigest digest) throws DeliveryException {
            send(digest.alerts().get(0));
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
    void aDigestIsRetriedLikeAnAlertAndTheConsolePrintsALinePerAlert() {
        var spike = TestSpikes.volume("all", EpisodePhase.ESCALATED, 80);
        Alert second = new Alert("a2", "rule", "all", spike, EpisodePhase.ESCALATED, 80, "Volume spike on all posts (severity 80)",
                "text", List.of("scripted"), TestSpikes.minute(3));
        AlertDigest digest = new AlertDigest(AlertDigest.idOf("scripted", alert("scripted")), "scripted", List.of(alert("scripted"), second), false);
        ScriptedChannel channel = new ScriptedChannel(transientError("HTTP 503"));
        Notifier notifier = new Notifier(Map.of("scripted", channel), DeliveryRetry.defaults(), clock, sleeper);

        Delivery delivery = notifier.deliver(digest);

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.alertId()).isEqualTo("digest|scripted|a1");
        assertThat(delivery.attempts()).isEqualTo(2);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Notifier(Map.of("scripted", new ConsoleChannel("scripted", new PrintStream(bytes, true, StandardCharsets.UTF_8))),
                DeliveryRetry.defaults(), clock, sleeper).deliver(digest);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "[DIGEST] 2 more alerts from 2024-08-13 00:19 to 00:21 UTC; highest: Volume spike on all posts (severity 80)\n"
                        + "        00:19 started: title\n"
                        + "        00:21 escalated: Volume spike on all posts (severity 80)\n\n");
    }

    /** A channel that holds its send until released, as an SMTP server that never answers would. */
    private static final class StuckChannel implements AlertChannel {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String name() {
            return "stuck";
        }

        @Override
        public void send(Alert alert) throws DeliveryException {
            entered.countDown();
            try {
                if (!release.await(LATCH_GUARD.toSeconds(), TimeUnit.SECONDS)) {
                    throw new DeliveryException("never released", false);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException("interrupted", false);
            }
        }

        @Override
        public void send(AlertDigest digest) throws DeliveryException {
            send(digest.alerts().get(0));
        }
    }

    /** A channel that reports each send on a latch. */
    private static final class SignallingChannel implements AlertChannel {
        final CountDownLatch sent = new CountDownLatch(1);

        @Override
        public String name() {
            return "fast";
        }

        @Override
        public void send(Alert alert) {
            sent.countDown();
        }

        @Override
        public void send(AlertDigest digest) {
            sent.countDown();
        }
    }

    /** Bounds every latch wait, so a regression fails the test instead of hanging it; never reached when it passes. */
    private static final Duration LATCH_GUARD = Duration.ofSeconds(30);

    @Test
    void aStuckChannelDoesNotHoldBackTheOthersAndTheResultsKeepTheChannelOrder() throws Exception {
        StuckChannel stuck = new StuckChannel();
        SignallingChannel fast = new SignallingChannel();
        try (Notifier notifier = new Notifier(Map.of("stuck", stuck, "fast", fast), DeliveryRetry.defaults(), clock, sleeper)) {
            CompletableFuture<List<Delivery>> result = CompletableFuture.supplyAsync(() -> notifier.deliver(alert("stuck", "fast")));

            assertThat(stuck.entered.await(LATCH_GUARD.toSeconds(), TimeUnit.SECONDS)).as("the stuck channel was called").isTrue();
            assertThat(fast.sent.await(LATCH_GUARD.toSeconds(), TimeUnit.SECONDS))
                    .as("the second channel is sent to while the first is still stuck").isTrue();
            assertThat(result).as("deliver waits for the slowest channel").isNotDone();

            stuck.release.countDown();
            List<Delivery> deliveries = result.get(LATCH_GUARD.toSeconds(), TimeUnit.SECONDS);
            assertThat(deliveries).extracting(Delivery::channel, Delivery::status, Delivery::attempts).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("stuck", DeliveryStatus.DELIVERED, 1),
                    org.assertj.core.groups.Tuple.tuple("fast", DeliveryStatus.DELIVERED, 1));
        }
    }

    @Test
    void aFailingChannelLeavesTheOthersRecordUntouched() {
        ScriptedChannel failing = new ScriptedChannel(transientError("HTTP 503"), transientError("HTTP 503"),
                new DeliveryException("HTTP 404 from hooks.example.org", false));
        SignallingChannel fast = new SignallingChannel();
        try (Notifier notifier = new Notifier(Map.of("scripted", failing, "fast", fast), DeliveryRetry.defaults(), clock, sleeper)) {
            List<Delivery> deliveries = notifier.deliver(alert("fast", "scripted"));

            assertThat(deliveries).hasSize(2);
            assertThat(deliveries.get(0)).satisfies(d -> {
                assertThat(d.channel()).isEqualTo("fast");
                assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.lastError()).isNull();
            });
            assertThat(deliveries.get(1)).satisfies(d -> {
                assertThat(d.channel()).isEqualTo("scripted");
                assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
                assertThat(d.attempts()).isEqualTo(3);
                assertThat(d.lastError()).isEqualTo("HTTP 404 from hooks.example.org");
            });
            assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
    }

    @Test
    void anInterruptedWaitRecordsTheUnfinishedChannelsAsFailedAndKeepsTheInterrupt() throws Exception {
        StuckChannel stuck = new StuckChannel();
        SignallingChannel fast = new SignallingChannel();
        try (Notifier notifier = new Notifier(Map.of("stuck", stuck, "fast", fast), DeliveryRetry.defaults(), clock, sleeper)) {
            CompletableFuture<List<Delivery>> result = new CompletableFuture<>();
            CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
            Thread operator = new Thread(() -> {
                result.complete(notifier.deliver(alert("fast", "stuck")));
                stillInterrupted.complete(Thread.currentThread().isInterrupted());
            });
            operator.start();
            assertThat(stuck.entered.await(LATCH_GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(fast.sent.await(LATCH_GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
            operator.interrupt();

            List<Delivery> deliveries = result.get(LATCH_GUARD.toSeconds(), TimeUnit.SECONDS);
            assertThat(deliveries).extracting(Delivery::channel).containsExactly("fast", "stuck");
            assertThat(deliveries.get(1).status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(deliveries.get(1).lastError()).startsWith("interrupted before the delivery finished");
            assertThat(stillInterrupted.get(LATCH_GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aClosedNotifierRefusesToDeliver() {
        Notifier notifier = new Notifier(Map.of("fast", new SignallingChannel()), DeliveryRetry.defaults(), clock, sleeper);
        notifier.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> notifier.deliver(alert("fast")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed").hasMessageContaining("a1");
    }

    @Test
    void backoffDoublesUpToItsCap() {
        DeliveryRetry retry = new DeliveryRetry(10, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMinutes(1));
        assertThat(List.of(1, 2, 3, 4, 5).stream().map(retry::backoffAfter).toList()).containsExactly(
                Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(500), Duration.ofMillis(500));
    }
}
