package io.spikewatch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.spikewatch.testing.ElasticsearchExtension;
import io.spikewatch.testing.LocalElasticsearch;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ElasticsearchExtension.class)
class IndexTemplatesITCase {

    private static ElasticsearchClient client;
    private static IndexNames names;

    @BeforeAll
    static void installTwiceAndCreateIndices(LocalElasticsearch es) throws Exception {
        client = es.client();
        names = es.uniqueNames();
        IndexTemplates.install(client, names);
        IndexTemplates.install(client, names); // idempotent
        for (String index : names.all()) {
            client.indices().create(c -> c.index(index));
        }
        IndexTemplates.install(client, names); // with the indices present: updates their mappings
    }

    private static TypeMapping mappingOf(String index) throws Exception {
        return client.indices().getMapping(m -> m.index(index)).get(index).mappings();
    }

    @Test
    void eachTemplateTargetsOnlyItsOwnIndex() throws Exception {
        for (IndexKind kind : IndexKind.values()) {
            String name = names.nameOf(kind);
            var template = client.indices().getIndexTemplate(t -> t.name(name)).indexTemplates();
            assertThat(template).hasSize(1);
            assertThat(template.get(0).indexTemplate().indexPatterns()).containsExactly(name);
        }
    }

    @Test
    void postsMappingIsStrictWithRawTextAndNestedEntities() throws Exception {
        TypeMapping posts = mappingOf(names.posts());
        assertThat(posts.dynamic()).isEqualTo(DynamicMapping.Strict);
        Map<String, Property> p = posts.properties();
        assertThat(p.get("id").isKeyword()).isTrue();
        assertThat(p.get("text").text().analyzer()).isEqualTo("standard");
        assertThat(p.get("text").text().fields().get("raw").keyword().ignoreAbove()).isEqualTo(512);
        assertThat(p.get("created_at").isDate()).isTrue();
        assertThat(p.get("minute").isDate()).isTrue();
        assertThat(p.get("entities").isNested()).isTrue();
        assertThat(p.get("entities").nested().properties().get("start").isInteger()).isTrue();
        assertThat(p.get("entity_sentiment").isNested()).isTrue();
        assertThat(p.get("author").object().properties().get("followers").isLong()).isTrue();
        assertThat(p.get("author").object().properties().get("name").text().fields()).containsKey("keyword");
        assertThat(p.get("engagement").object().properties()).containsOnlyKeys(
                "likes", "reposts", "replies", "quotes", "views");
        assertThat(p.get("sentiment").object().properties().get("score").isFloat()).isTrue();
        assertThat(p.get("annotation").object().properties()).containsOnlyKeys("status", "error", "sentiment_skipped", "sample_rate", "annotator");
        assertThat(p.get("annotation").object().properties().get("sample_rate").isFloat()).isTrue();
        assertThat(p).containsKeys("canonical_entities", "entity_names", "indexed_at", "reply_to", "repost_of",
                "quote_of", "lang", "url", "platform", "kind");
    }

    @Test
    void statementsMetricsAndDeadLettersHaveTheirMappings() throws Exception {
        TypeMapping statements = mappingOf(names.statements());
        assertThat(statements.dynamic()).isEqualTo(DynamicMapping.Strict);
        assertThat(statements.properties().get("organization").keyword().fields().get("text").isText()).isTrue();
        assertThat(statements.properties().get("published_at").isDate()).isTrue();
        assertThat(statements.properties().get("entities").isNested()).isTrue();

        TypeMapping metrics = mappingOf(names.metrics());
        assertThat(metrics.dynamic()).isEqualTo(DynamicMapping.Strict);
        assertThat(metrics.properties()).containsOnlyKeys("id", "scope", "entity", "minute", "window_end", "count",
                "sentiment_mean", "sentiment_scored", "negative", "neutral", "positive", "unique_authors", "updated_at");
        assertThat(metrics.properties().get("sentiment_mean").isFloat()).isTrue();

        TypeMapping deadLetters = mappingOf(names.deadLetters());
        assertThat(deadLetters.dynamic()).isEqualTo(DynamicMapping.False);
        assertThat(deadLetters.properties().get("raw").text().index()).isFalse();
        assertThat(deadLetters.properties().get("reason").text().fields()).containsKey("keyword");
    }

    @Test
    void spikesAndAlertsHaveTheirMappings() throws Exception {
        TypeMapping spikes = mappingOf(names.spikes());
        assertThat(spikes.dynamic()).isEqualTo(DynamicMapping.Strict);
        assertThat(spikes.properties()).containsOnlyKeys("id", "series", "kind", "phase", "start", "peak", "end",
                "severity", "peak_value", "peak_expected", "explanation", "updated_at");
        Map<String, Property> explanation = spikes.properties().get("explanation").object().properties();
        assertThat(explanation.get("terms").isNested()).isTrue();
        assertThat(explanation.get("top_posts").nested().properties().get("created_at").isDate()).isTrue();
        assertThat(explanation.get("top_posts").nested().properties().get("lang").isKeyword()).isTrue();
        assertThat(explanation.get("sentiment").object().properties().get("mean").isFloat()).isTrue();

        TypeMapping alerts = mappingOf(names.alerts());
        assertThat(alerts.dynamic()).isEqualTo(DynamicMapping.Strict);
        assertThat(alerts.properties().get("deliveries").isNested()).isTrue();
        assertThat(alerts.properties().get("title").text().fields()).containsKey("keyword");
        assertThat(alerts.properties().get("created_at").isDate()).isTrue();
    }

    @Test
    void strictMappingRejectsAnUnknownField() {
        byte[] json = "{\"id\":\"x\",\"kind\":\"post\",\"surprise\":1}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> client.index(i -> i.index(names.posts()).id("x")
                        .document(BinaryData.of(json, ContentType.APPLICATION_JSON))))
                .isInstanceOf(ElasticsearchException.class)
                .hasMessageContaining("strict_dynamic_mapping_exception");
    }
}
