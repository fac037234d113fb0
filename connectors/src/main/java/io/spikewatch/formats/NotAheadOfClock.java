package io.spikewatch.formats;

import io.spikewatch.schema.InputDocument;
import io.spikewatch.schema.RawRecord;
import io.spikewatch.schema.RejectedRecordException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a record holding a document dated more than {@link #MAX_AHEAD} after the clock of the
 * machine reading it. Nothing is written in the future: such a time is an error in the feed
 * (microseconds read as milliseconds, a wrong zone offset, a typo), and read as event time it
 * would carry its source's watermark past every post still to come, making them all late. The
 * record becomes a dead letter that says so, and its time moves no watermark.
 */
final class NotAheadOfClock implements FormatAdapter {

    /** How far ahead of the reading machine's clock a document's time may be: clock skew, not more. */
    static final Duration MAX_AHEAD = Duration.ofHours(1);

    private final FormatAdapter adapter;
    private final Clock clock;

    NotAheadOfClock(FormatAdapter adapter, Clock clock) {
        this.adapter = adapter;
        this.clock = clock;
    }

    @Override
    public String name() {
        return adapter.name();
    }

    @Override
    public List<InputDocument> map(RawRecord raw) throws RejectedRecordException {
        List<InputDocument> documents = adapter.map(raw);
        Instant latest = latestAllowed();
        for (InputDocument document : documents) {
            if (document.eventTime().isAfter(latest)) {
                throw new RejectedRecordException("time " + document.eventTime() + " is more than " + MAX_AHEAD.toHours()
                        + " h after this machine's clock (" + clock.instant() + "): a time in the future is an error in the feed",
                        document.id());
            }
        }
        return documents;
    }

    @Override
    public Optional<Instant> eventTime(RawRecord raw) {
        return adapter.eventTime(raw).filter(time -> !time.isAfter(latestAllowed()));
    }

    @Override
    public boolean oneRecordPerLine() {
        return adapter.oneRecordPerLine();
    }

    @Override
    public Map<String, Long> skipped() {
        return adapter.skipped();
    }

    private Instant latestAllowed() {
        return clock.instant().plus(MAX_AHEAD);
    }
}
