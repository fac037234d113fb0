package io.spikewatch.spikes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VolumeDetectorConfigTest {

    @Test
    void settersNameTheSettingTheyRefuse() {
        assertThatThrownBy(() -> VolumeDetectorConfig.builder().bucketWidth(Duration.ofMinutes(7))).hasMessageContaining("bucketWidth");
        assertThatThrownBy(() -> VolumeDetectorConfig.builder().bucketWidth(Duration.ZERO)).hasMessageContaining("bucketWidth");
        assertThatThrownBy(() -> VolumeDetectorConfig.builder().alertDeviation(0)).hasMessageContaining("alertDeviation");
        assertThatThrownBy(() -> VolumeDetectorConfig.builder().alertDeviation(Double.NaN)).hasMessageContaining("alertDeviation");
        assertThatThrownBy(() -> VolumeDetectorConfig.builder().warmUp(Duration.ofHours(-1))).hasMessageContaining("warmUp");
        assertThatThrownBy(() -> VolumeDetectorConfig.builder().minimumExcess(-1)).hasMessageContaining("minimumExcess");
        assertThatThrownBy(() -> VolumeDetectorConfig.builder().dailySlots(0)).hasMessageContaining("dailySlots");
        assertThatThrownBy(() -> VolumeDetectorConfig.builder().bucketWidth(Duration.ofMinutes(30)).flatlineWindow(Duration.ofMinutes(10)).build())
                .hasMessageContaining("flatlineWindow");
        assertThatThrownBy(() -> EpisodeTrackerConfig.builder().holdScore(0.6)).hasMessageContaining("holdScore");
        assertThatThrownBy(() -> EpisodeTrackerConfig.builder().quietPeriod(Duration.ZERO)).hasMessageContaining("quietPeriod");
    }

    @Test
    void bucketDependentParametersDeriveFromTheBucketWidth() {
        assertThat(VolumeDetectorConfig.defaults().flatlineBuckets()).isEqualTo(10);
        assertThat(VolumeDetectorConfig.builder().bucketWidth(Duration.ofMinutes(5)).build().flatlineBuckets()).isEqualTo(2);
        assertThat(EpisodeTrackerConfig.defaults().quietBuckets()).isEqualTo(60);
        assertThat(EpisodeTrackerConfig.builder().bucketWidth(Duration.ofMinutes(5)).build().quietBuckets()).isEqualTo(12);
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        VolumeDetectorConfig config = VolumeDetectorConfig.builder().bucketWidth(Duration.ofMinutes(5)).alertDeviation(6).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject().toString()).isEqualTo(config.toString());
        }
    }

    @Test
    void aSustainedWindowMustSpanAtLeastTwoBucketsAndItsBarMustBePositive() {
        assertThatThrownBy(() -> VolumeDetectorConfig.builder().bucketWidth(Duration.ofMinutes(5))
                .sustainedWindows(java.util.List.of(Duration.ofMinutes(5))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sustainedWindows");
        assertThatThrownBy(() -> VolumeDetectorConfig.builder().sustainedWindows(java.util.List.of(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sustainedWindows");
        assertThatThrownBy(() -> VolumeDetectorConfig.builder().sustainedAlertDeviation(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sustainedAlertDeviation");
        assertThat(VolumeDetectorConfig.builder().bucketWidth(Duration.ofMinutes(5)).build().recentBuckets()).isEqualTo(48);
        assertThat(VolumeDetectorConfig.defaults().recentBuckets()).isEqualTo(240);
    }
}
