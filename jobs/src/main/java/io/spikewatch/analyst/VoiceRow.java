package io.spikewatch.analyst;

/**
 * One entity's share of voice.
 *
 * @param posts posts in the range naming the entity
 * @param share its posts over the posts of all the entities compared (a post naming two counts for both)
 * @param meanSentiment mean sentiment score of its annotated posts, null when none
 */
public record VoiceRow(String entity, long posts, double share, long negative, long neutral, long positive, Double meanSentiment) {}
