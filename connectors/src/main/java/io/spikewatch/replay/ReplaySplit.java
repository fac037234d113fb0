package io.spikewatch.replay;

import java.util.List;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * The one split of a replay: all its files, read together so that records come out merged in
 * event-time order, with how far each file has been read.
 */
public record ReplaySplit(List<FileCursor> cursors) implements SourceSplit {

    public static final String ID = "ndjson-replay";

    public ReplaySplit {
        cursors = List.copyOf(cursors);
    }

    @Override
    public String splitId() {
        return ID;
    }
}
