package io.spikewatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MinuteMetricsAccumulatorTest {

    private static final Instant MINUTE = Instant.parse("2024-08-13T00:18:00Z");
    private static final Instant NEXT_MINUTE = MINUTE.plusSeconds(60);

    @Test
    void countsVolumeSentimentAndUniqueAuthors() {
        MinuteMetricsAccumulator totals = new MinuteMetricsAccumulator()
                .add(observation("u1", "negative", -0.8))
                .add(observation("u1", "negative", -0.4))
                .add(observation("u2", "positive", 0.6))
                .add(observation(null, "neutral", 0.0))
                .add(observation("u3", null, 0.0));

        MinuteMetrics metrics = totals.toMetrics(MINUTE, NEXT_MINUTE);

        assertThat(metrics.count()).isEqualTo(5);
        assertThat(metrics.sentimentScored()).isEqualTo(4);
        assertThat(metrics.sentimentMean()).isCloseTo(-0.15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(metrics.negative()).isEqualTo(2);
        assertThat(metrics.neutral()).isEqualTo(1);
        assertThat(metrics.positive()).isEqualTo(1);
        assertThat(metrics.uniqueAuthors()).isEqualTo(3);
        assertThat(metrics.entity()).isEqualTo("X (platform)");
        assertThat(metrics.id()).isEqualTo("entity:X (platform)@2024-08-13T00:18:00Z");
    }

    @Test
    void mergingPartialTotalsEqualsAddingEverythingToOne() {
        MinuteMetricsAccumulator left = new MinuteMetricsAccumulator().add(observation("u1", "negative", -1));
        MinuteMetricsAccumulator right = new MinuteMetricsAccumulator().add(observation("u1", "positive", 1)).add(observation("u2", "neutral", 0));
        MinuteMetricsAccumulator all = new MinuteMetricsAccumulator()
                .add(observation("u1", "negative", -1)).add(observation("u1", "positive", 1)).add(observation("u2", "neutral", 0));

        assertThat(left.merge(right).toMetrics(MINUTE, NEXT_MINUTE)).isEqualTo(all.toMetrics(MINUTE, NEXT_MINUTE));
    }

    @Test
    void aMinuteWithoutAnnotatedPostsHasNoMeanRatherThanZero() {
        MinuteMetrics metrics = new MinuteMetricsAccumulator().add(observation("u1", null, 0)).toMetrics(MINUTE, NEXT_MINUTE);

        assertThat(metrics.sentimentMean()).isNull();
        assertThat(metrics.count()).isEqualTo(1);
    }

    private static Observation observation(String author, String label, double score) {
        return new Observation(Observation.SCOPE_ENTITY, "X (platform)", author, label, score, MINUTE.toEpochMilli());
    }
}
