package io.spikewatch.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A record the pipeline could not process, kept with everything needed to replay it by hand.
 *
 * @param id deterministic (a hash of stage, source, location and raw text), so a replay overwrites
 * @param stage where it failed: {@code parse} or {@code index}
 * @param source where the record came from: a file path, a topic, an index
 * @param location where in the source: a line number, an offset, a document id
 * @param raw the raw text as received
 * @param reason why it was rejected, in words a person can act on
 * @param recordId the record's own id when it could be read, else null
 * @param failedAt event time of the failure in wall-clock terms
 */
public record DeadLetter(
        String id,
        String stage,
        String source,
        String location,
        String raw,
        String reason,
        String recordId,
        Instant failedAt) {

    public static final String STAGE_PARSE = "parse";
    public static final String STAGE_INDEX = "index";

    public static DeadLetter of(
            String stage, String source, String location, String raw, String reason, String recordId) {
        return new DeadLetter(
                idFor(stage, source, location, raw), stage, source, location, raw, reason, recordId, Instant.now());
    }

    static String idFor(String stage, String source, String location, String raw) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {stage, source, location, raw}) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
