package io.spikewatch.annotate;

import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds, in a sentence's sentiment tree, the clause that says something about a mention: the
 * smallest clause node (S, SBAR, SINV, SQ, SBARQ) covering the mention's tokens, or the whole
 * sentence when there is none below it. In "X is down again, great job Elon" the mention "X"
 * falls in the clause "X is down again" while "Elon" only in the whole, sarcastic sentence, so
 * each entity is judged by the words closest to it. Sentences too long to parse have a flat tree
 * and are judged whole.
 */
final class SentimentClauses {

    private static final Set<String> CLAUSE_LABELS = Set.of("S", "SBAR", "SINV", "SQ", "SBARQ");

    /** Nodes inside a noun phrase that only build a modifier of its head ("Musk-Trump" in "the Musk-Trump X Space"). */
    private static final Set<String> MODIFIER_LABELS = Set.of("NML", "NX", "ADJP", "QP");

    /**
     * A unit of judgement: a node of the sentiment tree and the tokens it covers.
     *
     * @param node the clause or the sentence's root
     * @param firstToken index of its first token in the sentence
     * @param endToken index after its last token
     * @param wholeSentence whether the unit is the sentence's root
     */
    record Unit(Tree node, int firstToken, int endToken, boolean wholeSentence) {}

    private SentimentClauses() {}

    /**
     * The unit whose sentiment applies to the characters [start, end) of the text.
     *
     * @param tree the sentence's sentiment-annotated, binarized tree
     * @param tokenStarts the start offset of each token of the sentence, one per leaf of {@code tree},
     *     in the same coordinates as {@code start} and {@code end}
     * @param tokenEnds the end offset of each token
     */
    static Unit unitFor(Tree tree, int[] tokenStarts, int[] tokenEnds, int start, int end) {
        Unit best = new Unit(tree, 0, tokenStarts.length, true);
        int[] covered = coveredTokens(tree, tokenStarts, tokenEnds, start, end);
        if (covered == null) {
            return best;
        }
        for (Step step : pathTo(tree, tokenStarts.length, covered[0], covered[1])) {
            if (step.node() != tree && CLAUSE_LABELS.contains(step.node().label().value())) {
                best = new Unit(step.node(), step.firstToken(), step.endToken(), false);
            }
        }
        return best;
    }

    /**
     * The last token of the noun phrase that the characters [start, end) only modify, or -1: they
     * are words of a noun phrase, or of a modifier inside it (NML, NX, ADJP, QP), not of a phrase
     * or clause of their own, and the phrase ends after them. When that token is a word of another
     * entity's mention, this mention names what the other belongs to, not what the clause judges:
     * "Musk" and "Trump" in "the Musk-Trump X Space", where "X Space" names the platform; a
     * complaint that one cannot join the Space is about the Space.
     *
     * @param parse the sentence's constituency tree, one leaf per token
     */
    static int modifiedPhraseEnd(Tree parse, int[] tokenStarts, int[] tokenEnds, int start, int end) {
        int[] covered = parse == null ? null : coveredTokens(parse, tokenStarts, tokenEnds, start, end);
        if (covered == null) {
            return -1;
        }
        Step phrase = null;
        boolean inModifier = false;
        for (Step step : pathTo(parse, tokenStarts.length, covered[0], covered[1])) {
            if (step.node().isPreTerminal() || step.node().isLeaf()) {
                break;
            }
            String label = step.node().label().value();
            if (label.equals("NP")) {
                phrase = step;
                inModifier = true;
            } else {
                inModifier &= MODIFIER_LABELS.contains(label);
            }
        }
        if (phrase == null || !inModifier) {
            return -1;
        }
        int last = phrase.endToken() - 1;
        return last > covered[1] ? last : -1;
    }

    /** A node on the way down a tree, the index of its first token and of the token after its last. */
    private record Step(Tree node, int firstToken, int endToken) {}

    /** The first and last token overlapping [start, end), or null when none does or the tree has other leaves. */
    private static int[] coveredTokens(Tree tree, int[] tokenStarts, int[] tokenEnds, int start, int end) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokenStarts.length; i++) {
            if (tokenEnds[i] > start && tokenStarts[i] < end) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return first < 0 || tree.getLeaves().size() != tokenStarts.length ? null : new int[] {first, last};
    }

    /** The nodes from the root (of {@code tokens} tokens) down to the smallest one covering tokens first..last. */
    private static List<Step> pathTo(Tree tree, int tokens, int first, int last) {
        List<Step> path = new ArrayList<>();
        Tree node = tree;
        int nodeStart = 0;
        path.add(new Step(node, 0, tokens));
        descend:
        while (!node.isPreTerminal() && !node.isLeaf()) {
            int childStart = nodeStart;
            for (Tree child : node.children()) {
                int childEnd = childStart + child.getLeaves().size();
                if (childStart <= first && last < childEnd) {
                    node = child;
                    nodeStart = childStart;
                    path.add(new Step(child, childStart, childEnd));
                    continue descend;
                }
                childStart = childEnd;
            }
            break;
        }
        return path;
    }

    /** The sentiment score of a node of a sentiment tree. */
    static double score(Tree node) {
        return SentimentScorer.score(RNNCoreAnnotations.getPredictionsAsStringList(node));
    }

    /** The five class probabilities of a node of a sentiment tree. */
    static double[] distribution(Tree node) {
        List<Double> p = RNNCoreAnnotations.getPredictionsAsStringList(node);
        double[] out = new double[p.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.get(i);
        }
        return out;
    }
}
