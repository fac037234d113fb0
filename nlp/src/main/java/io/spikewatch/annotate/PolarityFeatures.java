package io.spikewatch.annotate;

import io.spikewatch.annotate.SocialTokenizer.Kind;
import io.spikewatch.annotate.SocialTokenizer.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The features the polarity classifier reads from a span of normalized text (a whole message or
 * the clause around an entity):
 * <ul>
 *   <li>{@code w=TOKEN}: each word, handle ({@code @user}), emoticon and emphasis mark; a word in
 *       the scope of a negation (from "not", "never", "...n't" to the next clause punctuation)
 *       gets the suffix {@code _NEG}, so "not good" is not "good";
 *   <li>{@code b=T1|T2}: adjacent token pairs, with {@code <s>} and {@code </s>} at the ends;
 *   <li>{@code e=EMOJI}: each emoji;
 *   <li>lexicon scores from {@link SocialLexicon} with VADER's rules: a valence is raised by an
 *       intensifier before it and by being written in capitals, lowered by a dampener, flipped
 *       and shrunk by a negation, halved before "but" and raised by half after it; features are
 *       the sums of positive and negative valences, their counts, the strongest of each, the
 *       last one, VADER's normalised compound of the total, and whether praise follows a
 *       complaint ({@code lex_neg_then_pos}, the mark of "down again, great job") or the reverse;
 *   <li>cues: '!' and '?' counts and whether the span ends with one, words elongated or written
 *       in capitals, links (whole messages only);
 *   <li>{@code rntn*}: CoreNLP's sentiment model's distribution, score, and the lowest and
 *       highest sentence score ({@link RntnSummary}), when given;
 *   <li>{@code vec0..vec49}: the mean of the {@link WordVectors} of the span's words (none when
 *       no word has one): what the words mean, so a word the training texts never held still
 *       counts through the words it is near in that space. {@link #isDense} names these; the
 *       trainer standardizes them;
 *   <li>{@code bias}: always 1, the classifier's intercept.
 * </ul>
 * Counts enter as log(1 + n) and valences divided by 4, so no feature dwarfs the binary ones.
 * Thread-safe.
 */
public final class PolarityFeatures {

    /** The feature that is always 1: the linear model's intercept. */
    static final String BIAS = "bias";

    /** VADER's normalisation constant of the compound score: s / sqrt(s² + alpha). */
    private static final double COMPOUND_ALPHA = 15.0;

    /** Valences are divided by this to land in [-1, 1]. */
    private static final double VALENCE_SCALE = 4.0;

    /** VADER's factors for valences before and after a contrasting "but". */
    private static final double BEFORE_BUT = 0.5;
    private static final double AFTER_BUT = 1.5;

    /** The prefix of the word-vector features, followed by the dimension's index. */
    static final String VECTOR_PREFIX = "vec";

    private final SocialLexicon lexicon;
    private final WordVectors vectors;
    /** The names of the word-vector features, one per dimension, made once rather than per text. */
    private final String[] vectorNames;

    public PolarityFeatures(SocialLexicon lexicon, WordVectors vectors) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        this.vectorNames = new String[vectors.dimension()];
        for (int i = 0; i < vectorNames.length; i++) {
            vectorNames[i] = VECTOR_PREFIX + i;
        }
    }

    /**
     * Whether a feature is one of the dense, real-valued ones every text has (the word-vector
     * mean) rather than an indicator or a count: the trainer standardizes these.
     */
    public static boolean isDense(String feature) {
        return feature.startsWith(VECTOR_PREFIX);
    }

    /**
     * The features of the normalized span [from, to).
     *
     * @param rntn CoreNLP's sentiment of the same span, or null to leave those features out
     */
    public Map<String, Double> extract(NormalizedText text, int from, int to, RntnSummary rntn) {
        List<Token> tokens = SocialTokenizer.tokens(text.text(), from, to);
        Map<String, Double> features = new HashMap<>(tokens.size() * 3 + 24);
        features.put(BIAS, 1.0);

        double[] valences = new double[tokens.size()];
        double[] meaning = new double[vectorNames.length];
        int known = 0;
        boolean negated = false;
        String previous = "<s>";
        int butAt = -1;
        int exclamations = 0;
        int questions = 0;
        int elongated = 0;
        int shouted = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String form = token.text();
            valences[i] = Double.NaN;
            if (text.originalStart(token.start()) >= text.originalEnd(token.end())) {
                continue; // the normalizer's own punctuation: the author did not write it
            }
            switch (token.kind()) {
                case WORD -> {
                    features.put("w=" + (negated ? form + "_NEG" : form), 1.0);
                    known += vectors.addTo(meaning, form);
                    String original = text.originalText(token.start(), token.end());
                    boolean caps = isShouted(original);
                    if (caps) {
                        shouted++;
                    }
                    if (isElongated(original)) {
                        elongated++;
                    }
                    if (lexicon.isNegator(form)) {
                        negated = true;
                    } else {
                        String before = i > 0 && tokens.get(i - 1).kind() == Kind.WORD ? tokens.get(i - 1).text() : null;
                        valences[i] = modifiedValence(lexicon.valence(before, form), caps, tokens, i, negated);
                    }
                    if (form.equals("but")) {
                        butAt = i;
                    }
                }
                case HANDLE -> features.put("w=" + form, 1.0);
                case EMOTICON -> {
                    features.put("w=" + form, 1.0);
                    valences[i] = lexicon.valence(form.toLowerCase(Locale.ROOT));
                }
                case EMOJI -> {
                    features.put("e=" + form, 1.0);
                    valences[i] = lexicon.emojiValence(form);
                }
                case EMPHASIS -> {
                    features.put("w=" + form, 1.0);
                    negated = false;
                    if (form.contains("!")) {
                        exclamations++;
                    }
                    if (form.contains("?")) {
                        questions++;
                    }
                }
                case PUNCTUATION -> negated = false;
            }
            features.put("b=" + previous + "|" + form, 1.0);
            previous = form;
        }
        features.put("b=" + previous + "|</s>", 1.0);

        addLexiconScores(features, valences, butAt);
        if (known > 0) {
            for (int i = 0; i < meaning.length; i++) {
                features.put(vectorNames[i], meaning[i] / known);
            }
        }
        addCount(features, "cue_excl", exclamations);
        addCount(features, "cue_quest", questions);
        addCount(features, "cue_elong", elongated);
        addCount(features, "cue_caps", shouted);
        if (!tokens.isEmpty()) {
            Token last = tokens.get(tokens.size() - 1);
            if (last.kind() == Kind.EMPHASIS) {
                features.put("cue_ends" + last.text().charAt(0), 1.0);
            }
        }
        if (from == 0 && to == text.text().length()) {
            addCount(features, "cue_url", text.cues().urls());
        }
        if (rntn != null) {
            for (int c = 0; c < RntnSummary.CLASSES; c++) {
                features.put("rntn" + c, rntn.distribution()[c]);
            }
            features.put("rntn_score", rntn.score());
            features.put("rntn_min", rntn.minScore());
            features.put("rntn_max", rntn.maxScore());
        }
        return features;
    }

    /** A word's valence with VADER's modifiers applied, or NaN when it has none. */
    private double modifiedValence(double valence, boolean shouted, List<Token> tokens, int i, boolean negated) {
        if (Double.isNaN(valence)) {
            return valence;
        }
        double sign = Math.signum(valence);
        double v = valence;
        if (shouted) {
            v += sign * SocialLexicon.CAPS_STEP;
        }
        if (i > 0 && tokens.get(i - 1).kind() == Kind.WORD) {
            v += sign * SocialLexicon.BOOSTER_STEP * lexicon.boost(tokens.get(i - 1).text());
        }
        if (negated) {
            v *= SocialLexicon.NEGATION_FACTOR;
        }
        return v;
    }

    private static void addLexiconScores(Map<String, Double> features, double[] valences, int butAt) {
        double positive = 0;
        double negative = 0;
        int positives = 0;
        int negatives = 0;
        double strongestPositive = 0;
        double strongestNegative = 0;
        double last = 0;
        boolean negativeThenPositive = false;
        boolean positiveThenNegative = false;
        for (int i = 0; i < valences.length; i++) {
            double v = valences[i];
            if (Double.isNaN(v) || v == 0) {
                continue;
            }
            if (butAt >= 0) {
                v *= i < butAt ? BEFORE_BUT : i > butAt ? AFTER_BUT : 1.0;
            }
            negativeThenPositive |= v > 0 && negatives > 0;
            positiveThenNegative |= v < 0 && positives > 0;
            if (v > 0) {
                positive += v;
                positives++;
                strongestPositive = Math.max(strongestPositive, v);
            } else {
                negative -= v;
                negatives++;
                strongestNegative = Math.max(strongestNegative, -v);
            }
            last = v;
        }
        if (positives + negatives == 0) {
            features.put("lex_none", 1.0);
            return;
        }
        double total = positive - negative;
        features.put("lex_pos", positive / VALENCE_SCALE);
        features.put("lex_neg", negative / VALENCE_SCALE);
        addCount(features, "lex_npos", positives);
        addCount(features, "lex_nneg", negatives);
        features.put("lex_maxpos", strongestPositive / VALENCE_SCALE);
        features.put("lex_maxneg", strongestNegative / VALENCE_SCALE);
        features.put("lex_last", last / VALENCE_SCALE);
        features.put("lex_compound", total / Math.sqrt(total * total + COMPOUND_ALPHA));
        if (negativeThenPositive) {
            features.put("lex_neg_then_pos", 1.0);
        }
        if (positiveThenNegative) {
            features.put("lex_pos_then_neg", 1.0);
        }
    }

    private static void addCount(Map<String, Double> features, String name, int count) {
        if (count > 0) {
            features.put(name, Math.log1p(count));
        }
    }

    /** A word of at least two letters written all in capitals ("HATE"), as the author typed it. */
    private static boolean isShouted(String original) {
        int letters = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isUpperCase(c)) {
                letters++;
            }
        }
        return letters >= 2;
    }

    /** Whether the author repeated a letter three times or more ("sooo"). */
    private static boolean isElongated(String original) {
        for (int i = 2; i < original.length(); i++) {
            char c = Character.toLowerCase(original.charAt(i));
            if (Character.isLetter(c) && c == Character.toLowerCase(original.charAt(i - 1))
                    && c == Character.toLowerCase(original.charAt(i - 2))) {
                return true;
            }
        }
        return false;
    }
}
