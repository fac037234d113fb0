package io.spikewatch.alerts;

import io.spikewatch.explain.SpikeExplainer;
import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.SentimentBreakdown;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeExplanation;
import io.spikewatch.spikes.SpikeKind;
import io.spikewatch.spikes.TermWeight;
import io.spikewatch.spikes.TopPost;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of an alert: a one-line title and a short text for a phone screen, e.g.
 * "Volume spike on X (platform): 412 posts/min vs 9 expected (46x), 71% negative; driven by
 * 'unable to join', #TwitterBlackout, @elonmusk; top post: @user: ...".
 */
public final class AlertMessages {

    /** How many terms, hashtags and entities together are named as drivers. */
    static final int MAX_DRIVERS = 2 * SpikeExplainer.HEADLINE_DRIVERS;
    static final int MAX_TOP_POST_CHARS = 120;
    /** How many new names an emerging alert names. */
    static final int MAX_EMERGING = 3;
    /** How many targets of a sentiment shift's negative posts are named. */
    static final int MAX_TARGETS = 3;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private AlertMessages() {}

    public static String title(AlertRule rule, Spike spike, EpisodePhase phase) {
        String prefix = switch (phase) {
            case STARTED -> "";
            case ESCALATED -> "Escalating: ";
            case ONGOING -> "Still going: ";
            case ENDED -> "Over: ";
        };
        return prefix + label(spike.kind()) + " on " + SeriesKeys.displayName(spike.seriesKey())
                + " (severity " + spike.severity() + ", rule " + rule.name() + ")";
    }

    public static String text(AlertRule rule, Spike spike, EpisodePhase phase) {
        StringBuilder text = new StringBuilder();
        text.append(label(spike.kind())).append(" on ").append(SeriesKeys.displayName(spike.seriesKey())).append(": ");
        text.append(figures(rule, spike));
        SpikeExplanation explanation = spike.explanation();
        if (explanation != null) {
            SentimentBreakdown sentiment = explanation.sentiment();
            if (spike.kind() != SpikeKind.SENTIMENT_SHIFT && sentiment != null && sentiment.annotated() > 0) {
                text.append(", ").append(percent(sentiment.negativeShare())).append(" negative");
            }
            if (spike.kind() == SpikeKind.SENTIMENT_SHIFT) {
                List<String> targets = targets(explanation);
                if (!targets.isEmpty()) {
                    text.append("; aimed at ").append(String.join(", ", targets));
                }
            }
            // a shift's entities are the targets named above, not what drives it
            List<String> drivers = drivers(explanation, spike.kind() != SpikeKind.SENTIMENT_SHIFT);
            if (!drivers.isEmpty()) {
                text.append(spike.kind() == SpikeKind.SENTIMENT_SHIFT ? "; the negative posts say " : "; driven by ")
                        .append(String.join(", ", drivers));
            }
            if (!explanation.topPosts().isEmpty()) {
                text.append("; top post: ").append(topPost(explanation.topPosts().get(0)));
            }
        }
        text.append(". Since ").append(CLOCK.format(spike.start()));
        if (spike.waves() > 0) {
            text.append(", ").append(spike.waves() == 1 ? "a new wave" : spike.waves() + " new waves").append(" since it began");
        }
        if (phase == EpisodePhase.ENDED && spike.end() != null) {
            text.append(", ended ").append(CLOCK.format(spike.end()));
        }
        text.append(", severity ").append(spike.severity()).append("/100.");
        return text.toString();
    }

    static String label(SpikeKind kind) {
        return switch (kind) {
            case VOLUME -> "Volume spike";
            case FLATLINE -> "Volume collapse";
            case SENTIMENT_SHIFT -> "Negative sentiment shift";
            case EMERGING -> "New entity or term";
            case THRESHOLD -> "Threshold reached";
        };
    }

    private static String figures(AlertRule rule, Spike spike) {
        SpikeExplanation e = spike.explanation();
        return switch (spike.kind()) {
            case VOLUME -> rate(spike.peakValue()) + " posts/min vs " + rate(spike.peakExpected()) + " expected ("
                    + ratio(spike.peakValue(), spike.peakExpected()) + ")";
            case FLATLINE -> rate(spike.peakValue()) + " posts/min vs " + rate(spike.peakExpected()) + " expected ("
                    + percent(spike.peakExpected() <= 0 ? 0 : spike.peakValue() / spike.peakExpected()) + " of normal)";
            case THRESHOLD -> rate(spike.peakValue()) + " posts within "
                    + (rule.params() instanceof ThresholdParams t ? DurationText.format(t.window()) + " (threshold " + t.count() + ")"
                    : "the window");
            case SENTIMENT_SHIFT -> e == null || e.sentiment() == null ? "negative share up"
                    : percent(e.sentiment().negativeShare()) + " negative of " + e.sentiment().annotated() + " annotated posts"
                            + " (usually " + percent(spike.peakExpected()) + ")";
            case EMERGING -> e == null ? rate(spike.peakValue()) + " posts/min" : emerging(rule, e, spike);
        };
    }

    /**
     * The new names, highest lift first: those that qualify under the rule (all of them up to
     * {@link #MAX_EMERGING}), or the one of highest lift when none does.
     */
    private static String emerging(AlertRule rule, SpikeExplanation e, Spike spike) {
        List<TermWeight> named = rule.params() instanceof NewEntityOrTermParams params ? params.qualifying(spike) : List.of();
        if (named.isEmpty()) {
            List<TermWeight> all = new ArrayList<>(e.entities());
            all.addAll(e.hashtags());
            all.addAll(e.terms());
            named = all.stream().max(java.util.Comparator.comparingDouble(TermWeight::lift)).stream().toList();
        }
        if (named.isEmpty()) {
            return e.observed() + " posts";
        }
        List<String> parts = new ArrayList<>();
        for (TermWeight weight : named.subList(0, Math.min(MAX_EMERGING, named.size()))) {
            parts.add(term(weight.term()) + " in " + weight.count() + " posts (" + ratio(weight.lift(), 1) + " its baseline)");
        }
        return String.join(", ", parts);
    }

    /**
     * Whom a sentiment shift's negative posts are about, with the part of them that is about each:
     * "X (platform) 62%, Elon Musk 30%, Donald Trump 4%".
     */
    private static List<String> targets(SpikeExplanation e) {
        long negative = e.sentiment() == null ? 0 : e.sentiment().negative();
        if (negative == 0) {
            return List.of();
        }
        List<String> targets = new ArrayList<>();
        e.entities().stream().limit(MAX_TARGETS).forEach(t -> targets.add(t.term() + " " + percent((double) t.count() / negative)));
        return targets;
    }

    private static List<String> drivers(SpikeExplanation e, boolean withEntities) {
        List<String> drivers = new ArrayList<>();
        int fromEach = SpikeExplainer.HEADLINE_DRIVERS;
        e.terms().stream().limit(fromEach).forEach(t -> drivers.add(term(t.term())));
        e.hashtags().stream().limit(fromEach).forEach(t -> drivers.add(t.term()));
        for (TermWeight entity : withEntities ? e.entities() : List.<TermWeight>of()) {
            if (drivers.size() >= MAX_DRIVERS) {
                break;
            }
            drivers.add(entity.term());
        }
        return drivers.subList(0, Math.min(MAX_DRIVERS, drivers.size()));
    }

    private static String term(String term) {
        return term.startsWith("@") || term.startsWith("#") ? term : "'" + term + "'";
    }

    private static String topPost(TopPost post) {
        String text = post.text() == null ? "" : post.text().replaceAll("\\s+", " ").strip();
        if (text.length() > MAX_TOP_POST_CHARS) {
            int cut = MAX_TOP_POST_CHARS - 1;
            if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
            text = text.substring(0, cut) + "…";
        }
        String author = post.authorHandle() == null ? "" : "@" + post.authorHandle().replaceFirst("^@", "") + ": ";
        return author + "\"" + text + "\"" + (post.reposts() > 0 ? " (" + post.reposts() + " reposts)" : "");
    }

    private static String rate(double value) {
        return value >= 10 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String ratio(double value, double expected) {
        if (expected <= 0) {
            return "none expected";
        }
        double r = value / expected;
        return (r >= 10 ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%.1f", r)) + "x";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
