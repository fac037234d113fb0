package io.spikewatch.analyst;

import io.spikewatch.spikes.SpikeKind;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which spike episodes to list. Every part is optional (null: no condition).
 *
 * @param from episodes that started at or after it
 * @param to episodes that started before it
 * @param series the series key, e.g. {@code all}, {@code entity:Elon Musk}, {@code query:outage-talk}
 * @param minSeverity 0 to 100
 */
public record SpikeFilter(Instant from, Instant to, String series, SpikeKind kind, Integer minSeverity) {

    public static final int MAX_SEVERITY = 100;

    public SpikeFilter {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("the range must end after it starts: --from " + from + " is not before --to " + to);
        }
        if (minSeverity != null && (minSeverity < 0 || minSeverity > MAX_SEVERITY)) {
            throw new IllegalArgumentException("--min-severity: " + minSeverity + " is not a severity; give 0 to " + MAX_SEVERITY);
        }
        if (series != null && series.isBlank()) {
            throw new IllegalArgumentException("--entity: must not be empty");
        }
    }

    /** The series key of a tracked entity's name, or {@code all} for {@code all}. */
    public static String seriesOfEntity(String entity) {
        if (entity == null) {
            return null;
        }
        String name = entity.trim();
        return name.equals("all") || name.contains(":") ? name : "entity:" + name;
    }

    /** Parses {@code volume}, {@code sentiment-shift}, {@code SENTIMENT_SHIFT}... given to {@code option}. */
    public static SpikeKind kind(String option, String text) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SpikeKind kind : SpikeKind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(option + ": '" + text + "' is not a spike kind; use one of "
                + Arrays.stream(SpikeKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
    }

    /** For the "no data" line: what was asked for, times in {@code zone}. */
    public String describe(java.time.ZoneId zone) {
        StringBuilder text = new StringBuilder();
        if (from != null && to != null) {
            text.append(" starting ").append(AnalystReports.describe(new TimeRange(from, to), zone));
        } else if (from != null) {
            text.append(" starting at or after ").append(AnalystReports.describe(from, zone));
        } else if (to != null) {
            text.append(" starting before ").append(AnalystReports.describe(to, zone));
        }
        if (series != null) {
            text.append(" in series ").append(series);
        }
        if (kind != null) {
            text.append(" of kind ").append(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        if (minSeverity != null) {
            text.append(" with severity ").append(minSeverity).append(" or more");
        }
        return text.toString().trim();
    }
}
