package io.spikewatch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IndexNamesTest {

    @Test
    void namesEveryIndex() {
        IndexNames names = IndexNames.defaults();
        assertThat(names.posts()).isEqualTo("spikewatch-posts");
        assertThat(names.statements()).isEqualTo("spikewatch-statements");
        assertThat(names.metrics()).isEqualTo("spikewatch-metrics");
        assertThat(names.deadLetters()).isEqualTo("spikewatch-deadletters");
        assertThat(names.spikes()).isEqualTo("spikewatch-spikes");
        assertThat(names.alerts()).isEqualTo("spikewatch-alerts");
        assertThat(names.all()).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void aBadPrefixNamesTheProblem() {
        assertThatThrownBy(() -> new IndexNames("Spike")).hasMessageContaining("must be lowercase");
        assertThatThrownBy(() -> new IndexNames("_spike")).hasMessageContaining("must start with a letter or digit");
        assertThatThrownBy(() -> new IndexNames("spike*")).hasMessageContaining("may only hold");
        assertThatThrownBy(() -> new IndexNames("")).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> new IndexNames("a".repeat(250))).hasMessageContaining("255 bytes");
        assertThat(new IndexNames("a".repeat(IndexNames.MAX_PREFIX_LENGTH)).deadLetters()).hasSize(255);
    }
}
