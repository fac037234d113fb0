package io.spikewatch.annotate;

import java.util.Locale;
import java.util.Optional;

/**
 * The four entity types Spikewatch indexes. CoreNLP's finer location classes (CITY, COUNTRY,
 * STATE_OR_PROVINCE) collapse to {@link #LOCATION}; nationalities, religions and ideologies to
 * {@link #MISC}; numeric and temporal classes (DATE, MONEY, NUMBER, ...) and titles are not
 * entities here and map to nothing.
 */
public enum EntityType {
    PERSON,
    ORGANIZATION,
    LOCATION,
    MISC;

    /** The type a CoreNLP NER tag stands for, or empty when Spikewatch does not index that tag. */
    public static Optional<EntityType> fromCoreNlpTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        switch (tag) {
            case "PERSON":
                return Optional.of(PERSON);
            case "ORGANIZATION":
                return Optional.of(ORGANIZATION);
            case "LOCATION":
            case "CITY":
            case "COUNTRY":
            case "STATE_OR_PROVINCE":
                return Optional.of(LOCATION);
            case "MISC":
            case "NATIONALITY":
            case "RELIGION":
            case "IDEOLOGY":
                return Optional.of(MISC);
            default:
                return Optional.empty();
        }
    }

    /**
     * Parses a type written in a configuration file, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code value} is none of them
     */
    public static EntityType parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "expected one of PERSON, ORGANIZATION, LOCATION, MISC but was '" + value + "'");
        }
    }
}
