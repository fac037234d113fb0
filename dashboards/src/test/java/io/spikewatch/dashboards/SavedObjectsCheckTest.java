package io.spikewatch.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each test breaks the valid {@link SavedObjectsFixture} in one way and expects that one problem, named. */
class SavedObjectsCheckTest {

    private final SavedObjectsFixture fixture = new SavedObjectsFixture();

    private List<String> problems() {
        return fixture.check().stream().map(SavedObjectProblem::toString).toList();
    }

    private void assertOneProblem(String... fragments) {
        List<String> problems = problems();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).contains(fragments);
    }

    @Test
    void theFixtureIsValid() {
        assertThat(problems()).isEmpty();
    }

    // --- data views

    @Test
    void aDataViewOnAnIndexTheJobDoesNotWriteIsRefused() {
        ((ObjectNode) fixture.spikesView.get("attributes")).put("title", "t-spikes,logs-*");
        assertOneProblem("index-pattern 't-spikes' (fixture.ndjson line 2)", "[logs-*]", "match no index the job writes");
    }

    @Test
    void aWildcardTitleMatchingOurIndicesIsAccepted() {
        ((ObjectNode) fixture.spikesView.get("attributes")).put("title", "t-spi*");
        assertThat(problems()).isEmpty();
    }

    @Test
    void aTimeFieldThatIsNotADateIsRefused() {
        ((ObjectNode) fixture.postsView.get("attributes")).put("timeFieldName", "platform");
        assertOneProblem("index-pattern 't-posts'", "time field 'platform' is keyword", "a date");
    }

    // --- Lens columns

    @Test
    void termsOnATextFieldIsRefused() {
        fixture.column("platform").put("sourceField", "text");
        assertThat(problems()).anySatisfy(p -> assertThat(p).contains(
                "lens 't-volume'", "column 'platform' (terms) uses field 'text' of type text", "keyword, numeric, boolean or ip"));
    }

    @Test
    void termsOnTheKeywordMultiFieldOfATextIsAccepted() {
        fixture.column("platform").put("sourceField", "text.raw");
        assertThat(problems()).isEmpty();
    }

    @Test
    void aDateHistogramOnAKeywordIsRefused() {
        fixture.column("time").put("sourceField", "platform").put("dataType", "string");
        assertOneProblem("column 'time' (date_histogram) uses field 'platform' of type keyword; it needs a date");
    }

    @Test
    void aSumOfAKeywordIsRefused() {
        fixture.column("views").put("sourceField", "platform");
        assertOneProblem("column 'views' (sum) uses field 'platform' of type keyword; it needs a numeric type");
    }

    @Test
    void aFieldTheTemplateDoesNotMapIsRefused() {
        fixture.column("views").put("sourceField", "engagement.impressions");
        assertOneProblem("column 'views' (sum) uses field 'engagement.impressions', which the index template does not map");
    }

    @Test
    void aFieldInsideANestedOneIsRefusedInLens() {
        fixture.column("platform").put("sourceField", "entities.text");
        assertOneProblem("column 'platform' (terms) uses field 'entities.text', which lies inside a nested field");
    }

    @Test
    void aDataTypeThatDisagreesWithTheFieldIsRefused() {
        fixture.column("platform").put("dataType", "number");
        assertOneProblem("column 'platform' has dataType 'number' but field 'platform' is keyword (dataType 'string')");
    }

    @Test
    void anUnknownOperationIsRefusedRatherThanSkipped() {
        fixture.column("views").put("operationType", "geo_centroid");
        assertOneProblem("operation 'geo_centroid', which this check does not know");
    }

    @Test
    void aFormulaReferringToAMissingColumnIsRefused() {
        fixture.column("views").put("operationType", "formula").remove("sourceField");
        fixture.column("views").putArray("references").add("viewsX0");
        assertOneProblem("column 'views' (formula) refers to column 'viewsX0', which the layer does not have");
    }

    @Test
    void termsOrderedByAMissingColumnIsRefused() {
        ((ObjectNode) fixture.column("platform").at("/params/orderBy")).put("columnId", "likes");
        assertOneProblem("column 'platform' is ordered by column 'likes'");
    }

    @Test
    void aColumnOrderThatMissesAColumnIsRefused() {
        ((ArrayNode) fixture.volumeLayer().get("columnOrder")).remove(3);
        assertOneProblem("columnOrder", "does not list exactly its columns");
    }

    @Test
    void aColumnFilterNamingAnUnmappedFieldIsRefused() {
        ((ObjectNode) fixture.column("posts").get("filter")).put("query", "sentiment.lable:negative");
        assertOneProblem("column 'posts' filter query 'sentiment.lable:negative' names field 'sentiment.lable'");
    }

    @Test
    void aVisualizationQueryNamingAnUnmappedFieldIsRefused() {
        ((ObjectNode) fixture.lens.at("/attributes/state/query")).put("query", "platfrom:x");
        assertOneProblem("the visualization's query 'platfrom:x' names field 'platfrom'");
    }

    @Test
    void anAccessorThatIsNoColumnIsRefused() {
        ((ArrayNode) fixture.lens.at("/attributes/state/visualization/layers/0/accessors")).add("likes");
        assertOneProblem("visualization layer 'volume' shows column 'likes', which the layer does not have");
    }

    @Test
    void aLayerWithoutItsDataViewReferenceIsRefused() {
        ((ArrayNode) fixture.lens.get("references")).remove(0);
        assertThat(problems()).anySatisfy(p -> assertThat(p).contains(
                "layer 'volume' needs a reference named 'indexpattern-datasource-layer-volume'"));
    }

    // --- annotations

    @Test
    void anAnnotationTimeFieldThatIsNotADateIsRefused() {
        fixture.annotation().put("timeField", "series");
        assertOneProblem("annotation layer 'spikes' annotation 'starts' time field uses field 'series' of type keyword");
    }

    @Test
    void anAnnotationQueryNamingAnUnmappedFieldIsRefused() {
        ((ObjectNode) fixture.annotation().get("filter")).put("query", "severity >= 40 and score > 2");
        assertOneProblem("annotation 'starts' query 'severity >= 40 and score > 2' names field 'score'");
    }

    @Test
    void anAnnotationTooltipFieldOfAnotherIndexIsRefused() {
        ((ArrayNode) fixture.annotation().get("extraFields")).add("platform");
        assertOneProblem("tooltip field uses field 'platform', which the index template does not map");
    }

    @Test
    void anAnnotationLayerWithoutItsDataViewReferenceIsRefused() {
        ((ArrayNode) fixture.lens.get("references")).remove(1);
        assertOneProblem("annotation layer 'spikes' needs a reference named 'xy-visualization-layer-spikes'");
    }

    // --- saved searches

    @Test
    void sortingASearchOnATextFieldIsRefused() {
        ((ArrayNode) fixture.search.at("/attributes/sort/0")).set(0, SavedObjectsFixture.MAPPER.getNodeFactory().textNode("text"));
        assertOneProblem("search 't-latest'", "sort uses field 'text' of type text; it needs a type with doc values");
    }

    @Test
    void aSearchColumnTheTemplateDoesNotMapIsRefused() {
        ((ArrayNode) fixture.search.at("/attributes/columns")).add("author.handle");
        assertOneProblem("column uses field 'author.handle', which the index template does not map");
    }

    @Test
    void aSearchQueryNamingAnUnmappedFieldIsRefused() {
        ((ObjectNode) fixture.searchSource.get("query")).put("query", "label:negative");
        assertOneProblem("the search's query 'label:negative' names field 'label'");
    }

    @Test
    void aSearchFilterOnAnUnmappedFieldIsRefused() {
        fixture.searchSource.putArray("filter").addObject().putObject("meta").put("key", "lang");
        assertOneProblem("the search's filter uses field 'lang'");
    }

    // --- references and dashboards

    @Test
    void aReferenceToAnObjectNotInTheFilesIsRefused() {
        ((ObjectNode) fixture.dashboard.at("/references/1")).put("id", "t-oldest");
        assertOneProblem("dashboard 't-monitor'", "reference 'latest:panel_latest' points at search 't-oldest', which is not in the files");
    }

    @Test
    void aPanelWithoutItsReferenceIsRefused() {
        ((ObjectNode) fixture.panels.get(1)).put("panelRefName", "panel_other");
        List<String> problems = problems();
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("panel 'latest' needs a reference named 'latest:panel_other'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("reference 'latest:panel_latest' (search 't-latest') is used by no panel"));
    }

    @Test
    void aPanelWhoseReferenceIsOfAnotherTypeIsRefused() {
        ((ObjectNode) fixture.panels.get(1)).put("type", "lens");
        assertOneProblem("panel 'latest' is a lens panel but its reference points at a search");
    }

    @Test
    void overlappingPanelsAreRefused() {
        ((ObjectNode) fixture.panels.get(1).get("gridData")).put("x", 20);
        assertOneProblem("panel 'latest' overlaps panel 'volume'");
    }

    @Test
    void aPanelOutsideTheGridIsRefused() {
        ((ObjectNode) fixture.panels.get(1).get("gridData")).put("w", 30);
        assertOneProblem("panel 'latest': gridData x=24 y=0 w=30 h=10 must lie within the 48-column grid");
    }

    @Test
    void aDashboardAttributeKibanaDoesNotKnowIsRefused() {
        ((ObjectNode) fixture.dashboard.get("attributes")).put("panels", "[]");
        assertOneProblem("attribute 'panels' is not in Kibana's dashboard schema");
    }

    // --- identities

    @Test
    void aGeneratedUuidAsIdIsRefused() {
        fixture.spikesView.put("id", "0ed79425-3edd-4496-9565-6eb60db97434");
        assertThat(problems()).anySatisfy(p -> assertThat(p).contains("id '0ed79425-3edd-4496-9565-6eb60db97434' is not readable"));
    }

    @Test
    void aGeneratedUuidAsLayerIdIsRefused() {
        String uuid = "3f68c3e4-801e-474c-8d03-fd5862228453";
        ((ObjectNode) fixture.lens.at("/references/0")).put("name", "indexpattern-datasource-layer-" + uuid);
        assertThat(problems()).anySatisfy(p -> assertThat(p).contains("holds a generated UUID"));
    }

    @Test
    void aGeneratedUuidAsColumnIdIsRefused() {
        String uuid = "7ac31901-277a-46e2-8128-8d684b2c1127";
        fixture.volumeLayer().with("columns").set(uuid, fixture.column("views").deepCopy());
        fixture.volumeLayer().withArray("columnOrder").add(uuid);
        assertOneProblem("column '" + uuid + "' has a generated UUID as its id");
    }

    @Test
    void aDuplicateIdIsRefused() {
        fixture.search.put("id", "t-volume");
        assertThat(problems()).anySatisfy(p -> assertThat(p).contains("id 't-volume' is already used by lens 't-volume'"));
    }

    @Test
    void missingMigrationVersionsAreRefused() {
        fixture.lens.remove("typeMigrationVersion");
        assertOneProblem("lens 't-volume'", "has no coreMigrationVersion and typeMigrationVersion");
    }

    @Test
    void anUnsupportedTypeIsRefused() {
        fixture.search.put("type", "visualization");
        assertThat(problems()).anySatisfy(p -> assertThat(p).contains("type 'visualization' is not one these files use"));
    }
}
