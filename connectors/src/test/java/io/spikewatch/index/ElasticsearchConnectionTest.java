package io.spikewatch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class ElasticsearchConnectionTest {

    @Test
    void parsesSeveralUrlsAndFillsDefaultPorts() {
        ElasticsearchConnection connection = ElasticsearchConnection.of("http://127.0.0.1:9200, https://es.example.org");
        assertThat(connection.urls()).containsExactly(
                URI.create("http://127.0.0.1:9200"), URI.create("https://es.example.org:443"));
        assertThat(connection.describeUrls()).isEqualTo("http://127.0.0.1:9200,https://es.example.org:443");
    }

    @Test
    void aMalformedUrlNamesTheKeyAndTheValue() {
        assertThatThrownBy(() -> ElasticsearchConnection.parse("sink.es.hosts", "localhost:9200"))
                .hasMessage("sink.es.hosts: 'localhost:9200' must start with http:// or https://");
        assertThatThrownBy(() -> ElasticsearchConnection.parse("sink.es.hosts", "http://exa mple:9200"))
                .hasMessageStartingWith("sink.es.hosts: 'http://exa mple:9200' is not a URL");
        assertThatThrownBy(() -> ElasticsearchConnection.of(""))
                .hasMessage("elasticsearch.url: no Elasticsearch URL given");
        assertThatThrownBy(() -> ElasticsearchConnection.of("http://127.0.0.1:9200/es"))
                .hasMessageContaining("has a path");
    }

    @Test
    void credentialsNeverShowUp() {
        assertThatThrownBy(() -> ElasticsearchConnection.of("http://elastic:s3cret@127.0.0.1:9200"))
                .hasMessageNotContaining("s3cret");
        ElasticsearchConnection connection =
                ElasticsearchConnection.of("http://127.0.0.1:9200").withBasicAuth("elastic", "s3cret");
        assertThat(connection.toString()).contains("elastic").doesNotContain("s3cret");
    }

    @Test
    void isSerializableAndImmutable() throws Exception {
        ElasticsearchConnection connection = ElasticsearchConnection.of("http://127.0.0.1:9200");
        ElasticsearchConnection slower = connection.withSocketTimeout(Duration.ofMinutes(2));
        assertThat(connection.socketTimeout()).isEqualTo(ElasticsearchConnection.DEFAULT_SOCKET_TIMEOUT);
        assertThat(InstantiationUtil.clone(slower)).isEqualTo(slower);
        assertThatThrownBy(() -> connection.withConnectTimeout(Duration.ZERO)).hasMessageContaining("connectTimeout");
    }
}
