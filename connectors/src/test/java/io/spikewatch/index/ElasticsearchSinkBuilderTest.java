package io.spikewatch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class ElasticsearchSinkBuilderTest {

    private static ElasticsearchSinkBuilder<String> complete() {
        return ElasticsearchSink.<String>builder()
                .setConnection(ElasticsearchConnection.of("http://127.0.0.1:9200"))
                .setConverter(s -> new IndexDocument("spikewatch-posts", s, s.getBytes(StandardCharsets.UTF_8)))
                .setDeadLetterIndex("spikewatch-deadletters");
    }

    @Test
    void buildsWithDefaults() {
        ElasticsearchSink<String> sink = complete().build();
        assertThat(sink.deadLetterIndex()).isEqualTo("spikewatch-deadletters");
        assertThat(sink.retryPolicy()).isEqualTo(new RetryPolicy(ElasticsearchSinkBuilder.DEFAULT_INITIAL_BACKOFF,
                ElasticsearchSinkBuilder.DEFAULT_MAX_BACKOFF, ElasticsearchSinkBuilder.DEFAULT_MAX_RETRY_TIME));
    }

    @Test
    void theSinkIsSerializable() throws Exception {
        ElasticsearchSink<String> copy = InstantiationUtil.clone(complete().build());
        assertThat(copy.connection()).isEqualTo(ElasticsearchConnection.of("http://127.0.0.1:9200"));
    }

    @Test
    void settersNameTheBadSetting() {
        assertThatThrownBy(() -> complete().setMaxBatchSize(0)).hasMessage("maxBatchSize must be positive, got 0");
        assertThatThrownBy(() -> complete().setMaxBufferedRequests(-1)).hasMessageContaining("maxBufferedRequests");
        assertThatThrownBy(() -> complete().setMaxInFlightRequests(0)).hasMessageContaining("maxInFlightRequests");
        assertThatThrownBy(() -> complete().setMaxBatchSizeInBytes(0)).hasMessageContaining("maxBatchSizeInBytes");
        assertThatThrownBy(() -> complete().setMaxTimeInBuffer(Duration.ZERO)).hasMessageContaining("maxTimeInBuffer");
        assertThatThrownBy(() -> complete().setInitialBackoff(Duration.ofMillis(-5))).hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> complete().setMaxBackoff(null)).hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> complete().setMaxRetryTime(Duration.ZERO)).hasMessageContaining("maxRetryTime");
        assertThatThrownBy(() -> complete().setDeadLetterIndex(" ")).hasMessageContaining("deadLetterIndex");
        assertThatThrownBy(() -> complete().setDeadLetterIndex("Dead")).hasMessageContaining("lowercase");
    }

    @Test
    void buildChecksThatTheSettingsFitTogether() {
        assertThatThrownBy(() -> complete().setMaxBatchSize(100).setMaxBufferedRequests(100).build())
                .hasMessageContaining("maxBufferedRequests (100) must be greater than maxBatchSize (100)");
        assertThatThrownBy(() -> complete().setInitialBackoff(Duration.ofSeconds(30)).setMaxBackoff(Duration.ofSeconds(1)).build())
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> complete().setMaxBatchSizeInBytes(10).setMaxRecordSizeInBytes(20).build())
                .hasMessageContaining("maxBatchSizeInBytes (10) must be at least maxRecordSizeInBytes (20)");
        assertThatThrownBy(() -> ElasticsearchSink.<String>builder().build()).hasMessageContaining("connection is required");
    }

    @Test
    void flinksRequestTimeoutOutlastsTheRetryCycle() {
        ElasticsearchConnection connection = ElasticsearchConnection.of("http://127.0.0.1:9200");
        RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofMinutes(5));
        assertThat(ElasticsearchSink.requestTimeout(connection, policy))
                .isGreaterThan(policy.maxRetryTime().plus(policy.maxBackoff()).plus(connection.socketTimeout()));
    }
}
