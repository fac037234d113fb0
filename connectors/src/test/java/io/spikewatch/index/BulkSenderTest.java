package io.spikewatch.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import com.fasterxml.jackson.databind.JsonNode;
import io.spikewatch.schema.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BulkSenderTest {

    @Test
    void describesAnErrorWithItsCauses() {
        ErrorCause error = ErrorCause.of(e -> e.type("document_parsing_exception").reason("failed to parse field [x]")
                .causedBy(c -> c.type("illegal_argument_exception").reason("For input string: \"lots\"")));
        assertThat(BulkSender.describe(error)).isEqualTo("document_parsing_exception: failed to parse field [x]"
                + " (caused by illegal_argument_exception: For input string: \"lots\")");
    }

    @Test
    void aRejectedDocumentBecomesADeterministicDeadLetter() throws Exception {
        IndexDocument rejected = new IndexDocument("spikewatch-posts", "p-9", "{\"bad\":1}".getBytes(StandardCharsets.UTF_8));

        IndexDocument letter = BulkSender.deadLetterFor(rejected, "400 strict_dynamic_mapping_exception: no", "dl");
        IndexDocument again = BulkSender.deadLetterFor(rejected, "400 strict_dynamic_mapping_exception: no", "dl");

        assertThat(letter.index()).isEqualTo("dl");
        assertThat(letter.id()).isEqualTo(again.id());
        JsonNode json = Json.MAPPER.readTree(letter.json());
        assertThat(json.get("stage").asText()).isEqualTo("index");
        assertThat(json.get("source").asText()).isEqualTo("spikewatch-posts");
        assertThat(json.get("location").asText()).isEqualTo("p-9");
        assertThat(json.get("record_id").asText()).isEqualTo("p-9");
        assertThat(json.get("raw").asText()).isEqualTo("{\"bad\":1}");
        assertThat(json.get("reason").asText()).startsWith("400 strict_dynamic_mapping_exception");
        assertThat(json.get("failed_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }
}
