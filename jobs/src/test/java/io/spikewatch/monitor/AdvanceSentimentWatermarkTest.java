package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.annotate.Sentiment;
import io.spikewatch.metrics.Observation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The sentiment path's watermark and each post's lateness, moved on to the alert path's bound. */
class AdvanceSentimentWatermarkTest {

    private static final Duration INDEXING = Duration.ofMinutes(2);
    private static final Duration ALERTS = Duration.ofSeconds(10);

    @Test
    void theWatermarkAndEachPostsWatermarkMoveOnByTheDifferenceOfTheBounds() throws Exception {
        try (var harness = new OneInputStreamOperatorTestHarness<>(new AdvanceSentimentWatermark(INDEXING, ALERTS))) {
            harness.open();
            harness.processElement(new StreamRecord<>(observation(1_000, Long.MIN_VALUE), 1_000));
            harness.processWatermark(new Watermark(60_000));
            harness.processElement(new StreamRecord<>(observation(180_000, 60_000), 180_000));

            List<Object> output = new ArrayList<>(harness.getOutput());
            assertThat(output).hasSize(3);
            assertThat(((StreamRecord<?>) output.get(0)).getValue()).extracting("watermarkMillis")
                    .as("no watermark yet stays none").isEqualTo(Long.MIN_VALUE);
            assertThat(output.get(1)).isEqualTo(new Watermark(170_000));
            StreamRecord<?> moved = (StreamRecord<?>) output.get(2);
            assertThat(moved.getValue()).extracting("watermarkMillis").isEqualTo(170_000L);
            assertThat(moved.getTimestamp()).isEqualTo(180_000);
        }
    }

    @Test
    void theEndOfInputStaysTheEndAndALongerAlertBoundChangesNothing() throws Exception {
        AdvanceSentimentWatermark advance = new AdvanceSentimentWatermark(INDEXING, ALERTS);
        assertThat(advance.advance(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(advance.advance(Long.MAX_VALUE - 5)).as("no overflow").isEqualTo(Long.MAX_VALUE - 1);
        assertThat(new AdvanceSentimentWatermark(ALERTS, INDEXING).advance(60_000)).isEqualTo(60_000);
    }

    private static Observation observation(long at, long watermarkWhenAnnotated) {
        return new Observation(Observation.SCOPE_ALL, null, "a", Sentiment.NEGATIVE, -0.6, at, new String[0], null, watermarkWhenAnnotated);
    }
}
