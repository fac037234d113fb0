package io.spikewatch.alerts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.schema.Json;

/**
 * The JSON bodies webhook channels post.
 *
 * <p>Generic ({@code type: webhook}):
 * <pre>
 * {"schema": "spikewatch.alert/1", "id": "...", "rule": "...", "series": "entity:X (platform)",
 *  "series_name": "X (platform)", "phase": "started", "severity": 78, "title": "...", "text": "...",
 *  "created_at": "2024-08-13T00:19:00Z", "spike": { the spikes index document } }
 * </pre>
 *
 * <p>Slack ({@code type: slack}): an incoming-webhook message, {@code text} (the title, shown in
 * notifications) and {@code blocks}: a header with the title, a section with the text and a
 * context line with rule, series, phase and severity.
 *
 * <p>A digest ({@link ChannelDigest}), generic:
 * <pre>
 * {"schema": "spikewatch.digest/1", "id": "digest|CHANNEL|FIRST_ALERT_ID", "channel": "...",
 *  "from": "2024-08-12T17:12:00Z", "to": "...", "count": 14, "title": "...", "text": "...",
 *  "alerts": [ the generic payload of each alert ]}
 * </pre>
 * Slack: the digest's title, and a section listing its alerts.
 */
public final class WebhookPayloads {

    public static final String SCHEMA = "spikewatch.alert/1";
    public static final String DIGEST_SCHEMA = "spikewatch.digest/1";
    /** Slack refuses header blocks with longer text. */
    static final int SLACK_HEADER_MAX = 150;
    /** Slack refuses section blocks with longer text. */
    static final int SLACK_SECTION_MAX = 3000;

    private WebhookPayloads() {}

    public static ObjectNode generic(Alert alert) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("schema", SCHEMA);
        body.put("id", alert.id());
        body.put("rule", alert.ruleName());
        body.put("series", alert.seriesKey());
        body.put("series_name", SeriesKeys.displayName(alert.seriesKey()));
        body.put("phase", alert.phase().name().toLowerCase(java.util.Locale.ROOT));
        body.put("severity", alert.severity());
        body.put("title", alert.title());
        body.put("text", alert.text());
        body.put("created_at", alert.createdAt().toString());
        body.set("spike", AlertDocuments.spike(alert.spike(), alert.createdAt()));
        return body;
    }

    public static ObjectNode generic(AlertDigest digest) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("schema", DIGEST_SCHEMA);
        body.put("id", digest.id());
        body.put("channel", digest.channel());
        body.put("from", digest.from().toString());
        body.put("to", digest.to().toString());
        body.put("count", digest.alerts().size());
        body.put("title", digest.title());
        body.put("text", digest.text());
        ArrayNode alerts = body.putArray("alerts");
        digest.alerts().forEach(alert -> alerts.add(generic(alert)));
        return body;
    }

    public static ObjectNode slack(AlertDigest digest) {
        return slackMessage(digest.title(), digest.text(), "digest " + digest.id());
    }

    public static ObjectNode slack(Alert alert) {
        return slackMessage(alert.title(), alert.text(), "rule " + alert.ruleName() + " · " + alert.seriesKey() + " · "
                + alert.phase().name().toLowerCase(java.util.Locale.ROOT) + " · severity " + alert.severity() + " · alert " + alert.id());
    }

    /** {@code text} for the notification, then a header, a section and a context line. */
    private static ObjectNode slackMessage(String title, String text, String context) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("text", title);
        ArrayNode blocks = body.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cut(title, SLACK_HEADER_MAX));
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", cut(escape(text), SLACK_SECTION_MAX));
        blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn").put("text", escape(context));
        return body;
    }

    /** Slack's mrkdwn treats {@code & < >} as control characters. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
