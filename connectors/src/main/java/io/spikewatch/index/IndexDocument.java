package io.spikewatch.index;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One document to index: the target index, the document id, its JSON source and how to write it.
 * The id is the record's own id, so writing the same record again overwrites it instead of adding
 * a copy; a document written {@link IndexOperation#CREATE_IF_ABSENT} never replaces one already
 * stored under its id.
 *
 * <p>This is the request entry of {@link ElasticsearchSink}: it is buffered, checkpointed and
 * retried as is.
 *
 * @param json the UTF-8 JSON source; the array is not copied, do not change it afterwards
 * @param operation the bulk action it is sent with
 */
public record IndexDocument(String index, String id, byte[] json, IndexOperation operation) implements Serializable {

    /** A document written with {@link IndexOperation#INDEX}: it replaces any stored under its id. */
    public IndexDocument(String index, String id, byte[] json) {
        this(index, id, json, IndexOperation.INDEX);
    }

    /** A document stored only if none has its id yet ({@link IndexOperation#CREATE_IF_ABSENT}). */
    public static IndexDocument createIfAbsent(String index, String id, byte[] json) {
        return new IndexDocument(index, id, json, IndexOperation.CREATE_IF_ABSENT);
    }

    public IndexDocument {
        if (index == null || index.isEmpty()) {
            throw new IllegalArgumentException("document index must not be empty (id " + id + ")");
        }
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("document id must not be empty (index " + index + ")");
        }
        if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new IllegalArgumentException("document id '" + id + "' for index " + index
                    + " is longer than Elasticsearch's " + MAX_ID_BYTES + " bytes");
        }
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(operation, "operation");
    }

    /** Elasticsearch refuses ids longer than this many bytes. */
    public static final int MAX_ID_BYTES = 512;

    /** The JSON source as text. */
    public String jsonText() {
        return new String(json, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexDocument other
                && index.equals(other.index)
                && id.equals(other.id)
                && operation == other.operation
                && Arrays.equals(json, other.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, id, operation) * 31 + Arrays.hashCode(json);
    }

    @Override
    public String toString() {
        return "IndexDocument[" + index + "/" + id + ", " + json.length + " bytes"
                + (operation == IndexOperation.INDEX ? "" : ", " + operation) + "]";
    }
}
