package io.spikewatch.index;

/**
 * The indices Spikewatch writes. Each kind has a name suffix (appended to the prefix of
 * {@link IndexNames}) and a template resource holding its settings and mappings.
 */
public enum IndexKind {
    POSTS("posts"),
    STATEMENTS("statements"),
    METRICS("metrics"),
    DEAD_LETTERS("deadletters"),
    /** Spike episodes, one document per episode. */
    SPIKES("spikes"),
    /** Alerts raised by the rules, with their deliveries. */
    ALERTS("alerts");

    private static final String TEMPLATE_FOLDER = "/elasticsearch/templates/";

    private final String suffix;

    IndexKind(String suffix) {
        this.suffix = suffix;
    }

    /** What follows {@code prefix-} in the index name, e.g. {@code posts}. */
    public String suffix() {
        return suffix;
    }

    /** Class-path location of the index template body, e.g. {@code /elasticsearch/templates/posts.json}. */
    String templateResource() {
        return TEMPLATE_FOLDER + suffix + ".json";
    }
}
