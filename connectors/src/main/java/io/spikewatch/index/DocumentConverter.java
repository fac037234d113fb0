package io.spikewatch.index;

import java.io.Serializable;

/**
 * Turns one stream element into the one document that represents it in Elasticsearch. It runs
 * inside the sink writer, so it must be serializable and should be cheap; an exception it throws
 * fails the job, because a record the pipeline cannot even describe is a bug, not bad input.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface DocumentConverter<T> extends Serializable {

    IndexDocument convert(T element);
}
