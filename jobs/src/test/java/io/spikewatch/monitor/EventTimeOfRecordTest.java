package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.schema.RawRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
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
    void aRecordWithNoReadableTimeHasNoEventTime() {
        assertThat(assigner.extractTimestamp(new RawRecord("kafka:posts", "0@2", "{not json"), producedAt)).isEqualTo(TimestampAssigner.NO_TIMESTAMP);
        assertThat(assigner.extractTimestamp(new RawRecord("kafka:posts", "0@3", "{\"kind\":\"post\",\"id\":\"p\"}"), producedAt)).isEqualTo(TimestampAssigner.NO_TIMESTAMP);
    }

    @Test
    void aRecordDatedInTheFutureHasNoEventTimeSoItCannotCarryTheWatermarkPastThePostsToCome() {
        String nextYear = Instant.now().plus(Duration.ofDays(365)).toString();
        RawRecord fromTheFuture = new RawRecord("kafka:posts", "0@4", "{\"kind\":\"post\",\"id\":\"p\",\"text\":\"hi\",\"created_at\":\"" + nextYear + "\"}");

        assertThat(assigner.extractTimestamp(fromTheFuture, producedAt)).isEqualTo(TimestampAssigner.NO_TIMESTAMP);
    }

    @Test
    void aMalformedRecordProducedLongAfterItsNeighboursLeavesThePartitionsWatermarkWithThem() {
        RecordDrivenWatermarks<RawRecord> watermarks = new RecordDrivenWatermarks<>(Duration.ofMinutes(2));
        EmittedWatermarks output = new EmittedWatermarks();
        // a backlog of 2024 read in 2026: Kafka stamps each record with the time it was produced
        for (RawRecord record : List.of(
                new RawRecord("kafka:posts", "1@141", "{\"kind\":\"post\",\"id\":\"a\",\"created_at\":\"2024-08-13T00:00:00Z\"}"),
                new RawRecord("kafka:posts", "1@142", "{\"kind\":\"post\",\"id\":\"b\",\"created_at\":"),
                new RawRecord("kafka:posts", "1@143", "{\"kind\":\"post\",\"id\":\"c\",\"created_at\":\"2024-08-13T00:01:00Z\"}"))) {
            watermarks.onEvent(record, assigner.extractTimestamp(record, producedAt), output);
        }

        assertThat(output.watermarks).as("the watermark follows the posts' own times, less 2 minutes")
                .containsExactly(Instant.parse("2024-08-12T23:57:59.999Z").toEpochMilli(), Instant.parse("2024-08-12T23:58:59.999Z").toEpochMilli());
    }
}
