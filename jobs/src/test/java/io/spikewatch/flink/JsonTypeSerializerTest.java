package io.spikewatch.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.alerts.Alert;
import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.SentimentBreakdown;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeExplanation;
import io.spikewatch.spikes.SpikeKind;
import io.spikewatch.spikes.TermWeight;
import io.spikewatch.spikes.TopPost;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class JsonTypeSerializerTest {

    private static final Instant START = Instant.parse("2024-08-13T00:18:00Z");
    private static final Spike SPIKE = new Spike("entity:X (platform)", SpikeKind.VOLUME, EpisodePhase.STARTED, START, START, null, 62,
            412, 9.5, new SpikeExplanation(412, 9.5, 380, new SentimentBreakdown(71, 20, 9, -0.42),
                    List.of(new TermWeight("unable to join", 88, 0.1, 80)), List.of(new TermWeight("#twitterblackout", 41, 0, 41)),
                    List.of(), List.of(new TopPost("x-1", "x", "elonmusk", "massive DDOS attack on 𝕏", "en", START, 21000, 195_000_000))));

    @Test
    void anAlertWithItsSpikeAndExplanationSurvivesTheWireAndACheckpoint() throws Exception {
        Alert alert = new Alert("outage|" + SPIKE.id() + "|started|0", "outage", SPIKE.seriesKey(), SPIKE, EpisodePhase.STARTED, 62,
                "Volume spike on X (platform)", "412 posts/min vs 9.5 expected", List.of("console"), START.plusSeconds(60));
        TypeSerializer<Alert> serializer = JsonTypeInfo.of(Alert.class).createSerializer(new SerializerConfigImpl());

        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(alert, out);
        Alert back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(back).isEqualTo(alert);

        DataOutputSerializer snapshotOut = new DataOutputSerializer(64);
        serializer.snapshotConfiguration().writeSnapshot(snapshotOut);
        TypeSerializerSnapshot<Alert> restored = new JsonTypeSerializer.Snapshot<>();
        restored.readSnapshot(1, new DataInputDeserializer(snapshotOut.getCopyOfBuffer()), getClass().getClassLoader());
        assertThat(restored.restoreSerializer()).isEqualTo(serializer);
        assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAsIs()).isTrue();
    }
}
