package io.spikewatch.backtest;

import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.fixtures.Scenario;
import io.spikewatch.fixtures.ScenarioGenerator;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seed scenario drawn with several seeds, each scored by {@link ScenarioEvaluation} from a cold
 * start: whether the volume detector's defaults hold on data they were not chosen on, or only on
 * the one draw the demo shows. Plain Java; {@code bin/spikewatch eval scenario} prints it.
 */
public final class ScenarioSweep {

    /** One seed's scenario and its score. */
    public record Run(long seed, ScenarioReport report) {}

    private final TrackedEntities tracked;
    private final Duration bucketWidth;
    private final Duration maxDelay;

    public ScenarioSweep(TrackedEntities tracked, Duration bucketWidth, Duration maxDelay) {
        this.tracked = tracked;
        this.bucketWidth = bucketWidth;
        this.maxDelay = maxDelay;
    }

    /** Generates and scores the scenario of each seed, {@code posts} posts each. */
    public List<Run> run(List<Long> seeds, int posts) {
        ScenarioEvaluation evaluation = ScenarioEvaluation.withDefaults(bucketWidth, maxDelay);
        ScenarioCounts counts = new ScenarioCounts(tracked, bucketWidth, Duration.ofDays(1));
        List<Run> runs = new ArrayList<>();
        for (long seed : seeds) {
            Scenario scenario = ScenarioGenerator.builder().seed(seed).targetPosts(posts).build().generate();
            List<CountStream> streams = counts.streams(ScenarioCounts.posts(scenario.postLines()));
            runs.add(new Run(seed, evaluation.evaluate(streams, scenario.labels())));
        }
        return runs;
    }

    /**
     * One line per labelled volume window with its delay in minutes under each seed ("-" when
     * missed), then one line per seed: windows within the allowed delay, later, missed, and the
     * false starts with their series and time.
     */
    public void print(List<Run> runs, PrintWriter out, ZoneId zone) {
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        Map<String, List<String>> delays = new LinkedHashMap<>();
        for (Run run : runs) {
            for (ScenarioReport.Window window : run.report().windows()) {
                String key = String.format(Locale.ROOT, "%-16s %-26s", minute.format(window.start()), window.seriesKey());
                delays.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(window.delay() == null ? "-" : Long.toString(window.delay().toMinutes()));
            }
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-16s %-26s", "window start", "series"));
        runs.forEach(run -> header.append(String.format(Locale.ROOT, " %9s", run.seed())));
        out.println(header + "   (minutes from the window's start to the first alert; - missed)");
        delays.forEach((key, row) -> {
            StringBuilder line = new StringBuilder(key);
            row.forEach(delay -> line.append(String.format(Locale.ROOT, " %9s", delay)));
            out.println(line);
        });
        out.println();
        for (Run run : runs) {
            List<ScenarioReport.Window> windows = run.report().windows();
            long hits = run.report().hits();
            long missed = windows.stream().filter(w -> w.delay() == null).count();
            List<String> falseStarts = run.report().falseStarts().stream()
                    .map(s -> s.seriesKey() + " " + minute.format(s.raisedAt())).toList();
            out.printf(Locale.ROOT, "seed %-9d %2d of %d within %d min, %d later, %d missed; %d false start(s)%s%n", run.seed(), hits,
                    windows.size(), maxDelay.toMinutes(), windows.size() - hits - missed, missed, falseStarts.size(),
                    falseStarts.isEmpty() ? "" : ": " + String.join(", ", falseStarts));
        }
        out.flush();
    }
}
