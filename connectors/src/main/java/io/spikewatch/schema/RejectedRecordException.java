package io.spikewatch.schema;

/** A record that cannot be read; the message says why, in words a person can act on. */
public class RejectedRecordException extends Exception {

    private final String recordId;

    public RejectedRecordException(String reason, String recordId) {
        super(reason);
        this.recordId = recordId;
    }

    /** The record's id when it could be read before the failure, else null. */
    public String recordId() {
        return recordId;
    }

    /** The dead letter that keeps this record, its source and the reason. */
    public DeadLetter toDeadLetter(RawRecord raw) {
        return DeadLetter.of(DeadLetter.STAGE_PARSE, raw.source(), raw.location(), raw.text(), getMessage(), recordId);
    }
}
