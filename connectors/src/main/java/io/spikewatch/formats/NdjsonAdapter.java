package io.spikewatch.formats;

import io.spikewatch.schema.InputDocument;
import io.spikewatch.schema.RawRecord;
import io.spikewatch.schema.RecordParser;
import io.spikewatch.schema.RejectedRecordException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Our own NDJSON schema (README, "Data formats") through {@link RecordParser}: one document a record. */
public final class NdjsonAdapter implements FormatAdapter {

    public static final String NAME = RawRecord.NDJSON;

    private final RecordParser parser = new RecordParser();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<InputDocument> map(RawRecord raw) throws RejectedRecordException {
        return List.of(parser.parse(raw));
    }

    /** Reads only the time field, without building the document. */
    @Override
    public Optional<Instant> eventTime(RawRecord raw) {
        return parser.peekEventTime(raw.text());
    }
}
