package io.spikewatch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class IndexDocumentSerializerTest {

    private final IndexDocumentSerializer serializer = new IndexDocumentSerializer();

    @Test
    void bufferedDocumentsSurviveACheckpointRoundTripWithTheirOperation() throws Exception {
        IndexDocument a = new IndexDocument("spikewatch-posts", "p-1", "{\"text\":\"DDoS? ümlaut\"}".getBytes(StandardCharsets.UTF_8));
        IndexDocument b = new IndexDocument("spikewatch-metrics", "all|2024-08-12T23:59", new byte[0]);
        IndexDocument c = IndexDocument.createIfAbsent("spikewatch-posts", "p-2", "{\"annotation\":{\"status\":\"pending\"}}"
                .getBytes(StandardCharsets.UTF_8));
        BufferedRequestState<IndexDocument> state = new BufferedRequestState<>(List.of(
                new RequestEntryWrapper<>(a, 120), new RequestEntryWrapper<>(b, 60), new RequestEntryWrapper<>(c, 90)));

        BufferedRequestState<IndexDocument> copy =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

        assertThat(copy.getBufferedRequestEntries()).extracting(RequestEntryWrapper::getRequestEntry).containsExactly(a, b, c);
        assertThat(copy.getBufferedRequestEntries()).extracting(e -> e.getRequestEntry().operation())
                .containsExactly(IndexOperation.INDEX, IndexOperation.INDEX, IndexOperation.CREATE_IF_ABSENT);
        assertThat(copy.getBufferedRequestEntries()).extracting(RequestEntryWrapper::getSize).containsExactly(120L, 60L, 90L);
    }

    @Test
    void aCheckpointOfTheFirstLayoutIsReadWithEveryDocumentAnIndex() throws Exception {
        IndexDocument a = new IndexDocument("spikewatch-posts", "p-1", "{\"text\":\"old\"}".getBytes(StandardCharsets.UTF_8));
        IndexDocument b = new IndexDocument("spikewatch-statements", "s-1", "{}".getBytes(StandardCharsets.UTF_8));
        byte[] written = new IndexDocumentSerializer.WithoutOperation().serialize(new BufferedRequestState<>(List.of(
                new RequestEntryWrapper<>(a, 40), new RequestEntryWrapper<>(b, 30))));

        BufferedRequestState<IndexDocument> read = serializer.deserialize(IndexDocumentSerializer.VERSION_WITHOUT_OPERATION, written);

        assertThat(read.getBufferedRequestEntries()).extracting(RequestEntryWrapper::getRequestEntry).containsExactly(a, b);
    }

    @Test
    void anUnknownVersionIsRefusedNamingIt() {
        assertThatThrownBy(() -> serializer.deserialize(7, new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 7");
    }

    @Test
    void anOperationIsPartOfADocumentsIdentity() {
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(IndexDocument.createIfAbsent("i", "1", json)).isNotEqualTo(new IndexDocument("i", "1", json));
        assertThat(IndexDocument.createIfAbsent("i", "1", json).toString()).contains("CREATE_IF_ABSENT");
    }
}
