package io.spikewatch.annotate;

import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
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
        int tokens = tokenStarts.length;
        Unit whole = new Unit(tree, 0, tokens, true);
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokens; i++) {
            if (tokenEnds[i] > start && tokenStarts[i] < end) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0 || tree.getLeaves().size() != tokens) {
            return whole;
        }
        Unit best = whole;
        Tree node = tree;
        int nodeStart = 0;
        descend:
        while (!node.isPreTerminal() && !node.isLeaf()) {
            int childStart = nodeStart;
            for (Tree child : node.children()) {
                int childEnd = childStart + child.getLeaves().size();
                if (childStart <= first && last < childEnd) {
                    node = child;
                    nodeStart = childStart;
                    if (CLAUSE_LABELS.contains(child.label().value())) {
                        best = new Unit(child, childStart, childEnd, false);
                    }
                    continue descend;
                }
                childStart = childEnd;
            }
            break;
        }
        return best;
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
