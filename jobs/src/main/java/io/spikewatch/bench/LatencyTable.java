package io.spikewatch.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The benchmark's results as fixed-width text: one summary row per run, then every alert. */
public final class LatencyTable {

    private static final String ROW = "%-9s %-15s %-6s | %-24s | %-15s | %-8s | %-15s | %s%n";

    private LatencyTable() {}

    public static String summary(List<AlertLatencyResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, ROW, "run", "surge input", "alerts", "latency", "on the pace", "pipeline",
                "annotation", "source behind"));
        sb.append(String.format(Locale.ROOT, ROW, "", "posts/s (x cap)", "", "median / p90 / max", "median / max", "median",
                "behind (event)", "the pace, max"));
        for (AlertLatencyResult r : results) {
            LatencyStats latency = r.latency();
            LatencyStats onPace = r.onPace();
            LatencyStats lag = r.annotationLag();
            sb.append(String.format(Locale.ROOT, ROW,
                    r.name(),
                    String.format(Locale.ROOT, "%.0f (%.1fx)", r.surgeRate(), r.capacityMultiple()),
                    r.alerts().size() + "/" + r.expectedAlerts(),
                    seconds(latency.median()) + " / " + seconds(latency.p90()) + " / " + seconds(latency.max()),
                    seconds(onPace.median()) + " / " + seconds(onPace.max()),
                    seconds(r.afterWatermark().median()),
                    minutes(lag.median()) + " / " + minutes(lag.max()),
                    seconds(r.sourceBehindPace())));
        }
        return sb.toString();
    }

    public static String alerts(List<AlertLatencyResult> results) {
        StringBuilder sb = new StringBuilder();
        for (AlertLatencyResult r : results) {
            double jobRate = r.annotated().postsPerSecond();
            sb.append(String.format(Locale.ROOT, "  %-9s the job annotated %,d of %,d posts in %.0f s%s: %.1f posts/s%s%n",
                    r.name(), r.annotated().posts(), r.annotated().offered(), r.annotated().elapsed().toMillis() / 1000.0,
                    r.annotated().outOfSample() == 0 ? ""
                            : String.format(Locale.ROOT, " (%,d of them out of the overload sample: no CoreNLP)", r.annotated().outOfSample()),
                    jobRate,
                    !r.annotated().saturated() ? " (kept up with the input)"
                            : String.format(Locale.ROOT, " (saturated: the job's capacity; the surge input was %.1fx that)",
                                    jobRate > 0 ? r.surgeRate() / jobRate : 0)));
            for (AlertLatency a : r.alerts()) {
                sb.append(String.format(Locale.ROOT, "  %-9s spike at %s: latency %s, on the pace %s, pipeline %s; annotation %s behind%n",
                        r.name(), a.spikeStart(), seconds(a.latency()), seconds(a.onPace()), seconds(a.afterWatermark()),
                        minutes(a.annotationLag())));
            }
            for (AlertArrival other : r.otherArrivals()) {
                sb.append(String.format(Locale.ROOT, "  %-9s not measured: %s (%s)%n", r.name(), other.alertId(), other.phase()));
            }
            for (String rejected : r.rejected()) {
                sb.append(String.format(Locale.ROOT, "  %-9s rejected at the webhook: %s%n", r.name(), rejected));
            }
        }
        return sb.toString();
    }

    /**
     * Per run: the sentiment-shift alert of the last surge, its latency and how far annotation was
     * behind when it arrived, or that it did not arrive before the run stopped.
     */
    public static String shifts(List<AlertLatencyResult> results) {
        StringBuilder sb = new StringBuilder();
        for (AlertLatencyResult r : results) {
            if (r.shifts().isEmpty()) {
                sb.append(String.format(Locale.ROOT, "  %-9s no shift alert before the run stopped%n", r.name()));
            }
            for (AlertLatency a : r.shifts()) {
                sb.append(String.format(Locale.ROOT, "  %-9s shift at %s: latency %s; annotation %s behind%n", r.name(), a.spikeStart(),
                        seconds(a.latency()), minutes(a.annotationLag())));
            }
        }
        return sb.toString();
    }

    private static final String FRESHNESS_ROW = "%-9s %-26s | %-26s | %s%n";

    /**
     * Per run: read to searchable (as pending) and read to annotated, and what was still waiting at
     * the end. The statistics cover only the seconds that got there before the run stopped, so read
     * them with the counts of those that did not.
     */
    public static String freshness(List<AlertLatencyResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, FRESHNESS_ROW, "run", "read to searchable", "read to annotated",
                "when stopped: not searchable / not annotated"));
        sb.append(String.format(Locale.ROOT, FRESHNESS_ROW, "", "median / p90 / max", "median / p90 / max",
                "(event seconds read; longest wait)"));
        for (AlertLatencyResult r : results) {
            Freshness f = r.freshness();
            sb.append(String.format(Locale.ROOT, FRESHNESS_ROW, r.name(), stats(f.searchable()), stats(f.annotated()),
                    String.format(Locale.ROOT, "%d / %d of %d%s", f.notSearchable(), f.notAnnotated(), f.notAnnotated() + f.annotated().count(),
                            f.notAnnotated() == 0 ? "" : "; waiting up to " + seconds(f.longestUnannotatedWait()))));
        }
        return sb.toString();
    }

    private static String stats(LatencyStats s) {
        return s.count() == 0 ? "-" : seconds(s.median()) + " / " + seconds(s.p90()) + " / " + seconds(s.max());
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2fs", d.toMillis() / 1000.0);
    }

    static String minutes(Duration d) {
        return String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
