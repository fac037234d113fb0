package io.spikewatch.monitor;

import java.io.Serializable;

/**
 * The fast path's progress through the input: by wall-clock time {@code readAtMillis} it had read
 * posts up to event time {@code eventTimeMillis}. {@link AnnotationLag} maps an annotated post's
 * event time back to when the fast path read it.
 */
public record ReadMark(long eventTimeMillis, long readAtMillis) implements Serializable {}
