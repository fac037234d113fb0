package io.spikewatch.annotate;

/**
 * An entity the statistical NER found, already mapped to a Spikewatch type, with UTF-16 offsets
 * into the original text.
 */
record NerSpan(EntityType type, int start, int end) {

    boolean contains(TrackedMatch match) {
        return start <= match.start() && match.end() <= end;
    }
}
