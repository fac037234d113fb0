package io.spikewatch.annotate;

/**
 * A conservative estimate of the heap an annotation and its key text hold on a 64-bit JVM with
 * compressed references, for the byte bound of {@link CachingAnnotator}. Counts object headers,
 * fields, string contents as UTF-16 (the worst case: compact Latin-1 strings take half) and
 * the cache's own map entry; it need not be exact, only proportional and not low.
 */
final class AnnotationFootprint {

    /** A String: header, fields and the array header, before its characters. */
    static final int STRING_OVERHEAD = 40;
    /** The LRU map's entry, the cache's entry record and the annotation's lists. */
    static final int ENTRY_OVERHEAD = 160;
    /** An {@link EntityMention} record with its list slot, before its strings. */
    static final int MENTION_OVERHEAD = 48;
    /** An {@link EntitySentiment} record with its list slot, before its strings. */
    static final int ENTITY_SENTIMENT_OVERHEAD = 48;

    private AnnotationFootprint() {}

    static long estimateBytes(String text, Annotation annotation) {
        long bytes = ENTRY_OVERHEAD + string(text);
        for (EntityMention mention : annotation.entities()) {
            bytes += MENTION_OVERHEAD + string(mention.text()) + string(mention.type()) + string(mention.canonical());
        }
        for (EntitySentiment sentiment : annotation.entitySentiments()) {
            bytes += ENTITY_SENTIMENT_OVERHEAD + string(sentiment.entity()) + string(sentiment.label());
        }
        return bytes;
    }

    private static long string(String s) {
        return s == null ? 0 : STRING_OVERHEAD + 2L * s.length();
    }
}
