package io.spikewatch.cli;

import io.spikewatch.backtest.NabFiles;
import io.spikewatch.backtest.ScoredRow;
import io.spikewatch.backtest.SeriesRow;
import io.spikewatch.backtest.SpikeBacktest;
import io.spikewatch.spikes.SpikeKind;
import io.spikewatch.spikes.VolumeScore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The production spike detector over a recorded count series, for backtests. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {
            "Run the spike detector of the monitor job (same code, same defaults) over a count series,",
            "row by row and causally, and write what it would have alerted.",
            "",
            "Input: CSV with a header 'timestamp,value', timestamps like 2015-02-26 21:42:53 (UTC), one row per",
            "bucket in time order; a missing bucket counts as zero. Output: 'timestamp,value,anomaly_score'",
            "with a score in [0, 1] that is 0.5 or more exactly where an episode starts (an alert), below",
            "0.5 elsewhere, as 'eval spikes' and the Numenta Anomaly Benchmark read it."})
public final class DetectCommand implements Callable<Integer> {

    enum Direction { up, down, both }

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "SERIES.csv", description = "The count series.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "SCORED.csv", description = "Where to write the scores.")
    Path out;

    @Option(names = "--bucket", paramLabel = "DURATION",
            description = "Bucket width, ISO-8601 such as PT5M (default: the smallest step between rows).")
    Duration bucket;

    @Option(names = "--alert-on", defaultValue = "both", paramLabel = "DIRECTION",
            description = "Which episodes alert: up (volume spikes), down (flatlines) or both (default: ${DEFAULT-VALUE}).")
    Direction direction;

    @Override
    public Integer call() {
        List<SeriesRow> rows = NabFiles.readSeries(in);
        Duration width;
        try {
            width = bucket != null ? bucket : SpikeBacktest.bucketWidth(rows);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(in + ": " + e.getMessage(), e);
        }
        Set<SpikeKind> alerting = switch (direction) {
            case up -> EnumSet.of(SpikeKind.VOLUME);
            case down -> EnumSet.of(SpikeKind.FLATLINE);
            case both -> EnumSet.of(SpikeKind.VOLUME, SpikeKind.FLATLINE);
        };
        List<ScoredRow> scored;
        try {
            scored = SpikeBacktest.withDefaults(width, alerting).run(rows);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(in + ": " + e.getMessage(), e);
        }
        NabFiles.writeScored(out, scored);
        long alerts = scored.stream().filter(r -> r.anomalyScore() >= VolumeScore.ALERT_SCORE).count();
        spec.commandLine().getOut().printf("%s: %d rows, bucket %s, %d alerts -> %s%n", in.getFileName(), rows.size(), width, alerts, out);
        return 0;
    }
}
