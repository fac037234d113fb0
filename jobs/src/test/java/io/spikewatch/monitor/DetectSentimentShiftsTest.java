package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.spikewatch.alerts.Alert;
import io.spikewatch.annotate.Sentiment;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexNames;
import io.spikewatch.metrics.NegativePost;
import io.spikewatch.metrics.Observation;
import io.spikewatch.spikes.TermWeight;
import io.spikewatch.spikes.TopPost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
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
                        i < 32 ? -0.6 : 0.0, at + i, i < 32 ? about : new String[0], null, Long.MIN_VALUE), at + i));
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

    @Test
    void aShiftSaysWhatItsNegativePostsSayAgainstWhatTheyUsuallySayAndShowsTheMostRepostedOne() throws Exception {
        String[] usualComplaints = {"traffic on the bridge is terrible again", "my coffee went cold, awful morning",
                "rain ruined the picnic", "this heat is unbearable", "lost my keys again, worst day"};
        try (var harness = harness()) {
            for (int minute = 0; minute < 60; minute++) {
                long at = EVENING.plusSeconds(minute * 60L).toEpochMilli();
                for (int i = 0; i < 10; i++) {
                    boolean negative = i < 2;
                    String text = negative ? usualComplaints[(minute + i) % usualComplaints.length] : "a quiet evening";
                    harness.processElement(new StreamRecord<>(observation("u" + minute + "-" + i, negative, text, "p" + minute + "-" + i,
                            false, at + i), at + i));
                }
                harness.processWatermark(new Watermark(at + 59_000));
            }
            // 40 posts, 32 negative: people unable to join the Space, half of them reposting one post
            long at = EVENING.plusSeconds(60 * 60).toEpochMilli();
            for (int i = 0; i < 40; i++) {
                boolean negative = i < 32;
                boolean repost = negative && i % 2 == 0;
                String text = !negative ? "a quiet evening" : repost ? "Unable to join the Space, stuck on the loading screen"
                        : i % 4 == 1 ? "still unable to join the Space" : "unable to join, the Space keeps crashing";
                harness.processElement(new StreamRecord<>(observation("v" + i, negative, text, repost ? "original" : "q" + i, repost, at + i),
                        at + i));
            }
            harness.processWatermark(new Watermark(EVENING.plusSeconds(61 * 60).toEpochMilli()));

            assertThat(alerts(harness)).singleElement().satisfies(alert -> {
                assertThat(alert.spike().explanation().terms()).extracting(TermWeight::term).contains("unable to join")
                        .noneMatch(term -> term.contains("traffic") || term.contains("quiet"));
                assertThat(alert.spike().explanation().uniqueAuthors()).as("the negative posts' authors").isEqualTo(32);
                assertThat(alert.spike().explanation().topPosts()).first().satisfies(top -> {
                    assertThat(top.id()).isEqualTo("original");
                    assertThat(top.reposts()).isEqualTo(16);
                });
                assertThat(alert.text()).contains("; the negative posts say 'space', 'unable to join';")
                        .contains("; top post: \"Unable to join the Space, stuck on the loading screen\" (16 reposts)");
            });
        }
    }

    @Test
    void aPostWhoseMinuteHadClosedWhenItWasAnnotatedIsLeftOutEvenIfItArrivesBeforeThisStepClosesIt() throws Exception {
        long minute60 = EVENING.plusSeconds(60 * 60).toEpochMilli();
        long minute61 = EVENING.plusSeconds(61 * 60).toEpochMilli();
        // 16 more negative posts of minute 60, annotated when the input's watermark had passed it
        // (they came more than the out-of-orderness late) but reaching this step before its own did
        assertThat(shiftAfterMinute60WithSixteenMore(minute61)).as("late when annotated: minute 60 has 16 posts, too few").isEmpty();
        // the same posts annotated while the minute was still open count
        assertThat(shiftAfterMinute60WithSixteenMore(minute61 - 1)).as("on time: minute 60 has 32 posts").hasSize(1);
    }

    private static List<Alert> shiftAfterMinute60WithSixteenMore(long watermarkWhenAnnotated) throws Exception {
        try (var harness = harness()) {
            for (int minute = 0; minute < 60; minute++) {
                observe(harness, minute, 10, 2);
            }
            observe(harness, 60, 16, 13);
            addNegative(harness, EVENING.plusSeconds(60 * 60 + 30).toEpochMilli(), 16, watermarkWhenAnnotated);
            harness.processWatermark(new Watermark(EVENING.plusSeconds(62 * 60).toEpochMilli()));
            return alerts(harness);
        }
    }

    @Test
    void aMinuteJudgedBeforeARestartIsNotJudgedAgainWhenItsPostsComeAgainAfterIt() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness()) {
            for (int minute = 0; minute < 60; minute++) {
                observe(harness, minute, 10, 2);
            }
            observe(harness, 60, 16, 13);
            observe(harness, 61, 10, 2);
            assertThat(alerts(harness)).as("16 posts in minute 60: too few for the rule").isEmpty();
            snapshot = harness.snapshot(1, EVENING.plusSeconds(61 * 60 + 59).toEpochMilli());
        }
        try (var restored = harness(snapshot)) {
            // after the restart every watermark starts from nothing: posts of minute 60 read again
            // (or late) must not open it again, which would judge 32 negative posts in it
            addNegative(restored, EVENING.plusSeconds(60 * 60 + 30).toEpochMilli(), 32, Long.MIN_VALUE);
            observe(restored, 62, 10, 2);
            restored.processWatermark(new Watermark(EVENING.plusSeconds(63 * 60).toEpochMilli()));

            assertThat(alerts(restored)).isEmpty();
        }
    }

    private static void addNegative(KeyedOneInputStreamOperatorTestHarness<String, Observation, IndexDocument> harness, long at, int count,
            long watermarkWhenAnnotated) throws Exception {
        for (int i = 0; i < count; i++) {
            harness.processElement(new StreamRecord<>(new Observation(Observation.SCOPE_ALL, null, "late-" + i, Sentiment.NEGATIVE, -0.6,
                    at + i, new String[0], null, watermarkWhenAnnotated), at + i));
        }
    }

    private static Observation observation(String author, boolean negative, String text, String originalId, boolean repost, long at) {
        // as BucketStats.shown gives it: a repost under its original's id, naming no author
        NegativePost post = negative ? new NegativePost(new TopPost(originalId, "x", repost ? null : author, text, "en", Instant.ofEpochMilli(at), 0, 100),
                repost) : null;
        return new Observation(Observation.SCOPE_ALL, null, author, negative ? Sentiment.NEGATIVE : Sentiment.NEUTRAL,
                negative ? -0.6 : 0.0, at, new String[0], post, Long.MIN_VALUE);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Observation, IndexDocument> harness() throws Exception {
        return harness(null);
    }

    /** A harness restored from {@code snapshot}, or a fresh one when it is null. */
    private static KeyedOneInputStreamOperatorTestHarness<String, Observation, IndexDocument> harness(OperatorSubtaskState snapshot)
            throws Exception {
        DetectSentimentShifts detect = new DetectSentimentShifts(AlertingSettings.withRules(RULES, "rules.yaml", null), new IndexNames("test"));
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(detect), Observation::seriesKey, Types.STRING);
        if (snapshot != null) {
            harness.initializeState(snapshot);
        }
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
