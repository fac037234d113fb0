package io.spikewatch.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.annotate.Sentiment;
import io.spikewatch.annotate.SentimentLanguages;
import io.spikewatch.annotate.TextAnnotator;
import java.util.ArrayList;
import java.util.List;

/**
 * Template posts sorted by what the job's own annotator makes of them, so that a benchmark surge
 * can be a negative sentiment shift the job is sure to see: posts it calls negative, and posts in
 * a language its sentiment reads that it calls neutral or positive. Posts in other languages
 * (no sentiment) are in neither.
 *
 * @param negative texts the annotator calls negative
 * @param other texts it calls neutral or positive
 */
public record TemplateMoods(List<ObjectNode> negative, List<ObjectNode> other) {

    public TemplateMoods {
        negative = List.copyOf(negative);
        other = List.copyOf(other);
    }

    /**
     * Annotates templates in order until {@code each} of both kinds are found, or none are left.
     *
     * @throws IllegalArgumentException when the templates hold no post of one of the kinds
     */
    public static TemplateMoods of(List<ObjectNode> templates, TextAnnotator annotator, int each) {
        List<ObjectNode> negative = new ArrayList<>();
        List<ObjectNode> other = new ArrayList<>();
        for (ObjectNode post : templates) {
            if (negative.size() >= each && other.size() >= each) {
                break;
            }
            if (!SentimentLanguages.reads(post.path("lang").asText(null))) {
                continue;
            }
            boolean isNegative = Sentiment.NEGATIVE.equals(annotator.annotate(post.path("text").asText()).sentiment().label());
            List<ObjectNode> kind = isNegative ? negative : other;
            if (kind.size() < each) {
                kind.add(post);
            }
        }
        if (negative.isEmpty() || other.isEmpty()) {
            throw new IllegalArgumentException("the template posts need both texts the annotator calls negative and texts it does not;"
                    + " found " + negative.size() + " negative and " + other.size() + " others");
        }
        return new TemplateMoods(negative, other);
    }
}
