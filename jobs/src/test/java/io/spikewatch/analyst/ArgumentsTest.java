package io.spikewatch.analyst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikewatch.spikes.SpikeKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Time, zone, interval, kind and severity arguments of the analyst commands. */
class ArgumentsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void anInstantWithAnOffsetIgnoresTheZoneAndALocalTimeIsReadInIt() {
        assertThat(TimeArguments.parse("--from", "2024-08-13T00:18:00Z", NEW_YORK)).isEqualTo(Instant.parse("2024-08-13T00:18:00Z"));
        assertThat(TimeArguments.parse("--from", "2024-08-12T20:18-04:00", ZoneOffset.UTC)).isEqualTo(Instant.parse("2024-08-13T00:18:00Z"));
        assertThat(TimeArguments.parse("--from", "2024-08-12T20:18", NEW_YORK)).isEqualTo(Instant.parse("2024-08-13T00:18:00Z"));
        assertThat(TimeArguments.parse("--from", "2024-08-12 20:18:30", NEW_YORK)).isEqualTo(Instant.parse("2024-08-13T00:18:30Z"));
        assertThat(TimeArguments.parse("--to", "2024-08-13", NEW_YORK)).isEqualTo(Instant.parse("2024-08-13T04:00:00Z"));
    }

    @Test
    void aBadTimeZoneOrRangeNamesTheOptionAndTheValue() {
        assertThatThrownBy(() -> TimeArguments.parse("--to", "8pm", ZoneOffset.UTC))
                .hasMessageStartingWith("--to: '8pm' is not a time");
        assertThatThrownBy(() -> TimeArguments.zone("--zone", "Mars/Olympus"))
                .hasMessageStartingWith("--zone: 'Mars/Olympus' is not a time zone");
        assertThatThrownBy(() -> TimeArguments.range("2024-08-13T01:00Z", "2024-08-13T00:00Z", ZoneOffset.UTC))
                .hasMessageContaining("--from").hasMessageContaining("--to");
        assertThatThrownBy(() -> TimeArguments.range(null, "2024-08-13T00:00Z", ZoneOffset.UTC))
                .hasMessageStartingWith("--from: a time is required");
    }

    @Test
    void intervalsAreWholeMinutesHoursOrDays() {
        assertThat(Interval.parse("--interval", "5m")).isEqualTo(new Interval(Duration.ofMinutes(5), "5m"));
        assertThat(Interval.parse("--interval", "1h").duration()).isEqualTo(Duration.ofHours(1));
        assertThat(Interval.parse("--interval", "2d").duration()).isEqualTo(Duration.ofDays(2));
        assertThat(Interval.parse("--interval", "1m").isOneMinute()).isTrue();
        for (String bad : new String[] {"30s", "0m", "5", "m", "1.5h", "-1h", ""}) {
            assertThatThrownBy(() -> Interval.parse("--interval", bad)).as(bad)
                    .hasMessageStartingWith("--interval: '" + bad + "' is not an interval");
        }
    }

    @Test
    void tooManyBucketsAreRefusedBeforeAsking() {
        TimeRange year = new TimeRange(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));

        assertThatThrownBy(() -> Interval.ONE_MINUTE.checkBuckets("--interval", year))
                .hasMessageContaining("--interval").hasMessageContaining("527040 buckets");
        Interval.parse("--interval", "1h").checkBuckets("--interval", year);
    }

    @Test
    void spikeKindsAreReadAsTheIndexWritesThemOrWithDashes() {
        assertThat(SpikeFilter.kind("--kind", "sentiment-shift")).isEqualTo(SpikeKind.SENTIMENT_SHIFT);
        assertThat(SpikeFilter.kind("--kind", "sentiment_shift")).isEqualTo(SpikeKind.SENTIMENT_SHIFT);
        assertThat(SpikeFilter.kind("--kind", "Volume")).isEqualTo(SpikeKind.VOLUME);
        assertThatThrownBy(() -> SpikeFilter.kind("--kind", "big"))
                .hasMessageStartingWith("--kind: 'big' is not a spike kind").hasMessageContaining("sentiment-shift");
    }

    @Test
    void severityAndSeriesAreChecked() {
        assertThatThrownBy(() -> new SpikeFilter(null, null, null, null, 101)).hasMessageStartingWith("--min-severity: 101");
        assertThat(SpikeFilter.seriesOfEntity("Elon Musk")).isEqualTo("entity:Elon Musk");
        assertThat(SpikeFilter.seriesOfEntity("query:outage-talk")).isEqualTo("query:outage-talk");
        assertThat(SpikeFilter.seriesOfEntity("all")).isEqualTo("all");
        assertThatThrownBy(() -> TrendSubject.entity(" ")).hasMessageStartingWith("--entity: must not be empty");
    }
}
