package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.spikewatch.alerts.Alert;
import io.spikewatch.annotate.Sentiment;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexNames;
import io.spikewatch.metrics.Observation;
import io.spikewatch.spikes.TermWeight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The sentiment-shift operator in a test harness: event time controlled by watermarks. */
class DetectSentimentShiftsTest {

    private static final String RULES = """
            channels:
              console:
                type: console
            rules:
              - name: negative-shift-everything
                type: sentiment_shift
                params:
                  min_negative_share: 0.6
                  min_posts: 30
                min_severity: 0
                channels: [console]
            """;
    private static final Instant EVENING = Instant.parse("2024-08-12T23:00:00Z");

    @Test
    void aShiftPooledOverTwoMinutesIsJudgedByTheRuleOnAllItsPosts() throws Exception {
        try (var harness = harness()) {
            for (int minute = 0; minute < 60; minute++) {
                observe(harness, minute, 10, 2);
            }
            // 16 posts a minute, 13 negative: the first minute starts the shift, but the rule wants 30
            // posts; the second minute's verdict pools both (32), and the rule raises it then
            observe(harness, 60, 16, 13);
            observe(harness, 61, 16, 13);
            harness.processWatermark(new Watermark(EVENING.plusSeconds(62 * 60).toEpochMilli()));

            assertThat(alerts(harness)).singleElement().satisfies(alert -> {
                assertThat(alert.spike().start()).as("the shift began with the first minute").isEqualTo(EVENING.plusSeconds(60 * 60));
                assertThat(alert.createdAt()).as("raised when the second minute closed").isEqualTo(EVENING.plusSeconds(62 * 60));
                assertThat(alert.spike().explanation().observed()).isEqualTo(32);
                assertThat(alert.spike().explanation().sentiment().annotated()).as("both minutes' posts").isEqualTo(32);
                assertThat(alert.spike().explanation().sentiment().negative()).isEqualTo(26);
            });
        }
    }

    @Test
    void aShiftOfTheWholeStreamSaysWhomItsNegativePostsAreAbout() throws Exception {
        try (var harness = harness()) {
            for (int minute = 0; minute < 60; minute++) {
                observe(harness, minute, 10, 2);
            }
            // 40 posts, 32 negative: 20 of them about the platform, 8 about its owner, 4 about no one
            long at = EVENING.plusSeconds(60 * 60).toEpochMilli();
            for (int i = 0; i < 40; i++) {
                String[] about = i < 20 ? new String[] {"X (platform)"} : i < 28 ? new String[] {"Elon Musk"} : new String[0];
                String label = i < 32 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
                harness.processElement(new StreamRecord<>(new Observation(Observation.SCOPE_ALL, null, "v" + i, label,
                        i < 32 ? -0.6 : 0.0, at + i, i < 32 ? about : new String[0]), at + i));
            }
            harness.processWatermark(new Watermark(EVENING.plusSeconds(61 * 60).toEpochMilli()));

            assertThat(alerts(harness)).singleElement().satisfies(alert -> {
                assertThat(alert.spike().explanation().entities()).extracting(TermWeight::term, TermWeight::count)
                        .containsExactly(tuple("X (platform)", 20L), tuple("Elon Musk", 8L));
                assertThat(alert.text()).contains("80% negative of 40 annotated posts (usually 2")
                        .contains("; aimed at X (platform) 63%, Elon Musk 25%.");
            });
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Observation, IndexDocument> harness() throws Exception {
        DetectSentimentShifts detect = new DetectSentimentShifts(AlertingSettings.withRules(RULES, "rules.yaml", null), new IndexNames("test"));
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(detect), Observation::seriesKey, Types.STRING);
        harness.open();
        return harness;
    }

    private static void observe(KeyedOneInputStreamOperatorTestHarness<String, Observation, IndexDocument> harness, int minute, int count,
            int negative) throws Exception {
        for (int i = 0; i < count; i++) {
            long at = EVENING.plusSeconds(minute * 60L + i * 60L / count).toEpochMilli();
            boolean isNegative = i < negative;
            harness.processElement(new StreamRecord<>(new Observation(Observation.SCOPE_ALL, null, "u" + minute + "-" + i,
                    isNegative ? Sentiment.NEGATIVE : Sentiment.NEUTRAL, isNegative ? -0.6 : 0.0, at), at));
        }
        harness.processWatermark(new Watermark(EVENING.plusSeconds(minute * 60L + 59).toEpochMilli()));
    }

    private static List<Alert> alerts(KeyedOneInputStreamOperatorTestHarness<String, Observation, IndexDocument> harness) {
        ConcurrentLinkedQueue<StreamRecord<Alert>> raised = harness.getSideOutput(DetectSpikes.ALERTS);
        List<Alert> alerts = new ArrayList<>();
        if (raised != null) {
            raised.forEach(record -> alerts.add(record.getValue()));
        }
        return alerts;
    }
}
