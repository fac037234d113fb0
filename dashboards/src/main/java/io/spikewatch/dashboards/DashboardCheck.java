package io.spikewatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a dashboard: only attributes Kibana's dashboard schema allows (it refuses unknown ones);
 * panels by reference, each with a unique panel index, a reference named
 * {@code PANEL_INDEX:PANEL_REF_NAME} of the panel's type pointing at an object in the files, and a
 * place on the 48-column grid that overlaps no other panel; no reference no panel uses.
 */
final class DashboardCheck {

    /** Kibana lays dashboards out on a grid this many columns wide. */
    static final int GRID_COLUMNS = 48;

    /** The attributes of Kibana's dashboard saved-object schema, which forbids any other. */
    static final Set<String> ALLOWED_ATTRIBUTES = Set.of(
            "title", "description", "kibanaSavedObjectMeta", "timeRestore", "timeFrom", "timeTo",
            "refreshInterval", "controlGroupInput", "panelsJSON", "optionsJSON", "hits", "version");

    /** The panel types these files may embed by reference. */
    static final Set<String> PANEL_TYPES = Set.of("lens", "search", "visualization");

    private final CheckContext context;
    private final MappedFields allDataViewFields;

    /** @param allDataViewFields the union of every data view's fields, for the dashboard-wide query */
    DashboardCheck(CheckContext context, MappedFields allDataViewFields) {
        this.context = context;
        this.allDataViewFields = allDataViewFields;
    }

    void check(SavedObject dashboard) {
        Iterator<String> names = dashboard.attributes().fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!ALLOWED_ATTRIBUTES.contains(name)) {
                context.problem(dashboard, "attribute '" + name + "' is not in Kibana's dashboard schema, which refuses unknown attributes");
            }
        }
        Optional<JsonNode> source = context.json(dashboard, SavedSearchCheck.SEARCH_SOURCE,
                dashboard.attributes().path("kibanaSavedObjectMeta").path("searchSourceJSON"));
        source.ifPresent(s -> context.queryAndFilters(dashboard, "the dashboard's", allDataViewFields, s.path("query"), s.path("filter")));

        Optional<JsonNode> panels = context.json(dashboard, "panelsJSON", dashboard.attributes().path("panelsJSON"));
        if (panels.isEmpty()) {
            return;
        }
        if (!panels.get().isArray() || panels.get().isEmpty()) {
            context.problem(dashboard, "panelsJSON must be a non-empty array of panels");
            return;
        }
        Set<String> usedReferences = new HashSet<>();
        Set<String> panelIndices = new HashSet<>();
        List<int[]> boxes = new ArrayList<>();
        List<String> boxNames = new ArrayList<>();
        for (JsonNode panel : panels.get()) {
            String index = panel.path("panelIndex").asText("");
            String where = "panel '" + index + "'";
            if (index.isEmpty() || !panelIndices.add(index)) {
                context.problem(dashboard, where + ": panelIndex must be present and unique");
            }
            checkGrid(dashboard, where, index, panel.path("gridData"), boxes, boxNames);
            String type = panel.path("type").asText("");
            if (!PANEL_TYPES.contains(type)) {
                context.problem(dashboard, where + " has type '" + type + "'; these files embed only " + PANEL_TYPES);
            }
            String refName = panel.path("panelRefName").asText("");
            if (refName.isEmpty()) {
                context.problem(dashboard, where + " has no panelRefName: panels here are saved objects of their own, by reference");
                continue;
            }
            String qualified = index + ":" + refName;
            usedReferences.add(qualified);
            Optional<SavedObjectReference> ref = dashboard.reference(qualified);
            if (ref.isEmpty()) {
                context.problem(dashboard, where + " needs a reference named '" + qualified + "', and there is none");
            } else if (!ref.get().type().equals(type)) {
                context.problem(dashboard, where + " is a " + type + " panel but its reference points at a " + ref.get().type());
            }
        }
        for (SavedObjectReference ref : dashboard.references()) {
            if (!usedReferences.contains(ref.name())) {
                context.problem(dashboard, "reference '" + ref.name() + "' (" + ref.type() + " '" + ref.id() + "') is used by no panel");
            }
        }
    }

    private void checkGrid(SavedObject dashboard, String where, String index, JsonNode grid, List<int[]> boxes, List<String> names) {
        int x = grid.path("x").asInt(-1);
        int y = grid.path("y").asInt(-1);
        int w = grid.path("w").asInt(0);
        int h = grid.path("h").asInt(0);
        if (!index.equals(grid.path("i").asText())) {
            context.problem(dashboard, where + ": gridData.i must equal the panelIndex");
        }
        if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > GRID_COLUMNS) {
            context.problem(dashboard, where + ": gridData x=" + x + " y=" + y + " w=" + w + " h=" + h
                    + " must lie within the " + GRID_COLUMNS + "-column grid");
            return;
        }
        int[] box = {x, y, w, h};
        for (int i = 0; i < boxes.size(); i++) {
            int[] other = boxes.get(i);
            if (x < other[0] + other[2] && other[0] < x + w && y < other[1] + other[3] && other[1] < y + h) {
                context.problem(dashboard, where + " overlaps panel '" + names.get(i) + "'");
            }
        }
        boxes.add(box);
        names.add(index);
    }
}
