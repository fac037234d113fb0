package io.spikewatch.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsWindowsWithFractionalSeconds() throws Exception {
        Path file = Files.writeString(dir.resolve("windows.json"),
                "{\"a.csv\": [[\"2015-03-03 04:37:53.000000\", \"2015-03-04 13:37:53.000000\"]], \"b.csv\": []}");
        Map<String, List<LabeledWindow>> windows = NabFiles.readWindows(file);
        assertThat(windows.get("a.csv")).containsExactly(new LabeledWindow(
                LocalDateTime.of(2015, 3, 3, 4, 37, 53), LocalDateTime.of(2015, 3, 4, 13, 37, 53)));
        assertThat(windows.get("b.csv")).isEmpty();
    }

    @Test
    void badWindowsNameTheFileAndTheKey() throws Exception {
        Path file = Files.writeString(dir.resolve("windows.json"), "{\"a.csv\": [[\"2015-03-03\"]]}");
        assertThatThrownBy(() -> NabFiles.readWindows(file)).hasMessageContaining("windows.json").hasMessageContaining("a.csv");
    }

    @Test
    void scoredFilesRoundTripAndAScoreJustUnderTheThresholdStaysUnder() throws Exception {
        Path file = dir.resolve("scored.csv");
        LocalDateTime t = LocalDateTime.of(2015, 2, 26, 21, 42, 53);
        NabFiles.writeScored(file, List.of(new ScoredRow(t, 104, Math.nextDown(0.5)), new ScoredRow(t.plusMinutes(5), 100, 0.75)));
        assertThat(Files.readAllLines(file)).containsExactly(
                "timestamp,value,anomaly_score", "2015-02-26 21:42:53,104,0.499999", "2015-02-26 21:47:53,100,0.750000");
        assertThat(NabFiles.readScored(file)).extracting(ScoredRow::anomalyScore).containsExactly(0.499999, 0.75);
    }

    @Test
    void aBadValueNamesTheFileTheLineAndTheColumn() throws Exception {
        Path file = Files.writeString(dir.resolve("series.csv"), "timestamp,value\n2015-02-26 21:42:53,10\n2015-02-26 21:47:53,ten\n");
        assertThatThrownBy(() -> NabFiles.readSeries(file)).hasMessageContaining("series.csv:3").hasMessageContaining("value 'ten'");
    }

    @Test
    void aMissingColumnIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("scored.csv"), "timestamp,value\n2015-02-26 21:42:53,10\n");
        assertThatThrownBy(() -> NabFiles.readScored(file)).hasMessageContaining("scored.csv").hasMessageContaining("anomaly_score");
    }

    @Test
    void scoredFilesAreMatchedToWindowKeysByNameOrSuffix() {
        Map<String, Object> keys = Map.of("Twitter_volume_AAPL.csv", 1);
        assertThat(NabFiles.windowsKey(Path.of("ARTime_Twitter_volume_AAPL.csv"), keys)).isEqualTo("Twitter_volume_AAPL.csv");
        assertThat(NabFiles.windowsKey(Path.of("Twitter_volume_AAPL.csv"), keys)).isEqualTo("Twitter_volume_AAPL.csv");
        assertThatThrownBy(() -> NabFiles.windowsKey(Path.of("other.csv"), keys)).hasMessageContaining("other.csv");
    }
}
