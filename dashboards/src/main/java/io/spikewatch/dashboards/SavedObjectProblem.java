package io.spikewatch.dashboards;

/**
 * One thing wrong with a saved object, named precisely enough to fix it without Kibana.
 *
 * @param object how to find the object: type, id and file line
 * @param message what is wrong and why Kibana would care
 */
public record SavedObjectProblem(String object, String message) {

    static SavedObjectProblem of(SavedObject object, String message) {
        return new SavedObjectProblem(object.label(), message);
    }

    @Override
    public String toString() {
        return object + ": " + message;
    }
}
