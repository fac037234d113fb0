package io.spikewatch.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceFormatsTest {

    @Test
    void aSourceWithoutAFormatOfItsOwnTakesTheDefault() {
        SourceFormats formats = SourceFormats.allIn("X-API-V2 ").with("press", "press-feed");

        assertThat(formats.formatOf("posts")).isEqualTo("x-api-v2");
        assertThat(formats.formatOf("press")).isEqualTo("press-feed");
        assertThat(SourceFormats.ndjson().formatOf("anything")).isEqualTo("ndjson");
    }

    @Test
    void anUnknownFormatNamesTheSourceAndTheKnownFormats() {
        assertThatThrownBy(() -> SourceFormats.ndjson().with("press", "rss"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input format of press")
                .hasMessageContaining("'rss'")
                .hasMessageContaining("press-feed");
        assertThatThrownBy(() -> SourceFormats.allIn("tweets")).hasMessageContaining("input format: unknown input format 'tweets'");
    }

    @Test
    void equalFormatsAreEqual() {
        assertThat(SourceFormats.allIn("mastodon").with("a", "ndjson")).isEqualTo(SourceFormats.allIn("mastodon").with("a", "ndjson"));
        assertThat(SourceFormats.allIn("mastodon")).isNotEqualTo(SourceFormats.ndjson());
    }
}
