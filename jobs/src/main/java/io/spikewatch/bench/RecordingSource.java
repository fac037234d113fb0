package io.spikewatch.bench;

import io.spikewatch.schema.RawRecord;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A source that behaves exactly as the one it wraps and notes in an {@link EmissionLog} when it
 * emitted its records (wall clock against event time). The benchmark wraps the alert path's
 * replay with it to learn when each minute closed (the entry is written as the record is handed
 * on, before the operators chained to the source process it): the file is written by the reader's thread
 * and read by the benchmark in the same process (a MiniCluster) or on a shared file system.
 * Meant for a single reader: with several, their entries would interleave in one file.
 */
public final class RecordingSource<SplitT extends SourceSplit, EnumT> implements Source<RawRecord, SplitT, EnumT> {

    private static final long serialVersionUID = 1L;

    private final Source<RawRecord, SplitT, EnumT> delegate;
    private final String logFile;

    public RecordingSource(Source<RawRecord, SplitT, EnumT> delegate, Path logFile) {
        this.delegate = delegate;
        this.logFile = logFile.toString();
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
        return new Reader<>(delegate.createReader(context), new EmissionLog.Writer(Path.of(logFile)));
    }

    private static final class Reader<SplitT extends SourceSplit> implements SourceReader<RawRecord, SplitT> {

        private final SourceReader<RawRecord, SplitT> delegate;
        private final EmissionLog.Writer log;

        Reader(SourceReader<RawRecord, SplitT> delegate, EmissionLog.Writer log) {
            this.delegate = delegate;
            this.log = log;
        }

        @Override
        public void start() {
            delegate.start();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<RawRecord> output) throws Exception {
            return delegate.pollNext(new RecordingOutput(output, log));
        }

        @Override
        public List<SplitT> snapshotState(long checkpointId) {
            return delegate.snapshotState(checkpointId);
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return delegate.isAvailable();
        }

        @Override
        public void addSplits(List<SplitT> splits) {
            delegate.addSplits(splits);
        }

        @Override
        public void notifyNoMoreSplits() {
            delegate.notifyNoMoreSplits();
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            delegate.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void handleSourceEvents(SourceEvent event) {
            delegate.handleSourceEvents(event);
        }

        @Override
        public void pauseOrResumeSplits(Collection<String> toPause, Collection<String> toResume) {
            delegate.pauseOrResumeSplits(toPause, toResume);
        }

        @Override
        public void close() throws Exception {
            try {
                delegate.close();
            } finally {
                log.close();
            }
        }
    }

    /** Passes everything on; a record with a timestamp is noted in the log as it goes out. */
    private record RecordingOutput(ReaderOutput<RawRecord> delegate, EmissionLog.Writer log) implements ReaderOutput<RawRecord> {

        @Override
        public void collect(RawRecord record) {
            delegate.collect(record);
        }

        @Override
        public void collect(RawRecord record, long timestamp) {
            log.emitted(timestamp, System.currentTimeMillis());
            delegate.collect(record, timestamp);
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            delegate.emitWatermark(watermark);
        }

        @Override
        public void markIdle() {
            delegate.markIdle();
        }

        @Override
        public void markActive() {
            delegate.markActive();
        }

        @Override
        public SourceOutput<RawRecord> createOutputForSplit(String splitId) {
            return delegate.createOutputForSplit(splitId);
        }

        @Override
        public void releaseOutputForSplit(String splitId) {
            delegate.releaseOutputForSplit(splitId);
        }
    }
}
