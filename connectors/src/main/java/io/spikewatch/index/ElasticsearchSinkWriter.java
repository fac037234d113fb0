package io.spikewatch.index;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.DequeRequestBuffer;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.SimpleBatchCreator;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flink side of the sink: Flink's {@link AsyncSinkWriter} buffers, batches and checkpoints
 * {@link IndexDocument}s; each batch goes to a {@link BulkSender}. Owns one asynchronous client
 * and one retry thread per writer, both closed with it.
 */
final class ElasticsearchSinkWriter<T> extends AsyncSinkWriter<T, IndexDocument> {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);

    /** The bulk action line around each document: {"index":{"_index":"…","_id":"…"}} (or "create") and newlines. */
    static final int BULK_ACTION_OVERHEAD_BYTES = 32;

    private final ElasticsearchAsyncClient client;
    private final ScheduledExecutorService retryScheduler;
    private final BulkSender sender;

    ElasticsearchSinkWriter(
            ElementConverter<T, IndexDocument> elementConverter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<IndexDocument>> states,
            ElasticsearchConnection connection,
            RetryPolicy retryPolicy,
            String deadLetterIndex) {
        super(elementConverter, context, configuration, states,
                new SimpleBatchCreator<>(configuration.getMaxBatchSizeInBytes()), new DequeRequestBuffer<>());
        this.client = connection.createAsyncClient();
        this.retryScheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "elasticsearch-sink-retry");
            thread.setDaemon(true);
            return thread;
        });
        this.sender = new BulkSender(client, retryScheduler, retryPolicy, deadLetterIndex,
                new SinkCounters(context.metricGroup()), connection.describeUrls(), System::nanoTime);
    }

    @Override
    protected void submitRequestEntries(List<IndexDocument> documents, ResultHandler<IndexDocument> handler) {
        sender.send(documents, handler);
    }

    @Override
    protected long getSizeInBytes(IndexDocument document) {
        return document.json().length
                + document.index().getBytes(StandardCharsets.UTF_8).length
                + document.id().getBytes(StandardCharsets.UTF_8).length
                + BULK_ACTION_OVERHEAD_BYTES;
    }

    @Override
    public void close() {
        retryScheduler.shutdownNow();
        try {
            client.close();
        } catch (IOException e) {
            LOG.warn("Closing the Elasticsearch client failed", e);
        }
    }
}
