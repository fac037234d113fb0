package io.spikewatch.analyst;

import io.spikewatch.spikes.SentimentBreakdown;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeExplanation;
import io.spikewatch.spikes.TermWeight;
import io.spikewatch.spikes.TopPost;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the results of the analyst queries into {@link Report}s: which columns, in which order,
 * under which names (snake case, so they serve as CSV headers and JSON keys too).
 */
public final class AnalystReports {

    private static final DateTimeFormatter NOTE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private AnalystReports() {}

    /** {@code 2024-08-13 00:00 to 2024-08-13 01:00 UTC}. */
    public static String describe(TimeRange range, ZoneId zone) {
        return NOTE_TIME.format(range.from().atZone(zone)) + " to " + NOTE_TIME.format(range.to().atZone(zone)) + " " + zone.getId();
    }

    /** {@code 2024-08-13 00:00 UTC}. */
    public static String describe(java.time.Instant time, ZoneId zone) {
        return NOTE_TIME.format(time.atZone(zone)) + " " + zone.getId();
    }

    public static Report trends(TrendSubject subject, TimeRange range, Interval interval, ZoneId zone, List<TrendRow> rows) {
        ResultTable table = ResultTable.of("Trend", Column.time("start"), Column.integer("posts"), Column.integer("negative"),
                Column.integer("neutral"), Column.integer("positive"), Column.score("sentiment"), Column.integer("unique_authors"));
        for (TrendRow r : rows) {
            table.add(r.start(), r.posts(), r.negative(), r.neutral(), r.positive(), r.meanSentiment(), r.uniqueAuthors());
        }
        return Report.of(cap(subject.describe()) + ", " + describe(range, zone) + ", per " + interval.text()
                + " (sentiment: mean score from -1 to +1):", table);
    }

    public static Report spikes(SpikeFilter filter, ZoneId zone, List<StoredSpike> spikes) {
        ResultTable table = ResultTable.of("Spikes", Column.time("start"), Column.text("series"), Column.text("kind"),
                Column.text("phase"), Column.integer("severity"), Column.decimal("peak_value"), Column.decimal("peak_expected"),
                Column.text("id"), Column.text("explanation"));
        for (StoredSpike stored : spikes) {
            Spike s = stored.spike();
            table.add(s.start(), s.seriesKey(), name(s.kind()), name(s.phase()), s.severity(), s.peakValue(), s.peakExpected(),
                    stored.id(), SpikeHeadline.of(s));
        }
        String what = filter.describe(zone);
        return Report.of(spikes.size() + " spike episode(s)" + (what.isEmpty() ? "" : " " + what) + " (times in " + zone.getId()
                + "; 'explain ID' tells what drove one):", table);
    }

    /** The sections of {@code explain}: spike, sentiment, terms, hashtags, entities, top posts, and the live query if run. */
    public static Report explanation(ExplainedSpike explained, ZoneId zone) {
        StoredSpike stored = explained.stored();
        Spike s = stored.spike();
        SpikeExplanation e = s.explanation();
        List<ResultTable> sections = new ArrayList<>();
        ResultTable spike = ResultTable.record("Spike", Column.text("id"), Column.text("series"), Column.text("kind"),
                Column.text("phase"), Column.time("start"), Column.time("peak"), Column.time("end"), Column.integer("severity"),
                Column.decimal("peak_value"), Column.decimal("peak_expected"), Column.integer("observed"), Column.decimal("expected"),
                Column.integer("unique_authors"), Column.score("sentiment"));
        spike.add(stored.id(), s.seriesKey(), name(s.kind()), name(s.phase()), s.start(), s.peak(), s.end(), s.severity(),
                s.peakValue(), s.peakExpected(), e == null ? null : e.observed(), e == null ? null : e.expected(),
                e == null ? null : e.uniqueAuthors(), e == null || e.sentiment() == null ? null : e.sentiment().mean());
        sections.add(spike);
        SentimentBreakdown sentiment = e == null || e.sentiment() == null ? SentimentBreakdown.NONE : e.sentiment();
        ResultTable labels = ResultTable.of("Sentiment", Column.text("label"), Column.integer("posts"), Column.percent("share"));
        if (sentiment.annotated() > 0) {
            long n = sentiment.annotated();
            labels.add("negative", sentiment.negative(), (double) sentiment.negative() / n);
            labels.add("neutral", sentiment.neutral(), (double) sentiment.neutral() / n);
            labels.add("positive", sentiment.positive(), (double) sentiment.positive() / n);
        }
        sections.add(labels);
        sections.add(weights("Terms", e == null ? List.of() : e.terms()));
        sections.add(weights("Hashtags", e == null ? List.of() : e.hashtags()));
        sections.add(weights("Entities", e == null ? List.of() : e.entities()));
        ResultTable posts = ResultTable.of("Top posts", Column.time("created_at"), Column.text("author"), Column.text("platform"),
                Column.integer("reposts"), Column.integer("reach"), Column.text("id"), Column.text("text"));
        for (TopPost p : e == null ? List.<TopPost>of() : e.topPosts()) {
            posts.add(p.createdAt(), p.authorHandle() == null ? null : "@" + p.authorHandle(), p.platform(), p.reposts(), p.reach(),
                    p.id(), p.text());
        }
        sections.add(posts);
        LiveTerms live = explained.live();
        if (live != null) {
            ResultTable window = ResultTable.record("Live query", Column.time("window_start"), Column.time("window_end"),
                    Column.time("baseline_start"), Column.integer("spike_posts"), Column.integer("baseline_posts"), Column.text("note"));
            window.add(live.window().from(), live.window().to(), live.baseline().from(), live.spikePosts(), live.baselinePosts(),
                    live.unavailable() != null ? live.unavailable()
                            : "significant_text and significant_terms of the spike's posts against the baseline before it");
            sections.add(window);
            sections.add(liveTerms("Live terms", live.words()));
            sections.add(liveTerms("Live entities", live.entities()));
        }
        String note = "Spike " + stored.id() + ": " + SpikeHeadline.of(s) + " (times in " + zone.getId() + ")";
        return new Report(note, sections);
    }

    public static Report shareOfVoice(ShareOfVoice result, ZoneId zone) {
        ResultTable table = ResultTable.of("Share of voice", Column.text("entity"), Column.integer("posts"), Column.percent("share"),
                Column.integer("negative"), Column.integer("neutral"), Column.integer("positive"), Column.score("sentiment"));
        for (VoiceRow r : result.rows()) {
            table.add(r.entity(), r.posts(), r.share(), r.negative(), r.neutral(), r.positive(), r.meanSentiment());
        }
        return Report.of(String.format(Locale.ROOT, "%,d posts %s; share: of the posts naming the entities compared"
                + " (a post naming two counts for both); sentiment: mean score from -1 to +1:", result.totalPosts(),
                describe(result.range(), zone)), table);
    }

    private static ResultTable weights(String title, List<TermWeight> weights) {
        ResultTable table = ResultTable.of(title, Column.text("term"), Column.integer("count"), Column.decimal("baseline_rate"),
                Column.decimal("lift"));
        for (TermWeight w : weights) {
            table.add(w.term(), w.count(), w.baselineRate(), w.lift());
        }
        return table;
    }

    private static ResultTable liveTerms(String title, List<LiveTerm> terms) {
        ResultTable table = ResultTable.of(title, Column.text("term"), Column.integer("spike_posts"), Column.integer("baseline_posts"),
                Column.decimal("score"));
        for (LiveTerm t : terms) {
            table.add(t.term(), t.spikePosts(), t.baselinePosts(), t.score());
        }
        return table;
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String cap(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
