package io.spikewatch.index;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.spikewatch.schema.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches of documents with the bulk API and sees each batch through to the end.
 *
 * <p>One call of {@link #send} is one in-flight request of the Flink writer; it stays in flight
 * until every document in it is stored or dead-lettered, so a checkpoint waits for it. Within
 * that request:
 *
 * <ul>
 *   <li>each document goes with the bulk action of its {@link IndexOperation}; a
 *       {@link IndexOperation#CREATE_IF_ABSENT} document that finds its id taken is done, not failed;
 *   <li>items that failed for a temporary reason ({@link FailureClassifier}) are sent again,
 *       alone, after an exponential backoff scheduled on {@code scheduler} (never blocking the
 *       task's mailbox thread);
 *   <li>items rejected for good become {@link DeadLetter}s in the dead-letter index, sent in the
 *       next round; a rejected dead letter is logged and counted, never dead-lettered again;
 *   <li>a request that failed as a whole (connection refused, timeout, 5xx) is sent again whole;
 *   <li>past {@link RetryPolicy#maxRetryTime()} the request fails with an
 *       {@link ElasticsearchSinkException} naming the URLs and the last failure, which fails the
 *       job so it restarts from its last checkpoint instead of losing documents.
 * </ul>
 */
final class BulkSender {

    private static final Logger LOG = LoggerFactory.getLogger(BulkSender.class);

    private final ElasticsearchAsyncClient client;
    private final ScheduledExecutorService scheduler;
    private final RetryPolicy retryPolicy;
    private final String deadLetterIndex;
    private final SinkCounters counters;
    private final String urls;
    private final LongSupplier nanoClock;

    BulkSender(
            ElasticsearchAsyncClient client,
            ScheduledExecutorService scheduler,
            RetryPolicy retryPolicy,
            String deadLetterIndex,
            SinkCounters counters,
            String urls,
            LongSupplier nanoClock) {
        this.client = client;
        this.scheduler = scheduler;
        this.retryPolicy = retryPolicy;
        this.deadLetterIndex = deadLetterIndex;
        this.counters = counters;
        this.urls = urls;
        this.nanoClock = nanoClock;
    }

    /** Starts sending {@code documents}; {@code handler} hears the end. */
    void send(List<IndexDocument> documents, ResultHandler<IndexDocument> handler) {
        new Round(documents, handler).send();
    }

    /** The dead letter that keeps a document Elasticsearch rejected for good. */
    static IndexDocument deadLetterFor(IndexDocument rejected, String reason, String deadLetterIndex) {
        DeadLetter letter = DeadLetter.of(
                DeadLetter.STAGE_INDEX, rejected.index(), rejected.id(), rejected.jsonText(), reason, rejected.id());
        return new IndexDocument(deadLetterIndex, letter.id(), DocumentConverters.toJson(letter, deadLetterIndex));
    }

    /** {@code type: reason (caused by type: reason)}, the way a person reads an Elasticsearch error. */
    static String describe(ErrorCause error) {
        if (error == null) {
            return "no error detail";
        }
        StringBuilder text = new StringBuilder().append(error.type()).append(": ").append(error.reason());
        for (ErrorCause cause = error.causedBy(); cause != null; cause = cause.causedBy()) {
            text.append(" (caused by ").append(cause.type()).append(": ").append(cause.reason()).append(')');
        }
        return text.toString();
    }

    /** The rounds of one in-flight request. Rounds run one after another, never concurrently. */
    private final class Round {
        private final ResultHandler<IndexDocument> handler;
        private final long startedNanos = nanoClock.getAsLong();
        private List<IndexDocument> pending;
        private int retries;

        Round(List<IndexDocument> documents, ResultHandler<IndexDocument> handler) {
            this.pending = documents;
            this.handler = handler;
        }

        void send() {
            BulkRequest.Builder request = new BulkRequest.Builder();
            for (IndexDocument document : pending) {
                BinaryData source = BinaryData.of(document.json(), ContentType.APPLICATION_JSON);
                switch (document.operation()) {
                    case INDEX -> request.operations(op -> op.index(index -> index
                            .index(document.index()).id(document.id()).document(source)));
                    case CREATE_IF_ABSENT -> request.operations(op -> op.create(create -> create
                            .index(document.index()).id(document.id()).document(source)));
                }
            }
            try {
                client.bulk(request.build()).whenComplete((response, failure) -> {
                    try {
                        if (failure != null) {
                            onFailure(failure instanceof CompletionException && failure.getCause() != null
                                    ? failure.getCause() : failure);
                        } else {
                            onResponse(response);
                        }
                    } catch (RuntimeException e) {
                        handler.completeExceptionally(e);
                    }
                });
            } catch (RuntimeException e) {
                onFailure(e);
            }
        }

        private void onResponse(BulkResponse response) {
            List<BulkResponseItem> items = response.items();
            if (items.size() != pending.size()) {
                handler.completeExceptionally(new ElasticsearchSinkException("Elasticsearch at " + urls
                        + " answered a bulk of " + pending.size() + " documents with " + items.size() + " items"));
                return;
            }
            List<IndexDocument> next = new ArrayList<>();
            String lastTransient = null;
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                IndexDocument document = pending.get(i);
                ErrorCause error = item.error();
                switch (FailureClassifier.classify(document.operation(), item.status(), error == null ? null : error.type())) {
                    case INDEXED -> counters.documentsIndexed.inc();
                    case ALREADY_PRESENT -> counters.documentsAlreadyPresent.inc();
                    case RETRY -> {
                        counters.documentsRetried.inc();
                        next.add(document);
                        lastTransient = item.status() + " " + describe(error);
                    }
                    case REJECT -> reject(document, item.status() + " " + describe(error), next);
                }
            }
            if (next.isEmpty()) {
                handler.complete();
            } else if (lastTransient == null) {
                pending = next; // only dead letters to write: no reason to wait
                send();
            } else {
                LOG.debug("Retrying {} of {} documents: {}", next.size(), items.size(), lastTransient);
                retryLater(next, lastTransient, null);
            }
        }

        private void reject(IndexDocument document, String reason, List<IndexDocument> next) {
            if (document.index().equals(deadLetterIndex)) {
                counters.deadLettersDropped.inc();
                LOG.error("Dead-letter index {} rejected document {}; it is dropped, its JSON was: {}. Reason: {}",
                        deadLetterIndex, document.id(), document.jsonText(), reason);
                return;
            }
            counters.documentsDeadLettered.inc();
            LOG.warn("Index {} rejected document {}; writing it to {}. Reason: {}",
                    document.index(), document.id(), deadLetterIndex, reason);
            next.add(deadLetterFor(document, reason, deadLetterIndex));
        }

        private void onFailure(Throwable failure) {
            if (!FailureClassifier.isTransient(failure)) {
                handler.completeExceptionally(new ElasticsearchSinkException("Elasticsearch at " + urls
                        + " refused a bulk request of " + pending.size() + " documents: " + failure, failure));
                return;
            }
            counters.bulkRequestsRetried.inc();
            LOG.debug("Bulk request to {} failed, will retry: {}", urls, failure.toString());
            retryLater(pending, failure.toString(), failure);
        }

        private void retryLater(List<IndexDocument> documents, String lastFailure, Throwable cause) {
            pending = documents;
            Duration elapsed = Duration.ofNanos(nanoClock.getAsLong() - startedNanos);
            if (!retryPolicy.mayRetryAfter(elapsed)) {
                handler.completeExceptionally(new ElasticsearchSinkException("Gave up writing " + documents.size()
                        + " documents to Elasticsearch at " + urls + " after " + (retries + 1) + " attempts in "
                        + elapsed.toMillis() + " ms (maxRetryTime " + retryPolicy.maxRetryTime()
                        + "); last failure: " + lastFailure, cause));
                return;
            }
            retries++;
            Duration delay = retryPolicy.jitteredBackoff(retries, ThreadLocalRandom.current()::nextDouble);
            if (retries == 1 || retries % 10 == 0) {
                LOG.warn("Writing {} documents to Elasticsearch at {} failed ({}); retry {} in {} ms",
                        documents.size(), urls, lastFailure, retries, delay.toMillis());
            }
            try {
                scheduler.schedule(this::send, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                handler.completeExceptionally(new ElasticsearchSinkException(
                        "The Elasticsearch sink is closing; " + documents.size() + " documents were not retried", e));
            }
        }
    }
}
