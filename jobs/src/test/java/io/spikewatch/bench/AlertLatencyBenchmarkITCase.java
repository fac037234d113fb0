package io.spikewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.monitor.MonitorSettings;
import io.spikewatch.testing.LocalElasticsearch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert-latency benchmark, small, end to end: the real monitor job on an embedded cluster
 * with CoreNLP and the tests' Elasticsearch, its alerts posted to the benchmark's own HTTP
 * endpoint. The capacity is given instead of measured, so the input is small: a surge of 100
 * posts a minute at 60x real time (the baseline a tenth of it).
 */
class AlertLatencyBenchmarkITCase {

    private static final double CAPACITY = 10;
    private static final double SPEED = 60;

    private final LocalElasticsearch elasticsearch = LocalElasticsearch.get();

    @TempDir
    Path dir;

    @Test
    void everySurgeIsAlertedAtTheWebhookAndItsLatencyMeasured() throws Exception {
        StringWriter printed = new StringWriter();
        List<AlertLatencyResult> results = AlertLatencyBenchmark.builder()
                .connection(elasticsearch.connection())
                .indices(elasticsearch.uniqueNames())
                .workDir(dir)
                .annotator(AnnotatorConfig.defaults())
                .capacity(CAPACITY)
                .speed(SPEED)
                .build(new PrintWriter(printed, true))
                .run();

        assertThat(results).extracting(AlertLatencyResult::name).containsExactly("baseline", "overload");
        assertThat(results).extracting(AlertLatencyResult::capacityMultiple).containsExactly(1.0, 10.0);
        Duration watermarkWait = Duration.ofMillis((long) (MonitorSettings.DEFAULT_ALERT_OUT_OF_ORDERNESS.toMillis() / SPEED));
        for (AlertLatencyResult result : results) {
            assertThat(result.rejected()).isEmpty();
            assertThat(result.alerts()).as(result.name() + ": one alert per surge").hasSize(result.expectedAlerts());
            assertThat(result.alerts()).extracting(AlertLatency::spikeStart)
                    .containsExactlyElementsOf(SurgeProfile.forSurgeRate(CAPACITY * 10, SPEED).surgeStarts());
            for (AlertLatency alert : result.alerts()) {
                assertThat(alert.latency()).as("a minute is alerted only after the watermark passed it")
                        .isGreaterThanOrEqualTo(watermarkWait).isLessThan(Duration.ofMinutes(1));
                assertThat(alert.onPace()).isGreaterThanOrEqualTo(alert.latency().minusSeconds(1));
                assertThat(alert.annotationLag()).isGreaterThanOrEqualTo(Duration.ZERO);
            }
            assertThat(result.latency().count()).isEqualTo(result.expectedAlerts());
            Instant lastSurge = SurgeProfile.forSurgeRate(CAPACITY * 10, SPEED).surgeStarts().get(2);
            assertThat(result.shifts()).as(result.name() + ": the last surge's negative posts are one sentiment shift")
                    .extracting(AlertLatency::spikeStart).containsExactly(lastSurge);
            assertThat(result.shifts().get(0).latency()).isGreaterThanOrEqualTo(watermarkWait);
            assertThat(result.annotated().posts()).isPositive();
            assertThat(result.freshness().searchable().count()).as(result.name() + ": posts searchable as they were read").isPositive();
            assertThat(result.freshness().searchable().median()).as(result.name() + ": pending posts do not wait for NLP")
                    .isLessThan(Duration.ofSeconds(30));
        }
        assertThat(printed.toString()).contains("latency").contains("baseline").contains("overload").contains("3/3")
                .contains("read to searchable").contains("Negative sentiment shift in the last surge");
    }
}
