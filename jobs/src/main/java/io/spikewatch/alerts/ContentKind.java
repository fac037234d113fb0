package io.spikewatch.alerts;

import java.util.Locale;

/** What a record is: a social post or a campaign statement ({@code kinds: [posts, statements]} in a rule's scope). */
public enum ContentKind {
    POSTS,
    STATEMENTS;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static ContentKind fromConfig(String text) {
        for (ContentKind kind : values()) {
            if (kind.configName().equals(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("expected one of posts, statements but was '" + text + "'");
    }
}
