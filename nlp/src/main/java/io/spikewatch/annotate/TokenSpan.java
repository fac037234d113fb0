package io.spikewatch.annotate;

/**
 * An entity as a run of tokens of one sentence: tokens {@code first} to {@code end - 1}. Two
 * spans count as the same entity only when type, first and end all agree (exact match, as the
 * CoNLL and WNUT scorers count them).
 */
public record TokenSpan(EntityType type, int first, int end) {

    public TokenSpan {
        if (type == null) {
            throw new IllegalArgumentException("a token span needs a type");
        }
        if (first < 0 || end <= first) {
            throw new IllegalArgumentException("bad token span [" + first + ", " + end + ")");
        }
    }
}
