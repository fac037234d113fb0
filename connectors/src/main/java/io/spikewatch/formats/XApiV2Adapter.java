package io.spikewatch.formats;

import static io.spikewatch.formats.JsonFields.count;
import static io.spikewatch.formats.JsonFields.optionalCount;
import static io.spikewatch.formats.JsonFields.optionalObject;
import static io.spikewatch.formats.JsonFields.optionalText;
import static io.spikewatch.formats.JsonFields.requiredText;
import static io.spikewatch.formats.JsonFields.requiredTime;
import static io.spikewatch.formats.JsonFields.typeOf;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikewatch.schema.Author;
import io.spikewatch.schema.Engagement;
import io.spikewatch.schema.InputDocument;
import io.spikewatch.schema.Post;
import io.spikewatch.schema.RawRecord;
import io.spikewatch.schema.RejectedRecordException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps an X API v2 response (a lookup, search or filtered-stream payload) to posts, following X's
 * public v2 data dictionary: the Post (Tweet) object's {@code id}, {@code text}, {@code author_id},
 * {@code created_at}, {@code lang}, {@code referenced_tweets} ({@code replied_to}, {@code quoted},
 * {@code retweeted}), {@code public_metrics} and {@code note_tweet}, and the expansions under
 * {@code includes.users} (User object: {@code id}, {@code username}, {@code name},
 * {@code public_metrics.followers_count}) and {@code includes.tweets}.
 *
 * <ul>
 *   <li>{@code data} may be one post or an array; every element becomes a post. Posts found only in
 *       {@code includes.tweets} are context for the ones in {@code data}, not posts of the stream.
 *   <li>Ids are {@code x:} and the post id, the same for references, so they never collide with
 *       another platform's.
 *   <li>The text is {@code note_tweet.text} when present (posts longer than 280 characters), else
 *       {@code text}. A retweet's own text is X's truncated {@code RT @user: ...}; when the original
 *       is in {@code includes.tweets} its full text is used instead.
 *   <li>An author missing from {@code includes.users} (the request did not expand {@code author_id},
 *       or the user is suspended) does not reject the post: the author is known by id only, and
 *       the URL is {@code https://x.com/i/status/{id}}, which X redirects to the post. A post with
 *       no {@code author_id} at all has no author.
 *   <li>A response with {@code errors} and no {@code data} (every requested post deleted or
 *       protected) is rejected with X's first error; {@code errors} next to {@code data} are
 *       partial errors and ignored.
 *   <li>{@code impression_count} becomes the views; absent metrics are zero.
 * </ul>
 */
public final class XApiV2Adapter implements FormatAdapter {

    public static final String NAME = "x-api-v2";
    public static final String PLATFORM = "x";
    public static final String ID_PREFIX = "x:";
    private static final String POST_URL = "https://x.com/%s/status/%s";
    private static final String POST_URL_WITHOUT_USER = "https://x.com/i/status/%s";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<InputDocument> map(RawRecord raw) throws RejectedRecordException {
        JsonNode response = JsonFields.readObject(raw.text(), "X API v2 response");
        JsonNode data = response.get("data");
        if (data == null || data.isNull()) {
            throw new RejectedRecordException(noDataReason(response), null);
        }
        JsonNode includes = optionalObject(response, "includes", "", null);
        Map<String, JsonNode> users = byId(includes, "users");
        Map<String, JsonNode> tweets = byId(includes, "tweets");
        List<InputDocument> posts = new ArrayList<>();
        if (data.isObject()) {
            posts.add(post(data, "data", users, tweets));
        } else if (data.isArray()) {
            for (int i = 0; i < data.size(); i++) {
                JsonNode item = data.get(i);
                String path = "data[" + i + "]";
                if (!item.isObject()) {
                    throw new RejectedRecordException("'" + path + "' must be an object, got " + typeOf(item), null);
                }
                posts.add(post(item, path, users, tweets));
            }
        } else {
            throw new RejectedRecordException("'data' must be an object or an array, got " + typeOf(data), null);
        }
        return posts;
    }

    private static String noDataReason(JsonNode response) {
        JsonNode errors = response.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.get(0);
            String detail = first.path("detail").asText(first.path("title").asText(first.toString()));
            return "no 'data' in the response; X reported " + errors.size() + " error(s), the first: " + detail;
        }
        return "missing required field 'data' (an X API v2 response holds its posts there)";
    }

    private static Map<String, JsonNode> byId(JsonNode includes, String field) throws RejectedRecordException {
        Map<String, JsonNode> index = new HashMap<>();
        JsonNode list = includes.get(field);
        if (list == null || list.isNull()) {
            return index;
        }
        if (!list.isArray()) {
            throw new RejectedRecordException("'includes." + field + "' must be an array, got " + typeOf(list), null);
        }
        for (JsonNode item : list) {
            JsonNode id = item.get("id");
            if (id != null && id.isTextual()) {
                index.put(id.asText(), item);
            }
        }
        return index;
    }

    private static Post post(JsonNode tweet, String path, Map<String, JsonNode> users, Map<String, JsonNode> tweets)
            throws RejectedRecordException {
        String rawId = requiredText(tweet, "id", path, null);
        String id = ID_PREFIX + rawId;
        String text = fullText(tweet, path, id);
        Instant createdAt = requiredTime(tweet, "created_at", path, id);
        String replyTo = null;
        String quoteOf = null;
        String repostOf = null;
        JsonNode references = tweet.get("referenced_tweets");
        if (references != null && !references.isNull()) {
            if (!references.isArray()) {
                throw new RejectedRecordException(
                        "'" + path + ".referenced_tweets' must be an array, got " + typeOf(references), id);
            }
            for (int i = 0; i < references.size(); i++) {
                String refPath = path + ".referenced_tweets[" + i + "]";
                JsonNode reference = references.get(i);
                String type = requiredText(reference, "type", refPath, id);
                String refId = requiredText(reference, "id", refPath, id);
                switch (type) {
                    case "replied_to" -> replyTo = ID_PREFIX + refId;
                    case "quoted" -> quoteOf = ID_PREFIX + refId;
                    case "retweeted" -> {
                        repostOf = ID_PREFIX + refId;
                        JsonNode original = tweets.get(refId);
                        if (original != null) {
                            text = fullText(original, "includes.tweets[id=" + refId + "]", id);
                        }
                    }
                    default -> throw new RejectedRecordException(
                            "unknown '" + refPath + ".type' '" + type + "' (expected replied_to, quoted or retweeted)", id);
                }
            }
        }
        String authorId = optionalText(tweet, "author_id", path, id);
        JsonNode user = authorId == null ? null : users.get(authorId);
        Author author = authorId == null ? null : author(authorId, user, id);
        String url = author != null && author.handle() != null
                ? String.format(POST_URL, author.handle(), rawId)
                : String.format(POST_URL_WITHOUT_USER, rawId);
        JsonNode metrics = optionalObject(tweet, "public_metrics", path, id);
        String metricsPath = path + ".public_metrics";
        Engagement engagement = new Engagement(
                count(metrics, "like_count", metricsPath, id),
                count(metrics, "retweet_count", metricsPath, id),
                count(metrics, "reply_count", metricsPath, id),
                count(metrics, "quote_count", metricsPath, id),
                count(metrics, "impression_count", metricsPath, id));
        return new Post(
                id, PLATFORM, author, text, createdAt, optionalText(tweet, "lang", path, id), url,
                replyTo, repostOf, quoteOf, engagement);
    }

    private static String fullText(JsonNode tweet, String path, String id) throws RejectedRecordException {
        JsonNode note = optionalObject(tweet, "note_tweet", path, id);
        String noteText = optionalText(note, "text", path + ".note_tweet", id);
        return noteText != null && !noteText.isBlank() ? noteText : requiredText(tweet, "text", path, id);
    }

    private static Author author(String authorId, JsonNode user, String id) throws RejectedRecordException {
        if (user == null) {
            return new Author(authorId, null, null, null);
        }
        String path = "includes.users[id=" + authorId + "]";
        JsonNode metrics = optionalObject(user, "public_metrics", path, id);
        return new Author(
                authorId,
                optionalText(user, "username", path, id),
                optionalText(user, "name", path, id),
                optionalCount(metrics, "followers_count", path + ".public_metrics", id));
    }
}
