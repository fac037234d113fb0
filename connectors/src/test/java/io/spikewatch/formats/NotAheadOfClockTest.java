package io.spikewatch.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikewatch.schema.RawRecord;
import io.spikewatch.schema.RejectedRecordException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NotAheadOfClockTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private final FormatAdapter ndjson = new FormatAdapterCache(clock).of("ndjson");

    private static RawRecord post(String id, String createdAt) {
        return new RawRecord("kafka:posts", "0@7", "{\"kind\":\"post\",\"id\":\"" + id + "\",\"text\":\"hi\",\"created_at\":\"" + createdAt + "\"}");
    }

    @Test
    void aPostDatedHoursAfterTheClockIsRefusedAndHasNoEventTime() {
        // microseconds since the epoch read as milliseconds would be tens of thousands of years ahead;
        // an offset of -04:00 written as Z, four hours
        RawRecord ahead = post("p1", "2026-11-28T16:00:00Z");

        assertThatThrownBy(() -> ndjson.map(ahead))
                .isInstanceOf(RejectedRecordException.class)
                .hasMessageContaining("2026-11-28T16:00:00Z")
                .hasMessageContaining("in the future")
                .satisfies(e -> assertThat(((RejectedRecordException) e).recordId()).isEqualTo("p1"));
        assertThat(ndjson.eventTime(ahead)).isEmpty();
    }

    @Test
    void aPostWithinAnHourOfClockSkewOrInThePastIsRead() throws Exception {
        for (String time : new String[] {"2026-11-28T12:59:00Z", "2024-08-12T20:00:00-04:00"}) {
            RawRecord post = post("p2", time);

            assertThat(ndjson.map(post)).as(time).hasSize(1);
            assertThat(ndjson.eventTime(post)).as(time).contains(OffsetDateTime.parse(time).toInstant());
        }
    }

    @Test
    void theCacheKeepsTheFormatsOwnNameAndLineLayout() {
        FormatAdapterCache cache = new FormatAdapterCache(clock);

        assertThat(cache.of("press-feed").name()).isEqualTo("press-feed");
        assertThat(cache.of("press-feed").oneRecordPerLine()).isFalse();
        assertThat(cache.of("ndjson")).isSameAs(cache.of("ndjson"));
    }
}
