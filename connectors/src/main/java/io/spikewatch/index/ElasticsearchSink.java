package io.spikewatch.index;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Flink sink that indexes each element as one Elasticsearch document, with the bulk API.
 *
 * <p>Delivery is at least once and, because every document has its record's own id, replays and
 * retries overwrite instead of duplicating. Documents buffered at a checkpoint are stored in it;
 * in-flight bulk requests are finished before the checkpoint completes. See {@link BulkSender} for
 * what happens to failures, and {@link ElasticsearchSinkBuilder} for the settings.
 *
 * <pre>{@code
 * ElasticsearchSink<Post> sink = ElasticsearchSink.<Post>builder()
 *         .setConnection(ElasticsearchConnection.of("http://127.0.0.1:9200"))
 *         .setConverter(post -> new IndexDocument(names.posts(), post.id(), json(post)))
 *         .setDeadLetterIndex(names.deadLetters())
 *         .build();
 * stream.sinkTo(sink);
 * }</pre>
 *
 * @param <T> the element type
 */
public final class ElasticsearchSink<T> extends AsyncSinkBase<T, IndexDocument> {

    private static final long serialVersionUID = 1L;

    private final ElasticsearchConnection connection;
    private final RetryPolicy retryPolicy;
    private final String deadLetterIndex;

    ElasticsearchSink(
            DocumentConverter<T> converter,
            ElasticsearchConnection connection,
            String deadLetterIndex,
            RetryPolicy retryPolicy,
            int maxBatchSize,
            int maxInFlightRequests,
            int maxBufferedRequests,
            long maxBatchSizeInBytes,
            Duration maxTimeInBuffer,
            long maxRecordSizeInBytes) {
        super(elementConverter(converter),
                maxBatchSize,
                maxInFlightRequests,
                maxBufferedRequests,
                maxBatchSizeInBytes,
                maxTimeInBuffer.toMillis(),
                maxRecordSizeInBytes,
                requestTimeout(connection, retryPolicy).toMillis(),
                false);
        this.connection = Objects.requireNonNull(connection, "connection");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.deadLetterIndex = Objects.requireNonNull(deadLetterIndex, "deadLetterIndex");
    }

    public static <T> ElasticsearchSinkBuilder<T> builder() {
        return new ElasticsearchSinkBuilder<>();
    }

    /**
     * How long Flink lets one request stay in flight before it re-queues the batch: longer than
     * any retry cycle of {@link BulkSender}, which ends the request itself, so the Flink timeout
     * only fires if something is truly stuck.
     */
    static Duration requestTimeout(ElasticsearchConnection connection, RetryPolicy retryPolicy) {
        return retryPolicy.maxRetryTime()
                .plus(retryPolicy.maxBackoff())
                .plus(connection.socketTimeout().multipliedBy(2))
                .plus(connection.connectTimeout());
    }

    private static <T> ElementConverter<T, IndexDocument> elementConverter(DocumentConverter<T> converter) {
        Objects.requireNonNull(converter, "converter");
        return (element, context) -> {
            IndexDocument document = converter.convert(element);
            if (document == null) {
                throw new IllegalStateException("the document converter returned null for " + element);
            }
            return document;
        };
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<IndexDocument>> createWriter(WriterInitContext context)
            throws IOException {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<IndexDocument>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<IndexDocument>> recoveredState)
            throws IOException {
        AsyncSinkWriterConfiguration configuration = AsyncSinkWriterConfiguration.builder()
                .setMaxBatchSize(getMaxBatchSize())
                .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                .setMaxInFlightRequests(getMaxInFlightRequests())
                .setMaxBufferedRequests(getMaxBufferedRequests())
                .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                .setRequestTimeoutMS(getRequestTimeoutMS())
                .setFailOnTimeout(getFailOnTimeout())
                .build();
        return new ElasticsearchSinkWriter<>(getElementConverter(), context, configuration, recoveredState,
                connection, retryPolicy, deadLetterIndex);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<IndexDocument>> getWriterStateSerializer() {
        return new IndexDocumentSerializer();
    }

    public ElasticsearchConnection connection() {
        return connection;
    }

    public String deadLetterIndex() {
        return deadLetterIndex;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }
}
