package io.spikewatch.dashboards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a set of Kibana saved objects against the indices the job writes, without Kibana.
 *
 * <p>What it checks:
 * <ul>
 *   <li>every object is of a type these files use ({@link #SUPPORTED_TYPES}), carries the migration
 *       versions Kibana needs to read its format, and has a readable, unique id (lower-case words
 *       joined by {@code -}; no generated UUID anywhere in its ids or reference names) and a
 *       non-empty title unique within its type;</li>
 *   <li>every data view's title names only indices of the {@link IndexCatalog} (so nothing points
 *       at an index the job does not write) and its time field is a {@code date} there;</li>
 *   <li>every reference resolves to an object in the files;</li>
 *   <li>Lens visualizations ({@link LensCheck}), saved searches ({@link SavedSearchCheck}) and
 *       dashboards ({@link DashboardCheck}) use only fields their data views map, with types
 *       their uses can work with.</li>
 * </ul>
 */
public final class SavedObjectsCheck {

    /** The saved-object types these files hold. */
    public static final Set<String> SUPPORTED_TYPES = Set.of(CheckContext.INDEX_PATTERN, "lens", "search", "dashboard");

    private static final Pattern READABLE_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final IndexCatalog catalog;

    public SavedObjectsCheck(IndexCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every problem found, in file order per kind of check; empty when the objects are sound. */
    public List<SavedObjectProblem> check(List<SavedObject> objects) {
        List<SavedObjectProblem> problems = new ArrayList<>();
        Map<String, SavedObject> byTypeAndId = identities(objects, problems);
        Map<String, MappedFields> dataViewFields = new LinkedHashMap<>();
        for (SavedObject object : objects) {
            if (object.type().equals(CheckContext.INDEX_PATTERN)) {
                checkDataView(object, dataViewFields, problems);
            }
        }
        CheckContext context = new CheckContext(byTypeAndId, dataViewFields);
        LensCheck lens = new LensCheck(context);
        SavedSearchCheck search = new SavedSearchCheck(context);
        DashboardCheck dashboard = new DashboardCheck(context,
                MappedFields.union(dataViewFields.isEmpty() ? List.of() : dataViewFields.values()));
        for (SavedObject object : objects) {
            for (SavedObjectReference ref : object.references()) {
                if (context.find(ref.type(), ref.id()).isEmpty()) {
                    context.problem(object, "reference '" + ref.name() + "' points at " + ref.type() + " '" + ref.id()
                            + "', which is not in the files");
                }
                if (UUID.matcher(ref.name()).find()) {
                    context.problem(object, "reference name '" + ref.name() + "' holds a generated UUID; use readable layer and panel ids");
                }
            }
            switch (object.type()) {
                case "lens" -> lens.check(object);
                case "search" -> search.check(object);
                case "dashboard" -> dashboard.check(object);
                default -> { }
            }
        }
        problems.addAll(context.problems());
        return problems;
    }

    private static Map<String, SavedObject> identities(List<SavedObject> objects, List<SavedObjectProblem> problems) {
        Map<String, SavedObject> byTypeAndId = new HashMap<>();
        Map<String, SavedObject> byId = new HashMap<>();
        Set<String> titles = new HashSet<>();
        for (SavedObject object : objects) {
            if (!SUPPORTED_TYPES.contains(object.type())) {
                problems.add(SavedObjectProblem.of(object, "type '" + object.type() + "' is not one these files use " + SUPPORTED_TYPES));
            }
            if (!object.migrationVersions()) {
                problems.add(SavedObjectProblem.of(object, "has no coreMigrationVersion and typeMigrationVersion;"
                        + " Kibana would take its attributes for the oldest format and migrate them wrongly"));
            }
            if (!READABLE_ID.matcher(object.id()).matches() || UUID.matcher(object.id()).find()) {
                problems.add(SavedObjectProblem.of(object, "id '" + object.id()
                        + "' is not readable: use lower-case words joined by '-', such as spikewatch-live-monitor"));
            }
            SavedObject sameId = byId.putIfAbsent(object.id(), object);
            if (sameId != null) {
                problems.add(SavedObjectProblem.of(object, "id '" + object.id() + "' is already used by " + sameId.label()));
            }
            byTypeAndId.putIfAbsent(CheckContext.key(object.type(), object.id()), object);
            if (object.title().isBlank()) {
                problems.add(SavedObjectProblem.of(object, "has no title"));
            } else if (!titles.add(object.type() + "/" + object.title())) {
                problems.add(SavedObjectProblem.of(object, "title '" + object.title() + "' is already used by another " + object.type()));
            }
        }
        return byTypeAndId;
    }

    private void checkDataView(SavedObject dataView, Map<String, MappedFields> dataViewFields, List<SavedObjectProblem> problems) {
        IndexCatalog.Resolution resolution = catalog.resolve(dataView.title());
        if (!resolution.unmatched().isEmpty()) {
            problems.add(SavedObjectProblem.of(dataView, "title '" + dataView.title() + "' names " + resolution.unmatched()
                    + ", which match no index the job writes " + catalog.indexNames()));
        }
        if (resolution.fields() == null) {
            return;
        }
        dataViewFields.put(dataView.id(), resolution.fields());
        String timeField = dataView.attributes().path("timeFieldName").asText("");
        if (timeField.isEmpty()) {
            problems.add(SavedObjectProblem.of(dataView, "has no timeFieldName; the dashboards' time picker would not filter it"));
            return;
        }
        MappedField field = resolution.fields().get(timeField).orElse(null);
        if (field == null) {
            problems.add(SavedObjectProblem.of(dataView, "time field '" + timeField + "' is not mapped in " + resolution.indices()));
        } else if (!FieldRequirement.DATE.accepts(field.type())) {
            problems.add(SavedObjectProblem.of(dataView, "time field '" + timeField + "' is " + field.type() + "; it needs "
                    + FieldRequirement.DATE.description()));
        } else if (field.insideNested()) {
            problems.add(SavedObjectProblem.of(dataView, "time field '" + timeField + "' lies inside a nested field"));
        }
    }
}
