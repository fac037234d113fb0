package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.alerts.ContentKind;
import io.spikewatch.alerts.KeywordQuery;
import io.spikewatch.alerts.QuerySeries;
import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.schema.Engagement;
import io.spikewatch.schema.Post;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeriesRouterTest {

    private static final TrackedEntities TRACKED = TrackedEntities.fromYaml("""
            entities:
              - name: X (platform)
                type: ORGANIZATION
                aliases: [Twitter, "𝕏"]
                case_sensitive: [X]
              - name: Thierry Breton
                type: PERSON
                aliases: [Thierry Breton, Breton]
            """, "test.yaml");
    private static final QuerySeries OUTAGE = new QuerySeries("query:outage-talk", KeywordQuery.parse("\"DDoS\" OR \"unable to join\""),
            Set.of(), Set.of(), Set.of(ContentKind.POSTS));
    private final SeriesRouter router = new SeriesRouter(TRACKED, List.of(OUTAGE), Set.of("x"));

    @Test
    void aPostCountsOverallPerNamedEntityPerWatchedPlatformAndPerMatchingQuery() {
        assertThat(router.seriesOf(post("x", "Massive DDoS attack on 𝕏 they say")))
                .containsExactly("all", "entity:X (platform)", "platform:x", "query:outage-talk");
        assertThat(router.seriesOf(post("bluesky", "Breton's letter to Musk")))
                .containsExactly("all", "entity:Thierry Breton");
    }

    @Test
    void everyKnownSeriesStartsWithTheStreamEvenBeforeAPostNamesIt() {
        assertThat(router.knownSeries())
                .containsExactly("all", "entity:X (platform)", "entity:Thierry Breton", "platform:x", "query:outage-talk");
    }

    private static Post post(String platform, String text) {
        return new Post("p", platform, null, text, Instant.parse("2024-08-12T17:11:00Z"), "en", null, null, null, null, Engagement.NONE);
    }
}
