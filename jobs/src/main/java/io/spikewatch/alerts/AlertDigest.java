package io.spikewatch.alerts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * Alerts held back on one channel, sent as one message ({@link ChannelDigest}): the first alerts
 * of a quiet channel, or those of a digest period. Its minutes are the event times the alerts were raised at.
 *
 * @param id {@code digest|CHANNEL|FIRST_ALERT_ID}, {@link #idOf}: each alert goes out in one digest per channel
 * @param alerts in the order they came
 * @param opening the first alerts of a quiet channel (a single one goes out as itself), not those
 *     held during a period after a message
 */
public record AlertDigest(String id, String channel, List<Alert> alerts, boolean opening) {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    public AlertDigest {
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a digest holds at least one alert");
        }
        alerts = List.copyOf(alerts);
    }

    public static String idOf(String channel, Alert first) {
        return "digest|" + channel + "|" + first.id();
    }

    /** Event time of the earliest alert. */
    public Instant from() {
        return alerts.stream().map(Alert::createdAt).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** Event time of the latest alert. */
    public Instant to() {
        return alerts.stream().map(Alert::createdAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** The alert of the highest severity (the first raised among equals). */
    public Alert highest() {
        return alerts.stream().max(Comparator.comparingInt(Alert::severity)
                .thenComparing(Alert::createdAt, Comparator.reverseOrder())).orElseThrow();
    }

    /** One line: how many, raised over which minutes, and the most severe: the e-mail subject, the chat notification. */
    public String title() {
        String count = alerts.size() + (opening ? "" : " more") + (alerts.size() == 1 ? " alert" : " alerts");
        return count + " " + span() + " UTC; highest: " + highest().title();
    }

    /** "at 2024-08-12 17:13", "from 2024-08-12 17:12 to 17:16", or with the second day when it differs. */
    private String span() {
        Instant from = from();
        Instant to = to();
        if (from.equals(to)) {
            return "at " + MINUTE.format(from);
        }
        String end = DAY.format(from).equals(DAY.format(to)) ? CLOCK.format(to) : MINUTE.format(to);
        return "from " + MINUTE.format(from) + " to " + end;
    }

    /** A line per alert: the minute it was raised, its phase and its title. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Alert alert : alerts) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(CLOCK.format(alert.createdAt())).append(' ')
                    .append(alert.phase().name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(alert.title());
        }
        return text.toString();
    }
}
