package io.spikewatch.replay;

import static io.spikewatch.replay.MergedLineReaderTest.post;
import static io.spikewatch.replay.MergedLineReaderTest.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikewatch.schema.RawRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class NdjsonReplaySourceITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    @TempDir
    Path dir;

    @Test
    void replaysFilesMergedInEventTimeWithTheirTimestamps() throws Exception {
        Path posts = Files.write(dir.resolve("posts.ndjson"), List.of(post("p1", "20:00"), "{broken", post("p2", "20:03")));
        Path statements = Files.write(dir.resolve("statements.ndjson"), List.of(statement("s1", "20:01")));

        List<String> out = run(NdjsonReplaySource.of(List.of(posts, statements), ReplaySpeed.AS_FAST_AS_POSSIBLE), 2);

        // the broken line carries the time of the line before it in its file
        assertThat(out).containsExactly(
                "1723507200000 line 1", "1723507200000 line 2", "1723507260000 line 1", "1723507380000 line 3");
    }

    @Test
    void pacesTheReplayAtTheRequestedMultipleOfRealTime() throws Exception {
        // two minutes of events at 60x real time take about two seconds of wall time
        Path posts = Files.write(dir.resolve("posts.ndjson"), List.of(post("p1", "20:00"), post("p2", "20:01"), post("p3", "20:02")));

        long start = System.nanoTime();
        List<String> out = run(NdjsonReplaySource.of(List.of(posts), ReplaySpeed.timesRealTime(60)), 1);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(out).hasSize(3);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> NdjsonReplaySource.of(List.of(dir.resolve("nope.ndjson")), ReplaySpeed.AS_FAST_AS_POSSIBLE))
                .hasMessageContaining("nope.ndjson");
    }

    private static List<String> run(NdjsonReplaySource source, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "replay")
                .setParallelism(1)
                .process(new ProcessFunction<RawRecord, String>() {
                    @Override
                    public void processElement(RawRecord record, Context ctx, Collector<String> out) {
                        out.collect(ctx.timestamp() + " " + record.location());
                    }
                })
                .setParallelism(1)
                .executeAndCollect(100);
    }
}
