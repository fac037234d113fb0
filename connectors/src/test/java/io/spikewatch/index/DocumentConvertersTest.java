package io.spikewatch.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikewatch.schema.DeadLetter;
import io.spikewatch.schema.Json;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class DocumentConvertersTest {

    @Test
    void aDeadLetterGoesToItsIndexUnderItsOwnId() throws Exception {
        DeadLetter letter = DeadLetter.of(DeadLetter.STAGE_PARSE, "posts.ndjson", "17", "{oops", "not JSON", null);
        DocumentConverter<DeadLetter> converter =
                InstantiationUtil.clone(DocumentConverters.deadLetters(new IndexNames("demo")));

        IndexDocument document = converter.convert(letter);

        assertThat(document.index()).isEqualTo("demo-deadletters");
        assertThat(document.id()).isEqualTo(letter.id());
        JsonNode json = Json.MAPPER.readTree(document.json());
        assertThat(json.get("source").asText()).isEqualTo("posts.ndjson");
        assertThat(json.get("raw").asText()).isEqualTo("{oops");
        assertThat(json.has("record_id")).isFalse();
        assertThat(Json.MAPPER.treeToValue(json, DeadLetter.class)).isEqualTo(letter);
    }
}
