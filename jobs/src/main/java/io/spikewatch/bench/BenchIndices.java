package io.spikewatch.bench;

import io.spikewatch.index.IndexNames;

/** The guard of the benchmarks that delete and rewrite their indices: never the production ones. */
final class BenchIndices {

    private BenchIndices() {}

    /**
     * @param suggested the prefix the error suggests instead
     * @throws IllegalArgumentException when {@code indices} use the production prefix
     */
    static IndexNames requireNotProduction(IndexNames indices, String suggested) {
        if (indices.prefix().equals(IndexNames.DEFAULT_PREFIX)) {
            throw new IllegalArgumentException("index prefix: the benchmark deletes its indices before it runs, so it refuses the"
                    + " production prefix '" + IndexNames.DEFAULT_PREFIX + "'; use another, such as '" + suggested + "'");
        }
        return indices;
    }
}
