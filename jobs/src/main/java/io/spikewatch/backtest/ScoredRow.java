package io.spikewatch.backtest;

import java.time.LocalDateTime;

/**
 * One row of a scored series, as NAB reads it.
 *
 * @param anomalyScore in [0, 1]; at or above the alert threshold means "would alert" at this row
 */
public record ScoredRow(LocalDateTime timestamp, double value, double anomalyScore) {}
