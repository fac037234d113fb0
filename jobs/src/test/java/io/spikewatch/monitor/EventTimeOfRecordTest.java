package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.schema.RawRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimeOfRecordTest {

    private final EventTimeOfRecord assigner = new EventTimeOfRecord();
    private final long producedAt = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    @Test
    void takesAPostsCreationTimeOverTheSourceTimestamp() {
        RawRecord post = new RawRecord("kafka:posts", "0@1", "{\"kind\":\"post\",\"id\":\"p\",\"created_at\":\"2024-08-12T20:00:05-04:00\"}");

        assertThat(assigner.extractTimestamp(post, producedAt)).isEqualTo(Instant.parse("2024-08-13T00:00:05Z").toEpochMilli());
    }

    @Test
    void takesAStatementsPublicationTime() {
        RawRecord statement = new RawRecord("kafka:statements", "0@0", "{\"kind\":\"statement\",\"id\":\"s\",\"published_at\":\"2024-08-13T00:00:30Z\"}");

        assertThat(assigner.extractTimestamp(statement, producedAt)).isEqualTo(Instant.parse("2024-08-13T00:00:30Z").toEpochMilli());
    }

    @Test
    void keepsTheSourceTimestampWhenTheRecordHasNoReadableTime() {
        assertThat(assigner.extractTimestamp(new RawRecord("kafka:posts", "0@2", "{not json"), producedAt)).isEqualTo(producedAt);
        assertThat(assigner.extractTimestamp(new RawRecord("kafka:posts", "0@3", "{\"kind\":\"post\",\"id\":\"p\"}"), producedAt)).isEqualTo(producedAt);
    }
}
