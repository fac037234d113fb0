package io.spikewatch.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The benchmark's results as fixed-width text: one summary row per run, then every alert. */
public final class LatencyTable {

    private LatencyTable() {}

    public static String summary(List<AlertLatencyResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-9s %14s %7s | %-26s | %-10s | %-24s | %s%n", "run", "surge input", "alerts",
                "latency median / p90 / max", "pipeline*", "annotation behind (event)", "source behind pace"));
        sb.append(String.format(Locale.ROOT, "%-9s %14s %7s | %-26s | %-10s | %-24s | %s%n", "", "posts/s (xcap)", "", "",
                "median", "median / max at delivery", "max"));
        for (AlertLatencyResult r : results) {
            LatencyStats latency = r.latency();
            LatencyStats lag = r.annotationLag();
            sb.append(String.format(Locale.ROOT, "%-9s %14s %7s | %-26s | %-10s | %-24s | %s%n",
                    r.name(),
                    String.format(Locale.ROOT, "%.0f (%.1fx)", r.surgeRate(), r.capacityMultiple()),
                    r.alerts().size() + "/" + r.expectedAlerts(),
                    seconds(latency.median()) + " / " + seconds(latency.p90()) + " / " + seconds(latency.max()),
                    seconds(r.afterWatermark().median()),
                    minutes(lag.median()) + " / " + minutes(lag.max()),
                    seconds(r.sourceBehindPace())));
        }
        return sb.toString();
    }

    public static String alerts(List<AlertLatencyResult> results) {
        StringBuilder sb = new StringBuilder();
        for (AlertLatencyResult r : results) {
            for (AlertLatency a : r.alerts()) {
                sb.append(String.format(Locale.ROOT, "  %-9s spike at %s: latency %s (pipeline %s), annotation %s behind%n",
                        r.name(), a.spikeStart(), seconds(a.latency()), seconds(a.afterWatermark()), minutes(a.annotationLag())));
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

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2fs", d.toMillis() / 1000.0);
    }

    static String minutes(Duration d) {
        return String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
