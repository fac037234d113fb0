package io.spikewatch.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikewatch.schema.Post;
import io.spikewatch.schema.RawRecord;
import org.junit.jupiter.api.Test;

class FormatAdaptersTest {

    @Test
    void everyKnownNameGivesTheAdapterOfThatName() {
        assertThat(FormatAdapters.names())
                .containsExactly("ndjson", "x-api-v2", "bluesky-jetstream", "mastodon", "press-feed");
        for (String name : FormatAdapters.names()) {
            assertThat(FormatAdapters.named(name).name()).isEqualTo(name);
        }
        assertThat(FormatAdapters.named("  Mastodon ")).isInstanceOf(MastodonStatusAdapter.class);
    }

    @Test
    void eachCallGivesAFreshAdapterSoSkipCountsAreNotShared() throws Exception {
        FormatAdapter first = FormatAdapters.named("bluesky-jetstream");
        first.map(new RawRecord("t", "1", "{\"did\":\"did:plc:a\",\"kind\":\"identity\"}"));

        assertThat(first.skipped()).containsEntry("identity", 1L);
        assertThat(FormatAdapters.named("bluesky-jetstream").skipped()).isEmpty();
    }

    @Test
    void onlyAPressFeedSpansLines() {
        assertThat(FormatAdapters.names()).filteredOn(name -> !FormatAdapters.named(name).oneRecordPerLine())
                .containsExactly("press-feed");
    }

    @Test
    void anUnknownNameIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> FormatAdapters.named("twitter-v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown input format 'twitter-v1' (known formats: "
                        + "ndjson, x-api-v2, bluesky-jetstream, mastodon, press-feed)");
        assertThatThrownBy(() -> FormatAdapters.named(null)).hasMessageContaining("unknown input format 'null'");
    }

    @Test
    void ndjsonIsOurOwnSchema() throws Exception {
        var docs = FormatAdapters.named("ndjson").map(new RawRecord("t", "1",
                "{\"id\":\"p\",\"text\":\"hi\",\"created_at\":\"2024-08-12T20:00:00Z\",\"platform\":\"x\"}"));

        assertThat(docs).singleElement().isInstanceOf(Post.class);
        assertThat(((Post) docs.get(0)).platform()).isEqualTo("x");
    }
}
