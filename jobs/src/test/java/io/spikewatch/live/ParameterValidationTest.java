package io.spikewatch.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikewatch.spikes.SpikeKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterValidationTest {

    private static final Set<String> RANGE = Set.of("from", "to");

    @Test
    void aRangeIsReadFromItsTwoInstants() {
        TimeRange range = QueryParameters.parse("from=2024-08-12T23%3A00%3A00Z&to=2024-08-13T02:00:00Z", RANGE).timeRange();
        assertThat(range.from()).isEqualTo(Instant.parse("2024-08-12T23:00:00Z"));
        assertThat(range.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(range.bucketStarts()).hasSize(180).startsWith(range.from());
    }

    @Test
    void unknownRepeatedMissingAndMalformedParametersAreRefusedByName() {
        assertThatThrownBy(() -> QueryParameters.parse("from=a&size=5", RANGE))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("unknown parameter 'size'").hasMessageContaining("from, to");
        assertThatThrownBy(() -> QueryParameters.parse("from=a&from=b", RANGE)).hasMessageContaining("'from' is given more than once");
        assertThatThrownBy(() -> QueryParameters.parse("to=2024-08-13T02:00:00Z", RANGE).timeRange())
                .hasMessageContaining("missing parameter 'from'");
        assertThatThrownBy(() -> QueryParameters.parse("from=%E0%A4&to=x", RANGE)).hasMessageContaining("non-UTF-8");
        assertThatThrownBy(() -> QueryParameters.parse("from=" + "9".repeat(QueryParameters.MAX_QUERY_LENGTH), RANGE))
                .hasMessageContaining("at most " + QueryParameters.MAX_QUERY_LENGTH);
    }

    @Test
    void aRangeMustRunForwardAndStayWithinAMonth() {
        assertThatThrownBy(() -> TimeRange.parse("2024-08-13T02:00:00Z", "2024-08-13T01:00:00Z")).hasMessageContaining("must be before");
        assertThatThrownBy(() -> TimeRange.parse("2024-08-13T02:00:00Z", "2024-08-13T02:00:00Z")).hasMessageContaining("must be before");
        assertThatThrownBy(() -> TimeRange.parse("2024-07-01T00:00:00Z", "2024-08-13T00:00:00Z")).hasMessageContaining("longer than 31 days");
        assertThatThrownBy(() -> TimeRange.parse("2024-08-13 01:00", "2024-08-13T02:00:00Z"))
                .hasMessageContaining("parameter 'from'").hasMessageContaining("'2024-08-13 01:00'");
    }

    @Test
    void theIntervalGrowsSoAChartNeverHasMoreThanItsBuckets() {
        for (long hours : new long[] {1, 6, 7, 24, 24 * 7, 24 * 31}) {
            TimeRange range = new TimeRange(Instant.parse("2024-08-01T00:00:00Z"), Instant.parse("2024-08-01T00:00:00Z").plus(Duration.ofHours(hours)));
            assertThat(range.bucketStarts()).as("%d hours", hours).hasSizeLessThanOrEqualTo(TimeRange.MAX_BUCKETS + 1);
        }
        assertThat(TimeRange.parse("2024-08-01T00:00:00Z", "2024-08-01T07:00:00Z").interval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(TimeRange.parse("2024-08-01T00:00:30Z", "2024-08-01T00:02:00Z").bucketStarts())
                .containsExactly(Instant.parse("2024-08-01T00:00:00Z"), Instant.parse("2024-08-01T00:01:00Z"));
    }

    @Test
    void entityNamesOfTheTrackedKindPassAndOthersAreRefused() {
        for (String name : new String[] {"Elon Musk", "X (platform)", "Harris-Walz campaign", "JD Vance", "Project 2025", "Ségolène Royal"}) {
            assertThat(EntityName.check("entity", name)).isEqualTo(name);
        }
        for (String name : new String[] {"", " Elon", "Elon*", "a\"b", "<script>", "x".repeat(EntityName.MAX_LENGTH + 1)}) {
            assertThatThrownBy(() -> EntityName.check("entity", name)).as(name).isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("'entity'");
        }
    }

    @Test
    void spikeIdsAreTakenApartAndCheckedPartByPart() {
        SpikeId id = SpikeId.parse("id", "entity:X (platform)|sentiment_shift|2024-08-13T00:05:00Z");
        assertThat(id.entity()).isEqualTo("X (platform)");
        assertThat(id.kind()).isEqualTo(SpikeKind.SENTIMENT_SHIFT);
        assertThat(id.documentId()).isEqualTo("entity:X (platform)|sentiment_shift|2024-08-13T00:05:00Z");
        assertThat(SpikeId.parse("id", "platform:x|flatline|2024-08-13T00:05:00Z").platform()).isEqualTo("x");
        assertThat(SpikeId.parse("id", "query:ddos-claims|volume|2024-08-13T00:05:00Z").entity()).isNull();

        assertThatThrownBy(() -> SpikeId.parse("id", "all|volume")).hasMessageContaining("SERIES|KIND|START");
        assertThatThrownBy(() -> SpikeId.parse("id", "all|VOLUME|2024-08-13T00:05:00Z")).hasMessageContaining("kind 'VOLUME'");
        assertThatThrownBy(() -> SpikeId.parse("id", "all|surge|2024-08-13T00:05:00Z")).hasMessageContaining("volume, flatline");
        assertThatThrownBy(() -> SpikeId.parse("id", "all|volume|yesterday")).hasMessageContaining("start 'yesterday'");
        assertThatThrownBy(() -> SpikeId.parse("id", "query:a b|volume|2024-08-13T00:05:00Z")).hasMessageContaining("series 'query:a b'");
        assertThatThrownBy(() -> SpikeId.parse("id", "everything|volume|2024-08-13T00:05:00Z")).hasMessageContaining("series 'everything'");
        assertThatThrownBy(() -> SpikeId.parse("id", null)).hasMessageContaining("missing parameter 'id'");
    }
}
