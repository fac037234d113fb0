package io.spikewatch.live;

import io.spikewatch.alerts.SeriesKeys;
import io.spikewatch.spikes.SpikeKind;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The id of a spike episode document, {@code SERIES|KIND|START} as {@code Spike.id()} writes it
 * ({@code entity:X (platform)|volume|2024-08-13T00:05:00Z}), taken apart and checked part by part.
 *
 * @param series {@code all}, {@code entity:NAME}, {@code query:NAME} or {@code platform:NAME}
 */
public record SpikeId(String series, SpikeKind kind, Instant start) {

    /** Rule names and platforms: what the alert rules allow in a rule name, and platform ids. */
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private static final String KINDS = Arrays.stream(SpikeKind.values())
            .map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));

    /** Parses the value of parameter {@code parameter}; a {@link BadRequestException} says which part is wrong. */
    public static SpikeId parse(String parameter, String text) {
        if (text == null || text.isEmpty()) {
            throw new BadRequestException("missing parameter '" + parameter + "' (a spike id: SERIES|KIND|START)");
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 3) {
            throw new BadRequestException("parameter '" + parameter + "': '" + Strings.clip(text)
                    + "' is not a spike id (SERIES|KIND|START, e.g. all|volume|2024-08-13T00:05:00Z)");
        }
        String series = series(parameter, parts[0]);
        SpikeKind kind;
        try {
            kind = SpikeKind.valueOf(parts[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null || !parts[1].equals(parts[1].toLowerCase(Locale.ROOT))) {
            throw new BadRequestException("parameter '" + parameter + "': spike kind '" + Strings.clip(parts[1])
                    + "' is not one of " + KINDS);
        }
        Instant start;
        try {
            start = Instant.parse(parts[2]);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("parameter '" + parameter + "': spike start '" + Strings.clip(parts[2])
                    + "' is not an ISO-8601 instant");
        }
        return new SpikeId(series, kind, start);
    }

    private static String series(String parameter, String series) {
        if (series.equals(SeriesKeys.ALL)) {
            return series;
        }
        if (series.startsWith(SeriesKeys.ENTITY_PREFIX)) {
            EntityName.check(parameter, series.substring(SeriesKeys.ENTITY_PREFIX.length()));
            return series;
        }
        for (String prefix : new String[] {SeriesKeys.QUERY_PREFIX, SeriesKeys.PLATFORM_PREFIX}) {
            if (series.startsWith(prefix) && SIMPLE_NAME.matcher(series.substring(prefix.length())).matches()) {
                return series;
            }
        }
        throw new BadRequestException("parameter '" + parameter + "': series '" + Strings.clip(series)
                + "' is not all, entity:NAME, query:RULE or platform:NAME");
    }

    /** The document id, exactly as the job indexed it. */
    public String documentId() {
        return series + "|" + kind.name().toLowerCase(Locale.ROOT) + "|" + start;
    }

    /** The tracked entity of an {@code entity:} series, else null. */
    public String entity() {
        return series.startsWith(SeriesKeys.ENTITY_PREFIX) ? series.substring(SeriesKeys.ENTITY_PREFIX.length()) : null;
    }

    /** The platform of a {@code platform:} series, else null. */
    public String platform() {
        return series.startsWith(SeriesKeys.PLATFORM_PREFIX) ? series.substring(SeriesKeys.PLATFORM_PREFIX.length()) : null;
    }
}
