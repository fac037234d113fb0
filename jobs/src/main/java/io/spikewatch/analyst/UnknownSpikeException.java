package io.spikewatch.analyst;

/** {@code explain} was given an id the spikes index does not hold. */
public final class UnknownSpikeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownSpikeException(String id, String index) {
        super("no spike with id '" + id + "' in " + index + " (ids look like 'entity:Elon Musk|volume|2024-08-13T00:18:00Z';"
                + " 'spikewatch spikes' lists them)");
    }
}
