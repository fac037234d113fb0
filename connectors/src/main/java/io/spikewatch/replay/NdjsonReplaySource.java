package io.spikewatch.replay;

import io.spikewatch.formats.FormatAdapters;
import io.spikewatch.formats.SourceFormats;
import io.spikewatch.schema.RawRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Replays line-delimited files (posts, statements, or both; our NDJSON schema or one platform
 * record a line, see {@link SourceFormats}) in event time, for the fixtures and for
 * backfills. All files are read together and merged by event time, so statements and posts
 * interleave as they happened; each record carries its event time as its timestamp. Runs as
 * fast as possible or at N times real time ({@link ReplaySpeed}). Bounded: the job ends when
 * the files do. Its position is checkpointed (lines consumed per file).
 *
 * <pre>{@code
 * NdjsonReplaySource source = NdjsonReplaySource.of(List.of(posts, statements), ReplaySpeed.timesRealTime(60));
 * env.fromSource(source, watermarks, "replay").setParallelism(1);
 * }</pre>
 *
 * <p>The replay is one split read by one reader: run it with parallelism 1 (other readers get
 * nothing and finish at once).
 */
public final class NdjsonReplaySource implements Source<RawRecord, ReplaySplit, List<ReplaySplit>> {

    private static final long serialVersionUID = 1L;

    private final List<String> files;
    private final ReplaySpeed speed;
    private final SourceFormats formats;

    private NdjsonReplaySource(List<String> files, ReplaySpeed speed, SourceFormats formats) {
        this.files = files;
        this.speed = speed;
        this.formats = formats;
    }

    /** A replay of {@code files} in our own NDJSON schema; each must exist and be readable, or the error names it. */
    public static NdjsonReplaySource of(List<Path> files, ReplaySpeed speed) {
        return of(files, speed, SourceFormats.ndjson());
    }

    /**
     * A replay of {@code files}, each in the format {@code formats} gives it (looked up by the path
     * as given), one record a line. Press feeds are whole XML documents, not lines: they are
     * refused here (read them from Kafka, one feed document a message).
     */
    public static NdjsonReplaySource of(List<Path> files, ReplaySpeed speed, SourceFormats formats) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a replay needs at least one input file");
        }
        List<String> paths = new ArrayList<>();
        SourceFormats byAbsolutePath = formats;
        for (Path file : files) {
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                throw new IllegalArgumentException("input file '" + file + "' does not exist or cannot be read");
            }
            String format = formats.formatOf(file.toString());
            if (!FormatAdapters.named(format).oneRecordPerLine()) {
                throw new IllegalArgumentException("input file '" + file + "': the " + format
                        + " format is one XML document a record, not one record a line; read press feeds from Kafka, one feed document a message");
            }
            String path = file.toAbsolutePath().normalize().toString();
            paths.add(path);
            byAbsolutePath = byAbsolutePath.with(path, format);
        }
        return new NdjsonReplaySource(List.copyOf(paths), speed, byAbsolutePath);
    }

    public ReplaySpeed speed() {
        return speed;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<ReplaySplit, List<ReplaySplit>> createEnumerator(SplitEnumeratorContext<ReplaySplit> context) {
        List<FileCursor> cursors = files.stream().map(path -> new FileCursor(path, 0)).toList();
        return new ReplayEnumerator(context, List.of(new ReplaySplit(cursors)));
    }

    @Override
    public SplitEnumerator<ReplaySplit, List<ReplaySplit>> restoreEnumerator(
            SplitEnumeratorContext<ReplaySplit> context, List<ReplaySplit> unassigned) {
        return new ReplayEnumerator(context, unassigned);
    }

    @Override
    public SimpleVersionedSerializer<ReplaySplit> getSplitSerializer() {
        return ReplaySplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<List<ReplaySplit>> getEnumeratorCheckpointSerializer() {
        return new ReplayEnumeratorStateSerializer();
    }

    @Override
    public SourceReader<RawRecord, ReplaySplit> createReader(SourceReaderContext context) {
        return new ReplayReader(context, speed, formats);
    }
}
