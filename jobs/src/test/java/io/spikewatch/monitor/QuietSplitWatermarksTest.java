package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.util.clock.ManualClock;
import org.junit.jupiter.api.Test;

class QuietSplitWatermarksTest {

    private static final Duration BOUND = Duration.ofMinutes(2);
    private static final Duration IDLENESS = Duration.ofSeconds(30);

    private static ManualClock clockAt(String time) {
        return new ManualClock(Instant.parse(time).toEpochMilli() * 1_000_000);
    }

    /** A generator whose activity clock is the wall clock: the job never holds it back. */
    private static QuietSplitWatermarks<String> onOneClock(ManualClock clock) {
        return new QuietSplitWatermarks<>(BOUND, IDLENESS, clock, clock);
    }

    private static long millis(String time) {
        return Instant.parse(time).toEpochMilli();
    }

    @Test
    void aLiveSplitGoneSilentMovesItsWatermarkOnWithTheWallClock() {
        ManualClock clock = clockAt("2026-11-28T20:00:00Z");
        QuietSplitWatermarks<String> generator = onOneClock(clock);
        EmittedWatermarks output = new EmittedWatermarks();

        generator.onEvent("the last post before the platform went down", millis("2026-11-28T19:59:50Z"), output);
        clock.advanceTime(Duration.ofSeconds(20));
        generator.onPeriodicEmit(output);
        assertThat(output.instants()).as("within the idleness: the record's watermark only")
                .containsExactly(Instant.parse("2026-11-28T19:57:49.999Z"));

        clock.advanceTime(Duration.ofSeconds(11));
        generator.onPeriodicEmit(output);
        clock.advanceTime(Duration.ofMinutes(10));
        generator.onPeriodicEmit(output);

        assertThat(output.instants()).as("the wall clock less the bound, as if the next post were written now")
                .containsExactly(Instant.parse("2026-11-28T19:57:49.999Z"), Instant.parse("2026-11-28T19:58:30.999Z"),
                        Instant.parse("2026-11-28T20:08:30.999Z"));
        assertThat(output.idleMarks).isZero();
    }

    @Test
    void aSilentSplitOfASlowerFeedNeverHoldsABusierOneBack() {
        ManualClock clock = clockAt("2026-11-28T20:00:00Z");
        QuietSplitWatermarks<String> pressFeed = onOneClock(clock);
        QuietSplitWatermarks<String> posts = onOneClock(clock);
        EmittedWatermarks pressOutput = new EmittedWatermarks();
        EmittedWatermarks postsOutput = new EmittedWatermarks();

        // a press feed polled every few minutes: its statement is read 4 minutes after it was published
        pressFeed.onEvent("a statement", millis("2026-11-28T19:56:00Z"), pressOutput);
        for (int second = 1; second <= 60; second++) {
            clock.advanceTime(Duration.ofSeconds(1));
            posts.onEvent("a post read 2 s after it was written", clock.absoluteTimeMillis() - 2_000, postsOutput);
            pressFeed.onPeriodicEmit(pressOutput);
        }

        Instant pressWatermark = pressOutput.instants().get(pressOutput.instants().size() - 1);
        Instant postsWatermark = postsOutput.instants().get(postsOutput.instants().size() - 1);
        assertThat(pressWatermark).as("silent since 30 s, at the wall clock less the bound")
                .isEqualTo(Instant.parse("2026-11-28T19:58:59.999Z"));
        assertThat(pressWatermark).as("not behind the busy split's").isAfter(postsWatermark);
    }

    @Test
    void aSilentSplitOfOldPostsIsMarkedIdleOnceAndItsWatermarkStays() {
        ManualClock clock = clockAt("2026-11-28T20:00:00Z");
        QuietSplitWatermarks<String> generator = onOneClock(clock);
        EmittedWatermarks output = new EmittedWatermarks();

        generator.onEvent("a post of the 2024 backlog", millis("2024-08-13T00:20:00Z"), output);
        for (int i = 0; i < 5; i++) {
            clock.advanceTime(Duration.ofSeconds(31));
            generator.onPeriodicEmit(output);
        }

        assertThat(output.instants()).containsExactly(Instant.parse("2024-08-13T00:17:59.999Z"));
        assertThat(output.idleMarks).isOne();
    }

    @Test
    void aSplitThatNeverHadARecordIsMarkedIdleAfterTheIdleness() {
        ManualClock clock = clockAt("2026-11-28T20:00:00Z");
        QuietSplitWatermarks<String> generator = onOneClock(clock);
        EmittedWatermarks output = new EmittedWatermarks();

        clock.advanceTime(Duration.ofSeconds(29));
        generator.onPeriodicEmit(output);
        assertThat(output.idleMarks).isZero();
        clock.advanceTime(Duration.ofSeconds(2));
        generator.onPeriodicEmit(output);

        assertThat(output.idleMarks).isOne();
        assertThat(output.instants()).isEmpty();
    }

    @Test
    void aLiveSplitHeldBackByTheJobIsNotSilentSoItsWatermarkWaitsForItsRecords() {
        ManualClock wall = clockAt("2026-11-28T20:00:00Z");
        ManualClock activity = new ManualClock();
        QuietSplitWatermarks<String> generator = new QuietSplitWatermarks<>(BOUND, IDLENESS, activity, wall);
        EmittedWatermarks output = new EmittedWatermarks();

        generator.onEvent("a live post", millis("2026-11-28T19:59:58Z"), output);
        // back-pressured: the activity clock stands still while the wall clock runs
        wall.advanceTime(Duration.ofMinutes(10));
        generator.onPeriodicEmit(output);

        assertThat(output.instants()).containsExactly(Instant.parse("2026-11-28T19:57:57.999Z"));
        assertThat(output.idleMarks).isZero();
    }

    @Test
    void aPostAfterTheSilenceMovesTheWatermarkOnlyPastWhereTheClockHadTakenIt() {
        ManualClock clock = clockAt("2026-11-28T20:00:00Z");
        QuietSplitWatermarks<String> generator = onOneClock(clock);
        EmittedWatermarks output = new EmittedWatermarks();

        generator.onEvent("a", millis("2026-11-28T20:00:00Z"), output);
        clock.advanceTime(Duration.ofMinutes(5));
        generator.onPeriodicEmit(output);
        generator.onEvent("b, written before the silence, read after it", millis("2026-11-28T20:01:00Z"), output);
        generator.onEvent("c, written now", millis("2026-11-28T20:05:30Z"), output);

        assertThat(output.instants()).containsExactly(Instant.parse("2026-11-28T19:57:59.999Z"),
                Instant.parse("2026-11-28T20:02:59.999Z"), Instant.parse("2026-11-28T20:03:29.999Z"));
    }
}
