package io.spikewatch.live;

import java.util.regex.Pattern;

/**
 * A tracked entity's name as a request may give it ({@code Elon Musk}, {@code X (platform)},
 * {@code Harris-Walz campaign}): letters, digits, spaces and {@code . , ' & ( ) _ -}, no leading or
 * trailing space, at most {@link #MAX_LENGTH} characters. It is only ever used as an exact term,
 * but a name outside this shape cannot be a tracked entity, so it is refused with a reason.
 */
public final class EntityName {

    public static final int MAX_LENGTH = 100;

    private static final Pattern SHAPE = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N} .,'&()_-]*[\\p{L}\\p{N}.)])?");

    private EntityName() {}

    /** {@code text} when it has the shape of an entity name; otherwise a {@link BadRequestException} naming {@code parameter}. */
    public static String check(String parameter, String text) {
        if (text == null || text.isEmpty()) {
            throw new BadRequestException("parameter '" + parameter + "' must name an entity");
        }
        if (text.length() > MAX_LENGTH) {
            throw new BadRequestException("parameter '" + parameter + "' is " + text.length()
                    + " characters long; an entity name has at most " + MAX_LENGTH);
        }
        if (!SHAPE.matcher(text).matches()) {
            throw new BadRequestException("parameter '" + parameter + "': '" + Strings.clip(text)
                    + "' is not an entity name (letters, digits, spaces and . , ' & ( ) _ -)");
        }
        return text;
    }
}
