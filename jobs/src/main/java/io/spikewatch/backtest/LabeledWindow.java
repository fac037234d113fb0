package io.spikewatch.backtest;

import java.time.LocalDateTime;

/** A labeled anomaly window of NAB, both ends included. */
public record LabeledWindow(LocalDateTime start, LocalDateTime end) {

    public LabeledWindow {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("window ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public boolean contains(LocalDateTime timestamp) {
        return !timestamp.isBefore(start) && !timestamp.isAfter(end);
    }
}
