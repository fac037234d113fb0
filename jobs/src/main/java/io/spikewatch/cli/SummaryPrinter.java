package io.spikewatch.cli;

import io.spikewatch.index.IndexNames;
import io.spikewatch.monitor.SearchDocuments;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints an {@link IndexSummary} for a person: counts, dead letters, entities, volume per minute. */
public final class SummaryPrinter {

    private static final int BAR_WIDTH = 50;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PrintWriter out;
    private final ZoneId zone;

    public SummaryPrinter(PrintWriter out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
    }

    public void counts(IndexSummary summary, IndexNames indices) throws IOException {
        out.println("Indexed in Elasticsearch:");
        row(indices.posts(), summary.count(indices.posts()), "posts, by annotation status: " + statuses(summary.postsByAnnotationStatus()));
        row(indices.statements(), summary.count(indices.statements()), "annotated campaign statements");
        row(indices.metrics(), summary.count(indices.metrics()), "per-minute metrics, overall and per tracked entity");
        row(indices.deadLetters(), summary.count(indices.deadLetters()), "records that could not be read, with the reason");
        out.println();
    }

    public void deadLetters(IndexSummary summary) throws IOException {
        List<IndexSummary.ReasonRow> reasons = summary.deadLetterReasons(10);
        if (reasons.isEmpty()) {
            return;
        }
        out.println("Dead letters by reason:");
        for (IndexSummary.ReasonRow reason : reasons) {
            out.printf(Locale.ROOT, "  %5d  %s%n", reason.count(), abbreviate(reason.reason(), 100));
        }
        out.println();
    }

    public void alerts(IndexSummary summary) throws IOException {
        List<IndexSummary.AlertRow> alerts = summary.alerts(IndexSummary.MAX_ALERTS);
        long raised = summary.alertCount();
        out.println("Alerts raised (" + (raised > alerts.size() ? "the first " + alerts.size() + " of " + raised : raised)
                + "; event time, " + zone.getId() + "):");
        for (IndexSummary.AlertRow alert : alerts) {
            out.printf(Locale.ROOT, "  %s  %-9s %3d  %s  [%s]%n", DAY_MINUTE.format(alert.at().atZone(zone)), alert.phase(),
                    alert.severity(), abbreviate(alert.title(), 80), String.join(", ", alert.deliveries()));
        }
        out.println();
    }

    /** How the alerts compare with the windows where the scenario truly has a spike. */
    public void labelCheck(LabelCheck.Result result) {
        out.printf(Locale.ROOT, "Against the scenario's %d labelled spike windows: %d alerted within %d minutes of their start, %d later, %d missed;"
                + " %d alert(s) started outside every window.%n", result.verdicts().size(), result.onTime(), LabelCheck.ON_TIME.toMinutes(),
                result.late(), result.missed(), result.outside().size());
        for (LabelCheck.Verdict verdict : result.verdicts()) {
            if (!verdict.onTime()) {
                LabelCheck.Window w = verdict.window();
                out.printf(Locale.ROOT, "  %s %-18s %-24s %s%n", DAY_MINUTE.format(w.start().atZone(zone)), w.kind(), abbreviate(w.scope(), 24),
                        verdict.delay() == null ? "missed" : "alerted after " + verdict.delay().toMinutes() + " min");
            }
        }
        for (IndexSummary.AlertRow alert : result.outside()) {
            out.printf(Locale.ROOT, "  outside: %s %s%n", DAY_MINUTE.format(alert.at().atZone(zone)), abbreviate(alert.title(), 90));
        }
        out.println();
    }

    public void entities(IndexSummary summary) throws IOException {
        List<IndexSummary.EntityRow> rows = summary.topEntities(12);
        out.println("Most-named tracked entities in posts (sentiment from -1 to +1):");
        out.printf(Locale.ROOT, "  %-24s %7s %8s %16s %16s%n", "entity", "posts", "negative", "post sentiment", "about the entity");
        for (IndexSummary.EntityRow row : rows) {
            out.printf(Locale.ROOT, "  %-24s %7d %7.0f%% %16s %16s%n", abbreviate(row.entity(), 24), row.posts(),
                    100.0 * row.negativePosts() / Math.max(1, row.posts()), signed(row.postSentiment()), signed(row.entitySentiment()));
        }
        out.println();
    }

    public void volume(IndexSummary summary, String title, Instant from, Instant to) throws IOException {
        List<IndexSummary.MinuteRow> rows = summary.volume(from, to);
        long max = rows.stream().mapToLong(IndexSummary.MinuteRow::count).max().orElse(1);
        out.println(title + " (" + zone.getId() + "; each row one minute; # negative, = other):");
        for (IndexSummary.MinuteRow row : rows) {
            int width = (int) Math.round((double) BAR_WIDTH * row.count() / max);
            int negative = (int) Math.round((double) width * row.negative() / Math.max(1, row.count()));
            out.printf(Locale.ROOT, "  %s %5d %s%s%n", MINUTE.format(row.minute().atZone(zone)), row.count(),
                    "#".repeat(negative), "=".repeat(Math.max(0, width - negative)));
        }
        out.println();
    }

    private void row(String index, long count, String what) {
        out.printf(Locale.ROOT, "  %-28s %7d  %s%n", index, count, what);
    }

    /** {@code 29,950 ok, 3 failed, 47 pending (annotation has not reached them yet)}. */
    static String statuses(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((status, n) -> {
            text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,d %s", n, status));
            if (SearchDocuments.STATUS_PENDING.equals(status)) {
                text.append(" (annotation has not reached them yet)");
            } else if (SearchDocuments.STATUS_OUT_OF_SAMPLE.equals(status)) {
                text.append(" (left out of the overload sample: tracked entities, no sentiment)");
            }
        });
        return text.toString();
    }

    private static String signed(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%+.2f", value);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
