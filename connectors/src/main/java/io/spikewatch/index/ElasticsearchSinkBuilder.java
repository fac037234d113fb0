package io.spikewatch.index;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link ElasticsearchSink}. Every setter checks its value at once and names the
 * setting in its error; {@link #build()} checks that the settings fit together.
 *
 * @param <T> the element type
 */
public final class ElasticsearchSinkBuilder<T> {

    /** Documents per bulk request. */
    public static final int DEFAULT_MAX_BATCH_SIZE = 500;
    /**
     * Bulk requests in flight at once per writer. One keeps writes to the same id in order (a
     * retried older version never overwrites a newer one), which the metrics index relies on.
     */
    public static final int DEFAULT_MAX_IN_FLIGHT_REQUESTS = 1;
    /** Documents buffered before {@code write} blocks (back-pressure). */
    public static final int DEFAULT_MAX_BUFFERED_REQUESTS = 10_000;
    /** Bytes per bulk request; Elasticsearch advises a few MiB. */
    public static final long DEFAULT_MAX_BATCH_SIZE_IN_BYTES = 5L * 1024 * 1024;
    /** Largest single document; a larger one fails the job. */
    public static final long DEFAULT_MAX_RECORD_SIZE_IN_BYTES = DEFAULT_MAX_BATCH_SIZE_IN_BYTES;
    /** How long a document may wait in the buffer for its batch to fill. */
    public static final Duration DEFAULT_MAX_TIME_IN_BUFFER = Duration.ofSeconds(1);
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);
    /** How long one request keeps retrying before the sink fails the job. */
    public static final Duration DEFAULT_MAX_RETRY_TIME = Duration.ofMinutes(5);

    private DocumentConverter<T> converter;
    private ElasticsearchConnection connection;
    private String deadLetterIndex;
    private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;
    private int maxInFlightRequests = DEFAULT_MAX_IN_FLIGHT_REQUESTS;
    private int maxBufferedRequests = DEFAULT_MAX_BUFFERED_REQUESTS;
    private long maxBatchSizeInBytes = DEFAULT_MAX_BATCH_SIZE_IN_BYTES;
    private long maxRecordSizeInBytes = DEFAULT_MAX_RECORD_SIZE_IN_BYTES;
    private Duration maxTimeInBuffer = DEFAULT_MAX_TIME_IN_BUFFER;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Duration maxRetryTime = DEFAULT_MAX_RETRY_TIME;

    ElasticsearchSinkBuilder() {}

    /** Where to write (required). */
    public ElasticsearchSinkBuilder<T> setConnection(ElasticsearchConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection must not be null");
        return this;
    }

    /** One element to one document (required). */
    public ElasticsearchSinkBuilder<T> setConverter(DocumentConverter<T> converter) {
        this.converter = Objects.requireNonNull(converter, "converter must not be null");
        return this;
    }

    /** Where documents that Elasticsearch rejects for good are kept (required), e.g. {@link IndexNames#deadLetters()}. */
    public ElasticsearchSinkBuilder<T> setDeadLetterIndex(String deadLetterIndex) {
        if (deadLetterIndex == null || deadLetterIndex.isBlank()) {
            throw new IllegalArgumentException("deadLetterIndex must not be empty");
        }
        if (!deadLetterIndex.equals(deadLetterIndex.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("deadLetterIndex '" + deadLetterIndex + "' must be lowercase");
        }
        this.deadLetterIndex = deadLetterIndex;
        return this;
    }

    public ElasticsearchSinkBuilder<T> setMaxBatchSize(int maxBatchSize) {
        this.maxBatchSize = positive("maxBatchSize", maxBatchSize);
        return this;
    }

    public ElasticsearchSinkBuilder<T> setMaxInFlightRequests(int maxInFlightRequests) {
        this.maxInFlightRequests = positive("maxInFlightRequests", maxInFlightRequests);
        return this;
    }

    public ElasticsearchSinkBuilder<T> setMaxBufferedRequests(int maxBufferedRequests) {
        this.maxBufferedRequests = positive("maxBufferedRequests", maxBufferedRequests);
        return this;
    }

    public ElasticsearchSinkBuilder<T> setMaxBatchSizeInBytes(long maxBatchSizeInBytes) {
        this.maxBatchSizeInBytes = positive("maxBatchSizeInBytes", maxBatchSizeInBytes);
        return this;
    }

    public ElasticsearchSinkBuilder<T> setMaxRecordSizeInBytes(long maxRecordSizeInBytes) {
        this.maxRecordSizeInBytes = positive("maxRecordSizeInBytes", maxRecordSizeInBytes);
        return this;
    }

    public ElasticsearchSinkBuilder<T> setMaxTimeInBuffer(Duration maxTimeInBuffer) {
        this.maxTimeInBuffer = positive("maxTimeInBuffer", maxTimeInBuffer);
        return this;
    }

    public ElasticsearchSinkBuilder<T> setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = positive("initialBackoff", initialBackoff);
        return this;
    }

    public ElasticsearchSinkBuilder<T> setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = positive("maxBackoff", maxBackoff);
        return this;
    }

    public ElasticsearchSinkBuilder<T> setMaxRetryTime(Duration maxRetryTime) {
        this.maxRetryTime = positive("maxRetryTime", maxRetryTime);
        return this;
    }

    public ElasticsearchSink<T> build() {
        require(connection != null, "connection is required (setConnection)");
        require(converter != null, "converter is required (setConverter)");
        require(deadLetterIndex != null, "deadLetterIndex is required (setDeadLetterIndex)");
        require(maxBufferedRequests > maxBatchSize, "maxBufferedRequests (" + maxBufferedRequests
                + ") must be greater than maxBatchSize (" + maxBatchSize + ")");
        require(maxBatchSizeInBytes >= maxRecordSizeInBytes, "maxBatchSizeInBytes (" + maxBatchSizeInBytes
                + ") must be at least maxRecordSizeInBytes (" + maxRecordSizeInBytes + ")");
        RetryPolicy retryPolicy = new RetryPolicy(initialBackoff, maxBackoff, maxRetryTime);
        return new ElasticsearchSink<>(converter, connection, deadLetterIndex, retryPolicy, maxBatchSize,
                maxInFlightRequests, maxBufferedRequests, maxBatchSizeInBytes, maxTimeInBuffer, maxRecordSizeInBytes);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static int positive(String setting, int value) {
        require(value > 0, setting + " must be positive, got " + value);
        return value;
    }

    private static long positive(String setting, long value) {
        require(value > 0, setting + " must be positive, got " + value);
        return value;
    }

    private static Duration positive(String setting, Duration value) {
        return RetryPolicy.requirePositive(setting, value);
    }
}
