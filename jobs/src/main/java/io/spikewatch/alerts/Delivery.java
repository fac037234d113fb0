package io.spikewatch.alerts;

import java.time.Instant;

/**
 * The outcome of delivering one alert to one channel; failed deliveries are kept and indexed
 * with their alert, never dropped.
 *
 * @param attempts how many times sending was tried (0 when the channel is unknown, or when the wait for it
 *     was interrupted before it reported)
 * @param lastError the last failure, null when delivered at the first attempt; never holds a secret
 * @param firstAttemptAt wall-clock time of the first attempt
 * @param finishedAt wall-clock time the delivery was delivered or given up
 */
public record Delivery(String alertId, String channel, int attempts, DeliveryStatus status, String lastError,
        Instant firstAttemptAt, Instant finishedAt) {}
