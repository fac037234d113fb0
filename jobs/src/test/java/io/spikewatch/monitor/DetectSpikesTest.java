package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.alerts.Alert;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexNames;
import io.spikewatch.metrics.Observation;
import io.spikewatch.schema.Author;
import io.spikewatch.schema.Engagement;
import io.spikewatch.schema.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The spike operator in a test harness: event time controlled by watermarks, no sleeping. */
class DetectSpikesTest {

    private static final String RULES = """
            channels:
              console:
                type: console
            rules:
              - name: volume-everything
                type: spike
                min_severity: 0
                channels: [console]
            """;
    private static final Instant EVENING_2023 = Instant.parse("2023-05-24T21:00:00Z");
    private static final Instant EVENING_2024 = Instant.parse("2024-08-12T23:00:00Z");

    @Test
    void aBurstAfterAQuietHourIsAlertedOnceWhenItsMinuteCloses() throws Exception {
        try (var harness = harness()) {
            int id = 0;
            for (int minute = 0; minute < 60; minute++) {
                id = posts(harness, EVENING_2023, minute, 2, id);
            }
            id = posts(harness, EVENING_2023, 60, 30, id);
            harness.processBothWatermarks(new Watermark(EVENING_2023.plusSeconds(60 * 60 + 59).toEpochMilli()));
            assertThat(alerts(harness)).as("the burst's minute has not closed yet").isEmpty();

            harness.processBothWatermarks(new Watermark(EVENING_2023.plusSeconds(61 * 60).toEpochMilli()));

            assertThat(alerts(harness)).singleElement().satisfies(alert -> {
                assertThat(alert.seriesKey()).isEqualTo("all");
                assertThat(alert.spike().start()).isEqualTo(EVENING_2023.plusSeconds(60 * 60));
                assertThat(alert.createdAt()).isEqualTo(EVENING_2023.plusSeconds(61 * 60));
                assertThat(alert.spike().explanation().observed()).isEqualTo(30);
            });
        }
    }

    @Test
    void aLaterStreamArrivingBeforeTheEarlierOneClosedDoesNotEraseIt() throws Exception {
        // the alert path can run far ahead of the watermark: a year later's posts arrive while
        // the 2023 minutes are still open; they must still be scored, in order
        try (var harness = harness()) {
            int id = 0;
            for (int minute = 0; minute < 60; minute++) {
                id = posts(harness, EVENING_2023, minute, 2, id);
            }
            id = posts(harness, EVENING_2023, 60, 30, id);
            for (int minute = 0; minute < 10; minute++) {
                id = posts(harness, EVENING_2024, minute, 2, id);
            }

            harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(alerts(harness)).extracting(alert -> alert.spike().start()).containsExactly(EVENING_2023.plusSeconds(60 * 60));
        }
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, SeriesPost, Observation, IndexDocument> harness() throws Exception {
        DetectSpikes detect = new DetectSpikes(AlertingSettings.withRules(RULES, "rules.yaml", null), new IndexNames("test"));
        var harness = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(detect),
                SeriesPost::seriesKey, Observation::seriesKey, Types.STRING);
        harness.open();
        return harness;
    }

    private static int posts(KeyedTwoInputStreamOperatorTestHarness<String, SeriesPost, Observation, IndexDocument> harness,
            Instant evening, int minute, int count, int id) throws Exception {
        for (int i = 0; i < count; i++) {
            Instant at = evening.plusSeconds(minute * 60L + i * 60L / count);
            Post post = new Post("p" + (++id), "x", new Author("u" + id, "user" + id, null, 10L),
                    i % 2 == 0 ? "Is X down for everyone?" : "Cannot join the Space at all", at, "en", null, null, null, null,
                    Engagement.NONE);
            harness.processElement1(new SeriesPost("all", post), at.toEpochMilli());
        }
        return id;
    }

    private static List<Alert> alerts(KeyedTwoInputStreamOperatorTestHarness<String, SeriesPost, Observation, IndexDocument> harness) {
        ConcurrentLinkedQueue<StreamRecord<Alert>> raised = harness.getSideOutput(DetectSpikes.ALERTS);
        List<Alert> alerts = new ArrayList<>();
        if (raised != null) {
            raised.forEach(record -> alerts.add(record.getValue()));
        }
        return alerts;
    }
}
