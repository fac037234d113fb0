package io.spikewatch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.spikewatch.schema.DeadLetter;
import io.spikewatch.schema.Json;
import java.util.Objects;

/** Ready-made {@link DocumentConverter}s. */
public final class DocumentConverters {

    private DocumentConverters() {}

    /** Dead letters into {@link IndexNames#deadLetters()}, under their own (deterministic) id. */
    public static DocumentConverter<DeadLetter> deadLetters(IndexNames names) {
        String index = Objects.requireNonNull(names, "names").deadLetters();
        return deadLetter -> new IndexDocument(index, deadLetter.id(), toJson(deadLetter, index));
    }

    /**
     * Any record into one fixed index as JSON of {@link Json#MAPPER} (snake_case, ISO-8601 times),
     * under the id that {@code idOf} reads from it.
     */
    public static <T> DocumentConverter<T> json(String index, SerializableFunction<T, String> idOf) {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(idOf, "idOf");
        return element -> new IndexDocument(index, idOf.apply(element), toJson(element, index));
    }

    static byte[] toJson(Object value, String index) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName()
                    + " for index " + index + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A {@link java.util.function.Function} that Flink can ship to the task managers. */
    @FunctionalInterface
    public interface SerializableFunction<T, R> extends java.util.function.Function<T, R>, java.io.Serializable {}
}
