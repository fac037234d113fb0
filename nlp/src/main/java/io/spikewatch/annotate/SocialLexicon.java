package io.spikewatch.annotate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word knowledge of social-text sentiment: the VADER lexicon of word, emoticon and slang
 * valences (Hutto and Gilbert, ICWSM 2014; MIT license, shipped with its license under
 * {@code io/spikewatch/annotate/sentiment/}), emoji valences derived from VADER's emoji
 * descriptions, Spikewatch's words of a service failing ({@code service_failure.tsv}: "crashed",
 * "outage"; VADER's entries win), Spikewatch's slang spellings, and the negators and
 * intensifiers that modify a valence. Valences are on VADER's scale, -4 (most negative) to +4.
 *
 * <p>Loaded once per JVM ({@link #standard()}); immutable and thread-safe.
 */
public final class SocialLexicon {

    static final String RESOURCE_DIR = "/io/spikewatch/annotate/sentiment/";
    static final String VADER_LEXICON = "vader_lexicon.txt";
    static final String VADER_EMOJI = "emoji_utf8_lexicon.txt";
    static final String SLANG = "slang.tsv";
    static final String SERVICE_FAILURE = "service_failure.tsv";

    /** VADER's factor for a valence in the scope of a negation ("not good"). */
    public static final double NEGATION_FACTOR = -0.74;

    /** VADER's step by which an intensifier raises (or a dampener lowers) the next word's valence. */
    public static final double BOOSTER_STEP = 0.293;

    /** VADER's step added to the valence of a word written in capitals among lower-case words. */
    public static final double CAPS_STEP = 0.733;

    private static final Set<String> NEGATORS = Set.of(
            "not", "no", "never", "nothing", "nobody", "none", "nowhere", "neither", "nor", "without",
            "cannot", "ain't", "aint", "dont", "doesnt", "didnt", "isnt", "wasnt", "cant", "wont", "nope", "nah");

    private static final Set<String> INTENSIFIERS = Set.of(
            "very", "really", "so", "extremely", "absolutely", "totally", "completely", "incredibly", "super",
            "too", "most", "more", "such", "utterly", "highly", "hugely", "seriously", "truly", "freaking",
            "fucking", "damn", "soo", "sooo", "much", "especially", "exceptionally", "remarkably", "insanely");

    private static final Set<String> DAMPENERS = Set.of(
            "slightly", "somewhat", "barely", "hardly", "marginally", "partly", "scarcely", "little", "less",
            "kinda", "sorta", "almost", "occasionally");

    private static final LoadedOnce<SocialLexicon> STANDARD = new LoadedOnce<>(SocialLexicon::load);

    private final Map<String, Double> valences;
    /** Two-word phrases ("is down"), keyed by both words with one space. */
    private final Map<String, Double> phraseValences;
    private final Map<String, Double> emojiValences;
    private final Map<String, String> slang;

    private SocialLexicon(Map<String, Double> valences, Map<String, Double> phraseValences, Map<String, Double> emojiValences,
            Map<String, String> slang) {
        this.valences = Map.copyOf(valences);
        this.phraseValences = Map.copyOf(phraseValences);
        this.emojiValences = Map.copyOf(emojiValences);
        this.slang = Map.copyOf(slang);
    }

    /** The shipped lexicons, read from the classpath on first use. */
    public static SocialLexicon standard() {
        return STANDARD.get();
    }

    /** Forgets the shipped one, so it can be collected ({@link SharedModels#release()}). */
    static void releaseStandard() {
        STANDARD.clear();
    }

    private static SocialLexicon load() {
        Map<String, Double> valences = new HashMap<>();
        readTsv(VADER_LEXICON, (line, fields) -> {
            if (fields.length < 2) {
                throw new IllegalStateException(VADER_LEXICON + ":" + line + ": expected TOKEN<TAB>VALENCE");
            }
            valences.putIfAbsent(fields[0].toLowerCase(Locale.ROOT), Double.parseDouble(fields[1]));
        });
        Map<String, Double> phrases = new HashMap<>();
        readTsv(SERVICE_FAILURE, (line, fields) -> {
            if (fields.length != 2) {
                throw new IllegalStateException(SERVICE_FAILURE + ":" + line + ": expected WORD<TAB>VALENCE");
            }
            String[] words = fields[0].split(" ");
            if (words.length > 2) {
                throw new IllegalStateException(SERVICE_FAILURE + ":" + line + ": a phrase holds at most two words, got " + fields[0]);
            }
            (words.length == 2 ? phrases : valences).putIfAbsent(fields[0], Double.parseDouble(fields[1]));
        });
        Map<String, Double> emoji = new HashMap<>();
        readTsv(VADER_EMOJI, (line, fields) -> {
            if (fields.length < 2) {
                throw new IllegalStateException(VADER_EMOJI + ":" + line + ": expected EMOJI<TAB>DESCRIPTION");
            }
            double sum = 0;
            for (String word : fields[1].toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
                sum += valences.getOrDefault(word, 0.0);
            }
            if (sum != 0) {
                emoji.put(stripVariationSelectors(fields[0]), Math.max(-4, Math.min(4, sum)));
            }
        });
        Map<String, String> slang = new HashMap<>();
        readTsv(SLANG, (line, fields) -> {
            if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
                throw new IllegalStateException(SLANG + ":" + line + ": expected SPELLING<TAB>REPLACEMENT");
            }
            slang.put(fields[0], fields[1]);
        });
        return new SocialLexicon(valences, phrases, emoji, slang);
    }

    private interface LineHandler {
        void accept(int line, String[] fields);
    }

    private static void readTsv(String name, LineHandler handler) {
        InputStream in = SocialLexicon.class.getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) {
            throw new IllegalStateException("lexicon resource " + RESOURCE_DIR + name + " is not on the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                try {
                    handler.accept(line, text.split("\t"));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(name + ":" + line + ": not a number: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon resource " + name, e);
        }
    }

    static String stripVariationSelectors(String emoji) {
        return emoji.replace("\uFE0F", "").replace("\uFE0E", "");
    }

    /** The valence of a lower-case word or emoticon, or NaN when the lexicon does not know it. */
    public double valence(String token) {
        Double v = valences.get(token);
        return v == null ? Double.NaN : v;
    }

    /**
     * The valence of a lower-case word read after the word before it: the word's own, else that of
     * the two as a phrase ("is down", "went down"; a word ending in "'s" reads as "'s": "twitter's
     * down"), or NaN when the lexicon knows neither.
     *
     * @param previous the word before, or null at the start
     */
    public double valence(String previous, String word) {
        double own = valence(word);
        if (!Double.isNaN(own) || previous == null) {
            return own;
        }
        String before = previous.endsWith("'s") ? "'s" : previous;
        Double v = phraseValences.get(before + " " + word);
        return v == null ? Double.NaN : v;
    }

    /** The valence of an emoji (variation selectors ignored), or NaN when unknown or neutral. */
    public double emojiValence(String emoji) {
        Double v = emojiValences.get(stripVariationSelectors(emoji));
        return v == null ? Double.NaN : v;
    }

    /** Whether the lexicon holds this lower-case word (a valence, a slang spelling or a modifier). */
    public boolean knows(String word) {
        return valences.containsKey(word) || slang.containsKey(word) || NEGATORS.contains(word)
                || INTENSIFIERS.contains(word) || DAMPENERS.contains(word);
    }

    /** The plain-English replacement of a lower-case slang spelling ("u" to "you"), or null. */
    public String slang(String word) {
        return slang.get(word);
    }

    /** Whether a lower-case token negates what follows ("not", "never", "don't"). */
    public boolean isNegator(String token) {
        return NEGATORS.contains(token) || token.endsWith("n't");
    }

    /** +1 for an intensifier ("very"), -1 for a dampener ("slightly"), else 0. */
    public int boost(String token) {
        return INTENSIFIERS.contains(token) ? 1 : DAMPENERS.contains(token) ? -1 : 0;
    }
}
