package io.spikewatch.replay;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands the replay's single split to the first reader that asks, and tells every other reader
 * there is nothing for it. A split given back after a failure is handed out again.
 */
final class ReplayEnumerator implements SplitEnumerator<ReplaySplit, List<ReplaySplit>> {

    private final SplitEnumeratorContext<ReplaySplit> context;
    private final List<ReplaySplit> unassigned;

    ReplayEnumerator(SplitEnumeratorContext<ReplaySplit> context, List<ReplaySplit> unassigned) {
        this.context = context;
        this.unassigned = new ArrayList<>(unassigned);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        if (!unassigned.isEmpty()) {
            context.assignSplit(unassigned.remove(0), subtaskId);
        }
        context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public void addSplitsBack(List<ReplaySplit> splits, int subtaskId) {
        unassigned.addAll(splits);
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public List<ReplaySplit> snapshotState(long checkpointId) {
        return List.copyOf(unassigned);
    }

    @Override
    public void close() {}
}
