package io.spikewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code eval scenario}: the volume detector over the seed scenario drawn with several seeds, a
 * column per seed and a summary line per seed whose counts add up to the windows of its column.
 */
class ScenarioEvalCommandTest {

    private static final Pattern SUMMARY = Pattern.compile(
            "seed (\\d+) +(\\d+) of (\\d+) within 2 min, (\\d+) later, (\\d+) missed; (\\d+) false start\\(s\\)");

    @Test
    void printsEachWindowsDelayUnderEachSeedAndASummaryPerSeed() {
        CommandRun run = CommandRun.of("eval", "scenario", "--seeds", "3,42", "--posts", "12000");

        assertThat(run.exitCode()).as(run.errors()).isZero();
        List<String> lines = run.output().lines().toList();
        assertThat(lines.get(0)).startsWith("window start").contains(" 3 ", " 42 ");
        // the seed scenario's volume windows, each with one delay (minutes, or - when missed) per seed
        List<String> windows = lines.stream().filter(l -> l.matches("20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d .*")).toList();
        assertThat(windows).hasSize(13).anySatisfy(l -> assertThat(l).contains("2024-08-12 20:18 entity:Elon Musk"));
        assertThat(windows).allSatisfy(l -> assertThat(l.substring(44).trim().split(" +")).hasSize(2)
                .allSatisfy(delay -> assertThat(delay).matches("-|-?\\d+")));
        List<Matcher> summaries = lines.stream().map(SUMMARY::matcher).filter(Matcher::find).toList();
        assertThat(summaries).extracting(m -> m.group(1)).containsExactly("3", "42");
        for (Matcher summary : summaries) {
            int onTime = Integer.parseInt(summary.group(2));
            assertThat(onTime + Integer.parseInt(summary.group(4)) + Integer.parseInt(summary.group(5)))
                    .isEqualTo(Integer.parseInt(summary.group(3))).isEqualTo(13);
        }
    }

    @Test
    void aNonPositivePostCountIsRefusedWithTheOptionNamed() {
        CommandRun run = CommandRun.of("eval", "scenario", "--posts", "0");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errors()).contains("--posts must be a positive number of posts, got 0");
    }
}
