package io.spikewatch.annotate;

import java.util.Objects;

/**
 * A text with its gold polarity, one line of a sentiment gold file ({@link SentimentGoldFile}).
 *
 * @param id the text's identifier in its file
 * @param label negative, neutral or positive
 * @param text the text
 */
public record LabeledText(String id, String label, String text) {

    public LabeledText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (!PolarityModel.LABELS.contains(label)) {
            throw new IllegalArgumentException("label must be one of " + PolarityModel.LABELS + ", was '" + label + "'");
        }
    }
}
