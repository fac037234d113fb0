package io.spikewatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikewatch.schema.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds the alerts a run raised against the windows where the scenario truly has a spike
 * ({@code labels.json}): which windows were alerted within {@link #ON_TIME} of their start, which
 * late, which missed, and which alerts started outside every window. Plain Java; what a person
 * reads at the end of the demo to judge the detection.
 */
public final class LabelCheck {

    /** An alert this close to a window's start (before or after) is on time. */
    public static final Duration ON_TIME = Duration.ofMinutes(2);

    /** A labelled window. */
    public record Window(Instant start, Instant end, String kind, String scope, String description) {}

    /** The verdict on one window: the delay of the first alert in its series, or null when missed. */
    public record Verdict(Window window, Duration delay) {

        public boolean onTime() {
            return delay != null && delay.compareTo(ON_TIME) <= 0;
        }
    }

    /** What the comparison found. */
    public record Result(List<Verdict> verdicts, List<IndexSummary.AlertRow> outside) {

        public long onTime() {
            return verdicts.stream().filter(Verdict::onTime).count();
        }

        public long late() {
            return verdicts.stream().filter(v -> v.delay() != null && !v.onTime()).count();
        }

        public long missed() {
            return verdicts.stream().filter(v -> v.delay() == null).count();
        }
    }

    private LabelCheck() {}

    public static List<Window> read(Path labelsJson) throws IOException {
        List<Window> windows = new ArrayList<>();
        for (JsonNode label : Json.MAPPER.readTree(labelsJson.toFile()).path("labels")) {
            windows.add(new Window(OffsetDateTime.parse(label.get("start").asText()).toInstant(),
                    OffsetDateTime.parse(label.get("end").asText()).toInstant(), label.path("kind").asText(),
                    label.path("scope").asText(), label.path("description").asText()));
        }
        return windows;
    }

    /**
     * A window is alerted by an alert of its kind in its own series ({@code all}, or
     * {@code entity:SCOPE}): a volume or threshold alert for a volume window, a sentiment shift for
     * a negative-sentiment window, an emerging-term alert naming the entity for a new-entity
     * window. An alert is outside when it starts an episode before, or after, every window.
     */
    public static Result compare(List<Window> windows, List<IndexSummary.AlertRow> alerts) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Window window : windows) {
            Duration first = null;
            for (IndexSummary.AlertRow alert : alerts) {
                Duration delay = Duration.between(window.start(), alert.at());
                boolean inWindow = !delay.plus(ON_TIME).isNegative() && !alert.at().isAfter(window.end());
                if (inWindow && covers(window, alert) && (first == null || delay.compareTo(first) < 0)) {
                    first = delay;
                }
            }
            verdicts.add(new Verdict(window, first == null ? null : first.isNegative() ? Duration.ZERO : first));
        }
        List<IndexSummary.AlertRow> outside = new ArrayList<>();
        for (IndexSummary.AlertRow alert : alerts) {
            boolean within = windows.stream().anyMatch(w -> !alert.at().isBefore(w.start().minus(ON_TIME)) && !alert.at().isAfter(w.end()));
            if (!within && "started".equals(alert.phase())) {
                outside.add(alert);
            }
        }
        return new Result(verdicts, outside);
    }

    private static boolean covers(Window window, IndexSummary.AlertRow alert) {
        String series = "all".equals(window.scope()) ? "all" : "entity:" + window.scope();
        return switch (window.kind()) {
            case "volume" -> series.equals(alert.series()) && ("volume".equals(alert.spikeKind()) || "threshold".equals(alert.spikeKind()));
            case "negative_sentiment" -> series.equals(alert.series()) && "sentiment_shift".equals(alert.spikeKind());
            case "new_entity" -> "emerging".equals(alert.spikeKind()) && alert.text().contains(window.scope());
            default -> false;
        };
    }
}
