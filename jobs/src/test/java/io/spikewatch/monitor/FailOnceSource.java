package io.spikewatch.monitor;

import io.spikewatch.flink.ForwardingSource;
import io.spikewatch.flink.ForwardingSourceReader;
import io.spikewatch.schema.RawRecord;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.InputStatus;

/**
 * A source that behaves like the one it wraps, except that its reader fails once, the first time
 * it has emitted {@code failAfter} records after at least one checkpoint completed and while
 * {@link #ARMED}: a task crash in the middle of the stream, so the job restarts from that
 * checkpoint. For tests in one JVM; a test may disarm it until the moment it wants the crash.
 */
final class FailOnceSource<SplitT extends SourceSplit, EnumT> extends ForwardingSource<RawRecord, SplitT, EnumT> {

    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicBoolean ARMED = new AtomicBoolean(true);

    private final int failAfter;

    FailOnceSource(Source<RawRecord, SplitT, EnumT> delegate, int failAfter) {
        super(delegate);
        this.failAfter = failAfter;
    }

    @Override
    public SourceReader<RawRecord, SplitT> createReader(SourceReaderContext context) throws Exception {
        return new ForwardingSourceReader<>(delegate.createReader(context)) {
            private int emitted;
            private boolean checkpointed;

            @Override
            public InputStatus pollNext(ReaderOutput<RawRecord> output) throws Exception {
                InputStatus status = delegate.pollNext(output);
                if (status == InputStatus.MORE_AVAILABLE && ++emitted >= failAfter && checkpointed && ARMED.get() && FAILED.compareAndSet(false, true)) {
                    throw new IllegalStateException("injected failure after " + emitted + " records");
                }
                return status;
            }

            @Override
            public void notifyCheckpointComplete(long checkpointId) throws Exception {
                checkpointed = true;
                delegate.notifyCheckpointComplete(checkpointId);
            }
        };
    }
}
