package io.spikewatch.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.cli.DemoCommand;
import io.spikewatch.fixtures.ScenarioGenerator;
import io.spikewatch.fixtures.SeedTimeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo's requirement on the seed scenario, from a cold start (each of its two evenings a fresh
 * deployment): labelled volume windows alerted within two minutes, no episode outside them. Prints
 * the table it asserts on.
 */
class ScenarioEvaluationTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration MAX_DELAY = Duration.ofMinutes(2);
    private static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private static ScenarioReport evaluate(int posts) throws IOException {
        String yaml;
        try (InputStream in = ScenarioGenerator.class.getResourceAsStream("seed/tracked-entities.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ScenarioSweep sweep = new ScenarioSweep(TrackedEntities.fromYaml(yaml, "seed/tracked-entities.yaml"), MINUTE, MAX_DELAY);
        ScenarioReport report = sweep.run(List.of(ScenarioGenerator.DEFAULT_SEED), posts).get(0).report();
        StringWriter table = new StringWriter();
        report.print(new PrintWriter(table, true), EASTERN);
        System.out.println("seed scenario, " + posts + " posts, cold start\n" + table);
        return report;
    }

    private static Set<String> hits(ScenarioReport report) {
        return Set.copyOf(report.windows().stream().filter(ScenarioReport.Window::hit)
                .map(w -> w.seriesKey() + "@" + w.start().atZone(EASTERN).toLocalDateTime()).toList());
    }

    /** The demo's scenario size. */
    @Test
    void theDemoScenarioIsAlertedWithinTwoMinutesAndOnlyTheLaunchAnticipationStartsEarly() throws IOException {
        ScenarioReport report = evaluate(DemoCommand.DEMO_POSTS);
        // the one miss: all@20:01 (a ramp out of raised chatter, 3 minutes). The crash of DeSantis's
        // launch, the second statement burst of 18:01 and the talk of 21:50 are new waves of episodes
        // already running, escalated in time.
        // the only starts outside every window: the rise of DeSantis talk in the hour before his
        // launch (the scenario's "waiting for the launch" activity, below the labels' threshold)
        Instant anticipationStart = SeedTimeline.DESANTIS_LAUNCH.minus(Duration.ofHours(1));
        assertThat(report.falseStarts()).allSatisfy(start -> assertThat(start.raisedAt())
                .isBetween(anticipationStart, SeedTimeline.DESANTIS_LAUNCH));
        assertThat(hits(report)).containsAll(List.of(
                "all@2023-05-24T18:01", "entity:Ron DeSantis@2023-05-24T18:19", "entity:Thierry Breton@2024-08-12T13:11",
                "all@2024-08-12T13:13", "entity:Steven Cheung@2024-08-12T17:31", "all@2024-08-12T17:31",
                "entity:FBI@2024-08-12T18:01", "all@2024-08-12T18:01", "entity:Elon Musk@2024-08-12T20:18",
                "entity:Truth Social@2024-08-12T20:26", "all@2024-08-12T21:50", "entity:Joseph Costello@2024-08-12T21:51"));
    }

    /** A sparser replay: only the windows whose first two minutes hold enough posts to tell. */
    @Test
    void aSparserScenarioIsAlertedWhereItsPostsTellAndHasNoFalseStarts() throws IOException {
        ScenarioReport report = evaluate(12_000);
        assertThat(report.falseStarts()).isEmpty();
        assertThat(report.windows()).hasSize(13);
        // misses, see the report: entity:Ron DeSantis 2023 (the crash inside the episode the launch
        // started, a new wave at 3 minutes), all@18:01 2024 (a second burst inside the episode of 17:31,
        // not twice its plateau at this size), all@20:01 and
        // all@21:50 (ramps out of raised chatter, 3-4 minutes), entity:Elon Musk@20:18 (6-8 posts a
        // minute against 7 before: the first two minutes of the window hold no spike at this size)
        assertThat(hits(report)).containsAll(List.of(
                "all@2023-05-24T18:01", "entity:Thierry Breton@2024-08-12T13:11", "all@2024-08-12T13:13",
                "entity:Steven Cheung@2024-08-12T17:31", "all@2024-08-12T17:31", "entity:FBI@2024-08-12T18:01",
                "entity:Truth Social@2024-08-12T20:26", "entity:Joseph Costello@2024-08-12T21:51"));
    }
}
