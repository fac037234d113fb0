package io.spikewatch.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappedFieldsTest {

    private final MappedFields posts = MappedFields.of(SavedObjectsFixture.parse(SavedObjectsFixture.POSTS_MAPPING));

    @Test
    void flattensObjectsAndMultiFieldsToDottedNames() {
        assertThat(posts.get("engagement.views")).contains(new MappedField("engagement.views", "long", false));
        assertThat(posts.get("text")).contains(new MappedField("text", "text", false));
        assertThat(posts.get("text.raw")).contains(new MappedField("text.raw", "keyword", false));
        assertThat(posts.get("engagement")).isEmpty();
    }

    @Test
    void marksFieldsInsideNestedOnes() {
        assertThat(posts.get("entities")).contains(new MappedField("entities", "nested", false));
        assertThat(posts.get("entities.text")).contains(new MappedField("entities.text", "keyword", true));
    }

    @Test
    void matchesWildcardNames() {
        assertThat(posts.matchesAny("engagement.*")).isTrue();
        assertThat(posts.matchesAny("author.*")).isFalse();
    }

    @Test
    void aUnionMarksFieldsMappedDifferentlyAsConflicts() {
        MappedFields other = MappedFields.of(SavedObjectsFixture.parse("""
                {"properties": {"platform": {"type": "text"}, "lang": {"type": "keyword"}}}"""));
        MappedFields union = MappedFields.union(List.of(posts, other));
        assertThat(union.get("platform")).map(MappedField::type).contains(MappedField.CONFLICT);
        assertThat(union.get("lang")).map(MappedField::type).contains("keyword");
        assertThat(FieldRequirement.ANY.accepts(MappedField.CONFLICT)).isFalse();
    }

    @Test
    void aMappingWithoutPropertiesIsRefused() {
        assertThatThrownBy(() -> MappedFields.of(SavedObjectsFixture.parse("{\"dynamic\": false}")))
                .hasMessageContaining("'properties'");
    }

    @Test
    void aCatalogResolvesNamesPatternsAndReportsWhatMatchesNothing() {
        IndexCatalog catalog = new IndexCatalog(Map.of("sw-posts", posts, "sw-alerts", posts));
        IndexCatalog.Resolution r = catalog.resolve("sw-*, other, -sw-alerts");
        assertThat(r.indices()).containsExactlyInAnyOrder("sw-posts", "sw-alerts");
        assertThat(r.unmatched()).containsExactly("other", "-sw-alerts");
        assertThat(catalog.resolve("nothing").fields()).isNull();
    }
}
