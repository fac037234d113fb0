package io.spikewatch.formats;

import io.spikewatch.schema.InputDocument;
import io.spikewatch.schema.RawRecord;
import io.spikewatch.schema.RejectedRecordException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps one record of a platform's own format into our schema.
 *
 * <p>One record may hold several documents (an X API v2 response whose {@code data} is an array,
 * an RSS feed with many items) or none: an event that is valid but not a post (a Bluesky like or
 * delete) maps to an empty list and is counted in {@link #skipped()}, never dead-lettered.
 *
 * <p>A record that cannot be mapped throws {@link RejectedRecordException} with a reason naming
 * the field; a record holding several documents is rejected as a whole when one of them cannot be
 * mapped (the reason names the item), so its dead letter keeps the raw record exactly as it came.
 *
 * <p>Implementations keep only their skip counters as state and are safe to share between threads.
 */
public interface FormatAdapter {

    /** The name {@link FormatAdapters#named(String)} knows this adapter by. */
    String name();

    /** The documents the record holds, in the order they appear in it. */
    List<InputDocument> map(RawRecord raw) throws RejectedRecordException;

    /**
     * True when a file of this format holds one record a line, so it can be replayed from a file;
     * false for a format whose record spans lines (a press feed is one XML document).
     */
    default boolean oneRecordPerLine() {
        return true;
    }

    /**
     * The event time by which a source orders, paces and watermarks the record before it is
     * parsed: the earliest of its documents' times, or empty when the record cannot be mapped or
     * holds no document (it then keeps the time of the record before it, and the parse step
     * dead-letters or skips it). Formats with a cheaper way to read the time override this.
     */
    default Optional<Instant> eventTime(RawRecord raw) {
        try {
            return map(raw).stream().map(InputDocument::eventTime).min(Comparator.naturalOrder());
        } catch (RejectedRecordException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Records seen so far that were valid but held nothing to map, per reason (such as
     * {@code commit:delete} or {@code identity}); empty for formats where every record is a document.
     */
    default Map<String, Long> skipped() {
        return Map.of();
    }
}
