package io.spikewatch.annotate;

import edu.stanford.nlp.ling.CoreLabel;
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

    private SentimentClauses() {}

    /**
     * The node whose sentiment applies to the characters [start, end) of the text.
     *
     * @param tree the sentence's sentiment-annotated, binarized tree
     * @param tokens the sentence's tokens, one per leaf of {@code tree}
     */
    static Tree unitFor(Tree tree, List<CoreLabel> tokens, int start, int end) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            CoreLabel token = tokens.get(i);
            if (token.endPosition() > start && token.beginPosition() < end) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0 || tree.getLeaves().size() != tokens.size()) {
            return tree;
        }
        Tree best = tree;
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
                        best = child;
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
}
