package io.spikewatch.bench;

import io.spikewatch.flink.ForwardingSource;
import io.spikewatch.flink.ForwardingSourceReader;
import io.spikewatch.schema.RawRecord;
import java.nio.file.Path;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.InputStatus;

/**
 * A source that behaves exactly as the one it wraps and notes in an {@link EmissionLog} when it
 * emitted its records (wall clock against event time). The benchmark wraps the alert path's
 * replay with it to learn when each minute closed (the entry is written as the record is handed
 * on, before the operators chained to the source process it): the file is written by the reader's thread
 * and read by the benchmark in the same process (a MiniCluster) or on a shared file system.
 * Meant for a single reader: with several, their entries would interleave in one file.
 */
public final class RecordingSource<SplitT extends SourceSplit, EnumT> extends ForwardingSource<RawRecord, SplitT, EnumT> {

    private static final long serialVersionUID = 1L;

    private final String logFile;

    public RecordingSource(Source<RawRecord, SplitT, EnumT> delegate, Path logFile) {
        super(delegate);
        this.logFile = logFile.toString();
    }

    @Override
    public SourceReader<RawRecord, SplitT> createReader(SourceReaderContext context) throws Exception {
        return new Reader<>(delegate.createReader(context), new EmissionLog.Writer(Path.of(logFile)));
    }

    private static final class Reader<SplitT extends SourceSplit> extends ForwardingSourceReader<RawRecord, SplitT> {

        private final EmissionLog.Writer log;

        Reader(SourceReader<RawRecord, SplitT> delegate, EmissionLog.Writer log) {
            super(delegate);
            this.log = log;
        }

        @Override
        public InputStatus pollNext(ReaderOutput<RawRecord> output) throws Exception {
            return delegate.pollNext(new RecordingOutput(output, log));
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
