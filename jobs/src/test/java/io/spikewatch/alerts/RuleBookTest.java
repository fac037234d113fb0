package io.spikewatch.alerts;

import static io.spikewatch.alerts.TestSpikes.minute;
import static io.spikewatch.alerts.TestSpikes.volume;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.SentimentBreakdown;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeExplanation;
import io.spikewatch.spikes.SpikeKind;
import io.spikewatch.spikes.TermWeight;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleBookTest {

    private static AlertRule rule(String name, RuleScope scope, RuleType type, RuleParams params, Duration renotify, boolean notifyEnd) {
        return new AlertRule(name, scope, type, params, 40, Duration.ofMinutes(30), renotify, notifyEnd, List.of("console", "muted"));
    }

    private static RuleBook book(AlertRule... rules) {
        return new RuleBook(new AlertConfig(Map.of("console", new ChannelConfig.Console("console")),
                Map.of("muted", "switched off"), List.of(rules)));
    }

    private static final AlertRule VOLUME_ALL = rule("volume-all", RuleScope.EVERYTHING, RuleType.SPIKE, SpikeParams.DEFAULTS, null, false);

    @Test
    void anEpisodeAlertsOnceThenOnlyOnEscalation() {
        RuleBook book = book(VOLUME_ALL);
        AlertStates states = AlertStates.inMemory();

        List<Alert> first = book.evaluate(volume("all", EpisodePhase.STARTED, 55), minute(1), states);
        assertThat(first).singleElement().satisfies(alert -> {
            assertThat(alert.phase()).isEqualTo(EpisodePhase.STARTED);
            assertThat(alert.id()).isEqualTo("volume-all|all|volume|2024-08-13T00:18:00Z|started|0");
            assertThat(alert.channels()).containsExactly("console");
            assertThat(alert.createdAt()).isEqualTo(minute(1));
        });
        assertThat(book.evaluate(volume("all", EpisodePhase.ONGOING, 58), minute(2), states)).isEmpty();
        assertThat(book.evaluate(volume("all", EpisodePhase.ESCALATED, 64), minute(3), states)).isEmpty();
        assertThat(book.evaluate(volume("all", EpisodePhase.ESCALATED, 65), minute(4), states))
                .singleElement().satisfies(alert -> {
                    assertThat(alert.phase()).isEqualTo(EpisodePhase.ESCALATED);
                    assertThat(alert.id()).endsWith("|escalated|1");
                    assertThat(alert.severity()).isEqualTo(65);
                });
        assertThat(book.evaluate(volume("all", EpisodePhase.ONGOING, 65), minute(90), states)).isEmpty();
        assertThat(book.evaluate(volume("all", EpisodePhase.ENDED, 65), minute(95), states)).isEmpty();
    }

    @Test
    void aNewWaveIsNotifiedEvenWhenTheSeverityIsAlreadyAtItsTop() {
        RuleBook book = book(VOLUME_ALL);
        AlertStates states = AlertStates.inMemory();
        Spike started = volume("all", EpisodePhase.STARTED, 100);
        assertThat(book.evaluate(started, minute(1), states)).hasSize(1);
        Spike waved = new Spike(started.seriesKey(), started.kind(), EpisodePhase.ESCALATED, started.start(), started.peak(), null,
                100, started.peakValue(), started.peakExpected(), started.explanation(), 1);
        assertThat(book.evaluate(waved, minute(20), states)).singleElement().satisfies(alert -> {
            assertThat(alert.phase()).isEqualTo(EpisodePhase.ESCALATED);
            assertThat(alert.text()).contains("a new wave since it began");
        });
        // the same wave reported again is not notified twice
        assertThat(book.evaluate(waved, minute(21), states)).isEmpty();
    }

    @Test
    void belowMinimumSeverityOrParamsNothingFires() {
        RuleBook book = book(VOLUME_ALL);
        AlertStates states = AlertStates.inMemory();
        assertThat(book.evaluate(volume("all", EpisodePhase.STARTED, 39), minute(1), states)).isEmpty();
        Spike tiny = new Spike("all", SpikeKind.VOLUME, EpisodePhase.STARTED, minute(0), minute(0), null, 90, 4, 0.1, null);
        assertThat(book.evaluate(tiny, minute(1), states)).isEmpty();
        assertThat(book.evaluate(volume("all", EpisodePhase.ESCALATED, 40), minute(2), states))
                .singleElement().extracting(Alert::phase).isEqualTo(EpisodePhase.STARTED);
    }

    @Test
    void renotifiesOnItsCadenceAndReportsTheEndOnce() {
        AlertRule rule = rule("renotify", RuleScope.EVERYTHING, RuleType.SPIKE, SpikeParams.DEFAULTS, Duration.ofMinutes(10), true);
        RuleBook book = book(rule);
        AlertStates states = AlertStates.inMemory();
        List<EpisodePhase> phases = new ArrayList<>();
        for (int m = 1; m <= 25; m++) {
            book.evaluate(volume("all", EpisodePhase.ONGOING, 50), minute(m), states).forEach(a -> phases.add(a.phase()));
        }
        book.evaluate(volume("all", EpisodePhase.ENDED, 50), minute(26), states).forEach(a -> phases.add(a.phase()));
        book.evaluate(volume("all", EpisodePhase.ENDED, 50), minute(27), states).forEach(a -> phases.add(a.phase()));
        assertThat(phases).containsExactly(EpisodePhase.STARTED, EpisodePhase.ONGOING, EpisodePhase.ONGOING, EpisodePhase.ENDED);
        assertThat(states.get("renotify").sequence).isEqualTo(4);
    }

    @Test
    void aNewEpisodeWithinTheCooldownWaitsAndIsReconsideredLater() {
        RuleBook book = book(VOLUME_ALL);
        AlertStates states = AlertStates.inMemory();
        assertThat(book.evaluate(volume("all", EpisodePhase.STARTED, 60), minute(1), states)).hasSize(1);
        Spike second = new Spike("all", SpikeKind.VOLUME, EpisodePhase.STARTED, minute(20), minute(20), null, 60, 300, 9,
                TestSpikes.outageExplanation());
        assertThat(book.evaluate(second, minute(21), states)).isEmpty();
        assertThat(book.evaluate(second, minute(31), states)).singleElement().satisfies(alert -> {
            assertThat(alert.phase()).isEqualTo(EpisodePhase.STARTED);
            assertThat(alert.id()).isEqualTo("volume-all|all|volume|2024-08-13T00:38:00Z|started|0");
        });
    }

    @Test
    void scopesPickTheirSeriesAndTypesTheirKinds() {
        AlertRule entities = rule("entities", new RuleScope(Set.of("*"), null, Set.of(), Set.of()), RuleType.SPIKE,
                SpikeParams.DEFAULTS, null, false);
        AlertRule trump = rule("trump", new RuleScope(Set.of("Donald Trump"), null, Set.of(), Set.of()), RuleType.SPIKE,
                SpikeParams.DEFAULTS, null, false);
        AlertRule query = rule("talk", new RuleScope(Set.of(), KeywordQuery.parse("ddos"), Set.of(), Set.of()), RuleType.SPIKE,
                SpikeParams.DEFAULTS, null, false);
        AlertRule flat = rule("flat", new RuleScope(Set.of(), null, Set.of("X"), Set.of()), RuleType.FLATLINE,
                FlatlineParams.DEFAULTS, null, false);
        RuleBook book = book(VOLUME_ALL, entities, trump, query, flat);

        assertThat(book.evaluate(volume("entity:Donald Trump", EpisodePhase.STARTED, 70), minute(1), AlertStates.inMemory()))
                .extracting(Alert::ruleName).containsExactly("entities", "trump");
        assertThat(book.evaluate(volume("entity:Elon Musk", EpisodePhase.STARTED, 70), minute(1), AlertStates.inMemory()))
                .extracting(Alert::ruleName).containsExactly("entities");
        assertThat(book.evaluate(volume("query:talk", EpisodePhase.STARTED, 70), minute(1), AlertStates.inMemory()))
                .extracting(Alert::ruleName).containsExactly("talk");
        assertThat(book.evaluate(volume("platform:x", EpisodePhase.STARTED, 70), minute(1), AlertStates.inMemory())).isEmpty();
        Spike collapse = TestSpikes.of("platform:x", SpikeKind.FLATLINE, 80, 2, 120, null);
        assertThat(book.evaluate(collapse, minute(1), AlertStates.inMemory()))
                .singleElement().satisfies(alert -> assertThat(alert.text())
                        .startsWith("Volume collapse on platform x: 2 posts/min vs 120 expected (2% of normal)"));
        Spike quietCollapse = TestSpikes.of("platform:x", SpikeKind.FLATLINE, 80, 0, 2, null);
        assertThat(book.evaluate(quietCollapse, minute(1), AlertStates.inMemory())).isEmpty();
        assertThat(book.platforms()).containsExactly("x");
    }

    @Test
    void sentimentAndEmergingParamsLookAtTheExplanation() {
        AlertRule negative = rule("negative", RuleScope.EVERYTHING, RuleType.SENTIMENT_SHIFT,
                new SentimentShiftParams(0.6, 50), null, false);
        AlertRule emerging = rule("emerging", RuleScope.EVERYTHING, RuleType.NEW_ENTITY_OR_TERM,
                new NewEntityOrTermParams(20, 10), null, false);
        RuleBook book = book(negative, emerging);
        SpikeExplanation fewAnnotated = explanation(new SentimentBreakdown(30, 5, 5, -0.5), List.of());
        SpikeExplanation manyNegative = explanation(new SentimentBreakdown(70, 20, 10, -0.5), List.of());
        assertThat(book.evaluate(TestSpikes.of("all", SpikeKind.SENTIMENT_SHIFT, 70, 0.7, 0.2, fewAnnotated), minute(1),
                AlertStates.inMemory())).isEmpty();
        assertThat(book.evaluate(TestSpikes.of("all", SpikeKind.SENTIMENT_SHIFT, 70, 0.7, 0.2, manyNegative), minute(1),
                AlertStates.inMemory())).singleElement().satisfies(alert -> assertThat(alert.text())
                .startsWith("Negative sentiment shift on all posts: 70% negative of 100 annotated posts (usually 20%)"));

        SpikeExplanation weakTerm = explanation(SentimentBreakdown.NONE, List.of(new TermWeight("cyberattack", 19, 0, 40)));
        SpikeExplanation newTerm = explanation(SentimentBreakdown.NONE, List.of(new TermWeight("cyberattack", 25, 0, 40)));
        assertThat(book.evaluate(TestSpikes.of("all", SpikeKind.EMERGING, 70, 25, 0, weakTerm), minute(1),
                AlertStates.inMemory())).isEmpty();
        assertThat(book.evaluate(TestSpikes.of("all", SpikeKind.EMERGING, 70, 25, 0, newTerm), minute(1),
                AlertStates.inMemory())).singleElement().satisfies(alert -> assertThat(alert.text())
                .startsWith("New entity or term on all posts: 'cyberattack' in 25 posts (40x its baseline)"));
    }

    @Test
    void aNewEntityRuleAlertsWhenANameQualifiesAndAgainOnlyForAnotherName() {
        AlertRule emerging = rule("emerging", RuleScope.EVERYTHING, RuleType.NEW_ENTITY_OR_TERM,
                new NewEntityOrTermParams(15, 8), null, false);
        RuleBook book = book(emerging);
        AlertStates states = AlertStates.inMemory();
        TermWeight phrase = new TermWeight("commissioner", 20, 0, 90);

        // one episode (one start), reported each minute as its names are counted in more posts
        assertThat(book.evaluate(emergingReport(40, List.of(new TermWeight("Thierry Breton", 8, 0, 30)), List.of()), minute(1), states))
                .as("8 posts: below the rule's 15").isEmpty();
        assertThat(book.evaluate(emergingReport(78, List.of(new TermWeight("Thierry Breton", 15, 0, 56)), List.of(phrase)), minute(2), states))
                .singleElement().satisfies(alert -> {
                    assertThat(alert.phase()).isEqualTo(EpisodePhase.STARTED);
                    assertThat(alert.text()).startsWith("New entity or term on all posts: 'Thierry Breton' in 15 posts (56x its baseline), "
                            + "'commissioner' in 20 posts (90x its baseline)");
                });
        assertThat(book.evaluate(emergingReport(100, List.of(new TermWeight("Thierry Breton", 60, 0, 200),
                        new TermWeight("European Union", 12, 0, 20)), List.of(phrase, new TermWeight("letter", 30, 0, 100))), minute(3), states))
                .as("more posts of the same name and another phrase of the story are no news").isEmpty();
        assertThat(book.evaluate(emergingReport(100, List.of(new TermWeight("Thierry Breton", 70, 0, 210),
                        new TermWeight("European Union", 16, 0, 25)), List.of(phrase)), minute(4), states))
                .singleElement().satisfies(alert -> {
                    assertThat(alert.phase()).isEqualTo(EpisodePhase.ESCALATED);
                    assertThat(alert.text()).contains("'European Union' in 16 posts");
                });
    }

    private static Spike emergingReport(int severity, List<TermWeight> entities, List<TermWeight> terms) {
        SpikeExplanation explanation = new SpikeExplanation(100, 10, 90, SentimentBreakdown.NONE, terms, List.of(), entities, List.of());
        return TestSpikes.of("all", SpikeKind.EMERGING, severity, 0, 0, explanation);
    }

    @Test
    void aReplayFromSavedStateGivesTheSameAlerts() {
        AlertRule rule = rule("renotify", RuleScope.EVERYTHING, RuleType.SPIKE, SpikeParams.DEFAULTS, Duration.ofMinutes(5), true);
        RuleBook book = book(rule);
        AlertStates live = AlertStates.inMemory();
        List<Spike> reports = List.of(volume("all", EpisodePhase.STARTED, 45), volume("all", EpisodePhase.ESCALATED, 70),
                volume("all", EpisodePhase.ONGOING, 70), volume("all", EpisodePhase.ONGOING, 70), volume("all", EpisodePhase.ENDED, 70));
        List<String> liveIds = new ArrayList<>();
        RuleSeriesState checkpoint = null;
        for (int i = 0; i < reports.size(); i++) {
            book.evaluate(reports.get(i), minute(i * 4), live).forEach(a -> liveIds.add(a.id()));
            if (i == 1) {
                checkpoint = copy(live.get("renotify"));
            }
        }
        AlertStates restored = AlertStates.inMemory();
        restored.put("renotify", checkpoint);
        List<String> replayed = new ArrayList<>();
        for (int i = 2; i < reports.size(); i++) {
            book.evaluate(reports.get(i), minute(i * 4), restored).forEach(a -> replayed.add(a.id()));
        }
        assertThat(liveIds).hasSize(4).endsWith(replayed.toArray(String[]::new));
        assertThat(replayed).containsExactly("renotify|all|volume|2024-08-13T00:18:00Z|ongoing|2",
                "renotify|all|volume|2024-08-13T00:18:00Z|ended|3");
    }

    private static RuleSeriesState copy(RuleSeriesState state) {
        RuleSeriesState copy = new RuleSeriesState();
        copy.episodeId = state.episodeId;
        copy.lastAlertAtMillis = state.lastAlertAtMillis;
        copy.lastSeverity = state.lastSeverity;
        copy.sequence = state.sequence;
        copy.endReported = state.endReported;
        return copy;
    }

    private static SpikeExplanation explanation(SentimentBreakdown sentiment, List<TermWeight> terms) {
        return new SpikeExplanation(100, 10, 90, sentiment, terms, List.of(), List.of(), List.of());
    }
}
