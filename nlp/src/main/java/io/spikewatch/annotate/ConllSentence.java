package io.spikewatch.annotate;

import java.util.ArrayList;
import java.util.List;

/**
 * One sentence of a CoNLL-style NER file: its tokens and the gold entities of the scored types.
 * The text the annotator reads is rebuilt by joining the tokens with single spaces, so token
 * {@code i} occupies {@code [tokenStart(i), tokenEnd(i))} of {@link #text()}.
 *
 * @param line the file's line number of the first token, for messages
 */
public record ConllSentence(int line, List<String> tokens, List<TokenSpan> gold) {

    public ConllSentence {
        tokens = List.copyOf(tokens);
        gold = List.copyOf(gold);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a sentence needs at least one token");
        }
        for (TokenSpan span : gold) {
            if (span.end() > tokens.size()) {
                throw new IllegalArgumentException("gold span " + span + " runs past the sentence's " + tokens.size() + " tokens");
            }
        }
    }

    /** The tokens joined by single spaces. */
    public String text() {
        return String.join(" ", tokens);
    }

    /** Where each token starts in {@link #text()}. */
    public int[] tokenStarts() {
        int[] starts = new int[tokens.size()];
        int offset = 0;
        for (int i = 0; i < starts.length; i++) {
            starts[i] = offset;
            offset += tokens.get(i).length() + 1;
        }
        return starts;
    }

    /**
     * The token spans of the mentions whose type is scored ({@link NerMetrics#SCORED_TYPES}). A
     * mention covers every token it overlaps: a mention "Musk" inside the token "@ElonMusk"
     * counts as that token, so a mapping never invents partial tokens. Duplicate spans count once.
     */
    public List<TokenSpan> spansOf(List<EntityMention> mentions) {
        int[] starts = tokenStarts();
        List<TokenSpan> spans = new ArrayList<>();
        for (EntityMention mention : mentions) {
            EntityType type = EntityType.parse(mention.type());
            if (!NerMetrics.SCORED_TYPES.contains(type)) {
                continue;
            }
            int first = -1;
            int end = -1;
            for (int i = 0; i < starts.length; i++) {
                int tokenEnd = starts[i] + tokens.get(i).length();
                if (starts[i] < mention.end() && mention.start() < tokenEnd) {
                    if (first < 0) {
                        first = i;
                    }
                    end = i + 1;
                }
            }
            if (first >= 0) {
                TokenSpan span = new TokenSpan(type, first, end);
                if (!spans.contains(span)) {
                    spans.add(span);
                }
            }
        }
        return spans;
    }
}
