package io.spikewatch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class IndexDocumentSerializerTest {

    @Test
    void bufferedDocumentsSurviveACheckpointRoundTrip() throws Exception {
        IndexDocument a = new IndexDocument("spikewatch-posts", "p-1", "{\"text\":\"DDoS? ümlaut\"}".getBytes(StandardCharsets.UTF_8));
        IndexDocument b = new IndexDocument("spikewatch-metrics", "all|2024-08-12T23:59", new byte[0]);
        IndexDocumentSerializer serializer = new IndexDocumentSerializer();
        BufferedRequestState<IndexDocument> state = new BufferedRequestState<>(List.of(
                new RequestEntryWrapper<>(a, 120), new RequestEntryWrapper<>(b, 60)));

        BufferedRequestState<IndexDocument> copy =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

        assertThat(copy.getBufferedRequestEntries()).extracting(RequestEntryWrapper::getRequestEntry).containsExactly(a, b);
        assertThat(copy.getBufferedRequestEntries()).extracting(RequestEntryWrapper::getSize).containsExactly(120L, 60L);
    }
}
