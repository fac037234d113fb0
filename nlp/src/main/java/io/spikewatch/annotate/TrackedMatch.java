package io.spikewatch.annotate;

/**
 * A place where a text names a tracked entity.
 *
 * @param canonical the entity's canonical name
 * @param start UTF-16 offset of the first character of the match in the text
 * @param end UTF-16 offset just past the match
 */
public record TrackedMatch(String canonical, EntityType type, int start, int end) {

    /** The number of UTF-16 code units matched. */
    public int length() {
        return end - start;
    }

    /** The entity mention this match is in {@code text}, the text it was found in. */
    public EntityMention mentionIn(String text) {
        return new EntityMention(text.substring(start, end), type.name(), start, end, canonical);
    }

    /** True when the two matches share at least one character. */
    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
