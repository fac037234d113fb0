package io.spikewatch.backtest;

import java.time.LocalDateTime;

/** One row of a NAB series: {@code timestamp,value}. */
public record SeriesRow(LocalDateTime timestamp, double value) {}
