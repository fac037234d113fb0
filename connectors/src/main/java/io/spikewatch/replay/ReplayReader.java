package io.spikewatch.replay;

import io.spikewatch.formats.SourceFormats;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.spikewatch.formats.SourceFormats;
import io.spikewatch.schema.RawRecord;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.Counter;

/**
 * Emits the lines of the replay split in event-time order, each with its event time as the
 * record timestamp. When paced, it never blocks the task thread: a record that is not due yet
 * makes the reader unavailable until a timer says it is.
 */
final class ReplayReader implements SourceReader<RawRecord, ReplaySplit> {

    private final SourceReaderContext context;
    private final ReplaySpeed speed;
    private final SourceFormats formats;
    private final Counter linesEmitted;

    private MergedLineReader lines;
    private boolean noMoreSplits;
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private ScheduledExecutorService timer;
    private Instant firstEventTime;
    private long startNanos;

    ReplayReader(SourceReaderContext context, ReplaySpeed speed, SourceFormats formats) {
        this.context = context;
        this.speed = speed;
        this.formats = formats;
        this.linesEmitted = context.metricGroup().counter("replayLinesEmitted");
    }

    @Override
    public void start() {
        context.sendSplitRequest();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<RawRecord> output) throws IOException {
        if (lines == null) {
            return noMoreSplits ? InputStatus.END_OF_INPUT : waitForSignal();
        }
        MergedLineReader.TimedLine head = lines.peek();
        if (head == null) {
            return noMoreSplits ? InputStatus.END_OF_INPUT : waitForSignal();
        }
        long waitNanos = nanosUntilDue(head.eventTime());
        if (waitNanos > 0) {
            available = new CompletableFuture<>();
            CompletableFuture<Void> due = available;
            timer().schedule(() -> due.complete(null), waitNanos, TimeUnit.NANOSECONDS);
            return InputStatus.NOTHING_AVAILABLE;
        }
        lines.next();
        output.collect(head.record(), head.eventTime().toEpochMilli());
        linesEmitted.inc();
        return InputStatus.MORE_AVAILABLE;
    }

    private long nanosUntilDue(Instant eventTime) {
        if (!speed.isPaced()) {
            return 0;
        }
        if (firstEventTime == null) {
            firstEventTime = eventTime;
            startNanos = System.nanoTime();
        }
        Duration elapsedEventTime = Duration.between(firstEventTime, eventTime);
        if (elapsedEventTime.isNegative()) {
            return 0;
        }
        long dueNanos = startNanos + speed.wallTimeFor(elapsedEventTime).toNanos();
        return dueNanos - System.nanoTime();
    }

    private InputStatus waitForSignal() {
        if (available.isDone()) {
            available = new CompletableFuture<>();
        }
        return InputStatus.NOTHING_AVAILABLE;
    }

    private ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "replay-pacer");
                thread.setDaemon(true);
                return thread;
            });
        }
        return timer;
    }

    @Override
    public List<ReplaySplit> snapshotState(long checkpointId) {
        return lines == null ? List.of() : List.of(new ReplaySplit(lines.cursors()));
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<ReplaySplit> splits) {
        if (splits.size() != 1 || lines != null) {
            throw new IllegalStateException("a replay reader reads exactly one split, got " + splits);
        }
        try {
            lines = new MergedLineReader(splits.get(0).cursors(), formats);
        } catch (IOException e) {
            throw new ReplayException("cannot open replay files " + splits.get(0).cursors(), e);
        }
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public void close() throws IOException {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (lines != null) {
            lines.close();
        }
    }
}
