package io.spikewatch.replay;

/**
 * How far a replay has read one file.
 *
 * @param path the file
 * @param linesConsumed lines already emitted (blank ones included), skipped on restore
 */
public record FileCursor(String path, long linesConsumed) {

    FileCursor advancedTo(long lines) {
        return new FileCursor(path, lines);
    }
}
