package io.spikewatch.replay;

/** A replay file that cannot be opened or read: fatal for the job, with the file named. */
public class ReplayException extends RuntimeException {

    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
