package io.spikewatch.formats;

import static io.spikewatch.formats.JsonFields.count;
import static io.spikewatch.formats.JsonFields.optionalCount;
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

/**
 * Maps one Mastodon Status entity (as returned by the REST API and the streaming API's
 * {@code update} event payload) to a post, following the Status and Account entities of the
 * Mastodon API documentation: {@code id}, {@code uri}, {@code url}, {@code created_at},
 * {@code content}, {@code spoiler_text}, {@code language}, {@code in_reply_to_id},
 * {@code reblog}, {@code quote}, {@code account} ({@code id}, {@code acct},
 * {@code display_name}, {@code followers_count}), {@code reblogs_count},
 * {@code favourites_count}, {@code replies_count} and {@code quotes_count}.
 *
 * <ul>
 *   <li>Ids are {@code mastodon:} and the status id, and so are the references. Status ids are
 *       those of the server the statuses were read from, so statuses of one server (or one
 *       export) reference each other correctly; the same status read through two servers has two
 *       ids.
 *   <li>The text is {@code content} turned from HTML into plain text ({@link HtmlText}), after
 *       the content warning ({@code spoiler_text}) as its own paragraph when there is one.
 *   <li>A reblog is a repost: the post is the reblogging status (its author, time and counts),
 *       its text the reblogged status's, and {@code repost_of} the reblogged status's id.
 *   <li>A quote ({@code quote.quoted_status.id}, or {@code quote.quoted_status_id} in its shallow
 *       form) becomes {@code quote_of}.
 *   <li>The URL is {@code url}, or {@code uri} when a server gives no {@code url}.
 *   <li>A status without id, time or any text (a media-only status) is rejected.
 * </ul>
 */
public final class MastodonStatusAdapter implements FormatAdapter {

    public static final String NAME = "mastodon";
    public static final String PLATFORM = "mastodon";
    public static final String ID_PREFIX = "mastodon:";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<InputDocument> map(RawRecord raw) throws RejectedRecordException {
        JsonNode status = JsonFields.readObject(raw.text(), "Mastodon status");
        String id = ID_PREFIX + requiredText(status, "id", "", null);
        Instant createdAt = requiredTime(status, "created_at", "", id);
        JsonNode reblog = optionalObject(status, "reblog", "", id);
        String repostOf = null;
        String text;
        if (reblog.isMissingNode()) {
            text = text(status, "", id);
        } else {
            repostOf = ID_PREFIX + requiredText(reblog, "id", "reblog", id);
            text = text(reblog, "reblog", id);
        }
        String replyTo = optionalText(status, "in_reply_to_id", "", id);
        String url = optionalText(status, "url", "", id);
        return List.of(new Post(
                id,
                PLATFORM,
                author(status, id),
                text,
                createdAt,
                optionalText(status, "language", "", id),
                url != null ? url : optionalText(status, "uri", "", id),
                replyTo == null ? null : ID_PREFIX + replyTo,
                repostOf,
                quoteOf(status, id),
                new Engagement(
                        count(status, "favourites_count", "", id),
                        count(status, "reblogs_count", "", id),
                        count(status, "replies_count", "", id),
                        count(status, "quotes_count", "", id),
                        0)));
    }

    private static String text(JsonNode status, String path, String id) throws RejectedRecordException {
        String content = HtmlText.toPlainText(optionalText(status, "content", path, id));
        String warning = optionalText(status, "spoiler_text", path, id);
        String text = warning == null || warning.isBlank()
                ? content
                : content == null || content.isBlank() ? warning.strip() : warning.strip() + "\n\n" + content;
        if (text == null || text.isBlank()) {
            throw new RejectedRecordException(
                    "missing required field '" + JsonFields.path(path, "content") + "' (no text once HTML is removed)", id);
        }
        return text;
    }

    private static Author author(JsonNode status, String id) throws RejectedRecordException {
        JsonNode account = optionalObject(status, "account", "", id);
        if (account.isMissingNode()) {
            return null;
        }
        return new Author(
                optionalText(account, "id", "account", id),
                optionalText(account, "acct", "account", id),
                optionalText(account, "display_name", "account", id),
                optionalCount(account, "followers_count", "account", id));
    }

    private static String quoteOf(JsonNode status, String id) throws RejectedRecordException {
        JsonNode quote = optionalObject(status, "quote", "", id);
        if (quote.isMissingNode()) {
            return null;
        }
        JsonNode quoted = optionalObject(quote, "quoted_status", "quote", id);
        String quotedId = quoted.isMissingNode()
                ? optionalText(quote, "quoted_status_id", "quote", id)
                : optionalText(quoted, "id", "quote.quoted_status", id);
        return quotedId == null ? null : ID_PREFIX + quotedId;
    }
}
