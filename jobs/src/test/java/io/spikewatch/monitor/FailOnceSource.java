package io.spikewatch.monitor;

import io.spikewatch.schema.RawRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A source that behaves like the one it wraps, except that its reader fails once, the first time
 * it has emitted {@code failAfter} records after at least one checkpoint completed: a task crash in
 * the middle of the stream, so the job restarts from that checkpoint. For tests in one JVM.
 */
final class FailOnceSource<SplitT extends SourceSplit, EnumT> implements Source<RawRecord, SplitT, EnumT> {

    static final AtomicBoolean FAILED = new AtomicBoolean();

    private final Source<RawRecord, SplitT, EnumT> delegate;
    private final int failAfter;

    FailOnceSource(Source<RawRecord, SplitT, EnumT> delegate, int failAfter) {
        this.delegate = delegate;
        this.failAfter = failAfter;
    }

    @Override
    public Boundedness getBoundedness() {
        return delegate.getBoundedness();
    }

    @Override
    public SplitEnumerator<SplitT, EnumT> createEnumerator(SplitEnumeratorContext<SplitT> context) throws Exception {
        return delegate.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<SplitT, EnumT> restoreEnumerator(SplitEnumeratorContext<SplitT> context, EnumT checkpoint) throws Exception {
        return delegate.restoreEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<SplitT> getSplitSerializer() {
        return delegate.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<EnumT> getEnumeratorCheckpointSerializer() {
        return delegate.getEnumeratorCheckpointSerializer();
    }

    @Override
    public SourceReader<RawRecord, SplitT> createReader(SourceReaderContext context) throws Exception {
        SourceReader<RawRecord, SplitT> reader = delegate.createReader(context);
        return new SourceReader<>() {
            private int emitted;
            private boolean checkpointed;

            @Override
            public void start() {
                reader.start();
            }

            @Override
            public InputStatus pollNext(ReaderOutput<RawRecord> output) throws Exception {
                InputStatus status = reader.pollNext(output);
                if (status == InputStatus.MORE_AVAILABLE && ++emitted >= failAfter && checkpointed && FAILED.compareAndSet(false, true)) {
                    throw new IllegalStateException("injected failure after " + emitted + " records");
                }
                return status;
            }

            @Override
            public List<SplitT> snapshotState(long checkpointId) {
                return reader.snapshotState(checkpointId);
            }

            @Override
            public void notifyCheckpointComplete(long checkpointId) throws Exception {
                checkpointed = true;
                reader.notifyCheckpointComplete(checkpointId);
            }

            @Override
            public CompletableFuture<Void> isAvailable() {
                return reader.isAvailable();
            }

            @Override
            public void addSplits(List<SplitT> splits) {
                reader.addSplits(splits);
            }

            @Override
            public void notifyNoMoreSplits() {
                reader.notifyNoMoreSplits();
            }

            @Override
            public void close() throws Exception {
                reader.close();
            }
        };
    }
}
