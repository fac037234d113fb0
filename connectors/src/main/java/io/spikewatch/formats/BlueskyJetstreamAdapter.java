package io.spikewatch.formats;

import static io.spikewatch.formats.JsonFields.optionalObject;
import static io.spikewatch.formats.JsonFields.optionalText;
import static io.spikewatch.formats.JsonFields.requiredText;
import static io.spikewatch.formats.JsonFields.requiredTime;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikewatch.schema.Author;
import io.spikewatch.schema.Engagement;
import io.spikewatch.schema.InputDocument;
import io.spikewatch.schema.Post;
import io.spikewatch.schema.RawRecord;
import io.spikewatch.schema.RejectedRecordException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Maps Bluesky Jetstream events to posts, following the Jetstream README (the event's {@code did},
 * {@code time_us}, {@code kind} and {@code commit} with {@code operation}, {@code collection},
 * {@code rkey} and {@code record}) and the {@code app.bsky.feed.post} lexicon for the record
 * ({@code text}, {@code createdAt}, {@code langs}, {@code reply.parent.uri}, and {@code embed} of
 * type {@code app.bsky.embed.record} or {@code app.bsky.embed.recordWithMedia} for quotes).
 *
 * <ul>
 *   <li>A post's id is its at-uri {@code at://{did}/app.bsky.feed.post/{rkey}}, and so are its
 *       references (the reply's parent, the quoted record), so they match the quoted post's own id.
 *       Its URL is {@code https://bsky.app/profile/{did}/post/{rkey}}.
 *   <li>The event time is the record's {@code createdAt} (when the author posted), not
 *       {@code time_us} (when Jetstream saw it).
 *   <li>The author is the repository's DID; a commit carries no handle, name or followers.
 *       Jetstream reports no engagement, so it is zero.
 *   <li>Events that are valid but not a post creation (a delete or update, a like, follow or other
 *       collection, an {@code identity} or {@code account} event, a kind Jetstream may add) map to
 *       no document and are counted in {@link #skipped()} under {@code commit:delete},
 *       {@code commit:update}, {@code commit:other-collection}, {@code identity}, {@code account}
 *       or {@code other-kind}; they are not dead letters.
 *   <li>An event without {@code did} or {@code kind}, or a post creation without {@code rkey},
 *       text or a readable {@code createdAt}, is rejected.
 * </ul>
 */
public final class BlueskyJetstreamAdapter implements FormatAdapter {

    public static final String NAME = "bluesky-jetstream";
    public static final String PLATFORM = "bluesky";
    static final String POST_COLLECTION = "app.bsky.feed.post";
    private static final String EMBED_RECORD = "app.bsky.embed.record";
    private static final String EMBED_RECORD_WITH_MEDIA = "app.bsky.embed.recordWithMedia";
    private static final String AT_URI = "at://%s/" + POST_COLLECTION + "/%s";
    private static final String POST_URL = "https://bsky.app/profile/%s/post/%s";

    private final SkipCounter skipped = new SkipCounter();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Long> skipped() {
        return skipped.snapshot();
    }

    @Override
    public List<InputDocument> map(RawRecord raw) throws RejectedRecordException {
        JsonNode event = JsonFields.readObject(raw.text(), "Jetstream event");
        String did = requiredText(event, "did", "", null);
        String kind = requiredText(event, "kind", "", null);
        switch (kind) {
            case "commit" -> {
                // handled below
            }
            case "identity", "account" -> {
                skipped.count(kind);
                return List.of();
            }
            default -> {
                skipped.count("other-kind");
                return List.of();
            }
        }
        JsonNode commit = optionalObject(event, "commit", "", null);
        if (commit.isMissingNode()) {
            throw new RejectedRecordException("missing required field 'commit' (the event's kind is 'commit')", null);
        }
        String operation = requiredText(commit, "operation", "commit", null);
        String collection = requiredText(commit, "collection", "commit", null);
        if (!POST_COLLECTION.equals(collection)) {
            skipped.count("commit:other-collection");
            return List.of();
        }
        switch (operation) {
            case "create" -> {
                // handled below
            }
            case "delete", "update" -> {
                skipped.count("commit:" + operation);
                return List.of();
            }
            default -> throw new RejectedRecordException(
                    "unknown 'commit.operation' '" + operation + "' (expected create, update or delete)", null);
        }
        String rkey = requiredText(commit, "rkey", "commit", null);
        String id = String.format(AT_URI, did, rkey);
        JsonNode record = optionalObject(commit, "record", "commit", id);
        if (record.isMissingNode()) {
            throw new RejectedRecordException("missing required field 'commit.record' of a post creation", id);
        }
        String text = requiredText(record, "text", "commit.record", id);
        Instant createdAt = requiredTime(record, "createdAt", "commit.record", id);
        return List.of(new Post(
                id,
                PLATFORM,
                new Author(did, null, null, null),
                text,
                createdAt,
                firstLanguage(record, id),
                String.format(POST_URL, did, rkey),
                replyParent(record, id),
                null,
                quotedRecord(record, id),
                Engagement.NONE));
    }

    private static String firstLanguage(JsonNode record, String id) throws RejectedRecordException {
        JsonNode langs = record.get("langs");
        if (langs == null || langs.isNull()) {
            return null;
        }
        if (langs.isArray() && langs.isEmpty()) {
            return null;
        }
        if (!langs.isArray() || !langs.get(0).isTextual()) {
            throw new RejectedRecordException(
                    "'commit.record.langs' must be an array of language tags, got " + langs, id);
        }
        return langs.get(0).asText();
    }

    private static String replyParent(JsonNode record, String id) throws RejectedRecordException {
        JsonNode reply = optionalObject(record, "reply", "commit.record", id);
        if (reply.isMissingNode()) {
            return null;
        }
        JsonNode parent = optionalObject(reply, "parent", "commit.record.reply", id);
        return requiredText(parent, "uri", "commit.record.reply.parent", id);
    }

    private static String quotedRecord(JsonNode record, String id) throws RejectedRecordException {
        JsonNode embed = optionalObject(record, "embed", "commit.record", id);
        if (embed.isMissingNode()) {
            return null;
        }
        String type = optionalText(embed, "$type", "commit.record.embed", id);
        if (EMBED_RECORD.equals(type)) {
            JsonNode ref = optionalObject(embed, "record", "commit.record.embed", id);
            return requiredText(ref, "uri", "commit.record.embed.record", id);
        }
        if (EMBED_RECORD_WITH_MEDIA.equals(type)) {
            JsonNode outer = optionalObject(embed, "record", "commit.record.embed", id);
            JsonNode ref = optionalObject(outer, "record", "commit.record.embed.record", id);
            return requiredText(ref, "uri", "commit.record.embed.record.record", id);
        }
        return null;
    }
}
