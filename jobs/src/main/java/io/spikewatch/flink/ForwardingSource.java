package io.spikewatch.flink;

import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A source that is the one it wraps in everything but its reader: the base of wrappers that watch
 * or disturb what a reader emits (recording emission times, injecting a failure) while splits,
 * enumeration and checkpoints stay the wrapped source's. Subclasses create the reader, usually a
 * {@link ForwardingSourceReader} around {@code delegate.createReader(context)}.
 */
public abstract class ForwardingSource<T, SplitT extends SourceSplit, EnumT> implements Source<T, SplitT, EnumT> {

    private static final long serialVersionUID = 1L;

    protected final Source<T, SplitT, EnumT> delegate;

    protected ForwardingSource(Source<T, SplitT, EnumT> delegate) {
        this.delegate = delegate;
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
}
