package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real CoreNLP pipeline (Spikewatch defaults + the seed tracked entities), loaded once. */
class CoreNlpAnnotatorTest {

    private static AnnotatorConfig config;
    private static CoreNlpAnnotator annotator;

    @BeforeAll
    static void load() {
        config = AnnotatorConfig.builder().trackedEntitiesFile(SeedFiles.trackedEntities()).build();
        annotator = new CoreNlpAnnotator(config);
    }

    private static Optional<EntitySentiment> sentimentFor(Annotation a, String entity) {
        return a.entitySentiments().stream().filter(e -> e.entity().equals(entity)).findFirst();
    }

    @Test
    void theCacheGivesARepostExactlyTheAnnotationOfItsOriginalAndKeepsLookalikesApart() {
        CachingAnnotator cached = new CachingAnnotator(annotator, AnnotationCacheSettings.ofEntries(10));
        String original = "Sooo tired of Musk blaming a DDoS on Twitter";
        String lookalike = "So tired of Musk blaming a DDoS on Twitter https://t.co/x";

        Annotation first = cached.annotate(original);
        Annotation repost = cached.annotate(original);
        Annotation other = cached.annotate(lookalike);

        assertThat(repost).isEqualTo(first).isEqualTo(annotator.annotate(original));
        assertThat(other).isEqualTo(annotator.annotate(lookalike));
        for (EntityMention m : first.entities()) {
            assertThat(original.substring(m.start(), m.end())).isEqualTo(m.text());
        }
        for (EntityMention m : other.entities()) {
            assertThat(lookalike.substring(m.start(), m.end())).isEqualTo(m.text());
        }
        assertThat(first.canonicalEntities()).contains("Elon Musk", "X (platform)");
        assertThat(cached.stats().hits()).isEqualTo(1);
        assertThat(cached.stats().misses()).isEqualTo(2);
    }

    @Test
    void entitiesWithoutTheParseAreTheEntitiesOfTheFullAnnotation() {
        List<String> texts = List.of(
                "Musk blames a massive DDoS attack on the X Space with Trump",
                "elon musk and donald trump on twitter tonight, cant even join 🙄",
                "Sooo tired of @elonmusk #TwitterDown https://t.co/x",
                "No puedo entrar al Space de Elon Musk con Trump, X está caído",
                "Ich komme nicht in den X Space rein. Danke Elon, großartig gemacht!",
                "Kamala Harris campaign says Donald Trump needs Musk's help. Paris, London and Berlin watched.",
                "🙄🙄");
        long poolBefore = edu.stanford.nlp.pipeline.StanfordCoreNLP.GLOBAL_ANNOTATOR_CACHE.size();
        for (String text : texts) {
            Annotation full = annotator.annotate(text);
            Annotation entities = annotator.annotateEntities(text);
            assertThat(entities.entities()).as(text).isEqualTo(full.entities());
            assertThat(entities.sentiment()).isEqualTo(Sentiment.NONE);
            assertThat(entities.entitySentiments()).isEmpty();
        }
        assertThat(annotator.annotateEntities("Trump").canonicalEntities()).containsExactly("Donald Trump");
        assertThat(edu.stanford.nlp.pipeline.StanfordCoreNLP.GLOBAL_ANNOTATOR_CACHE.size()).isEqualTo(poolBefore);
    }

    @Test
    void findsTheSeedEntitiesByCanonicalName() {
        Annotation a = annotator.annotate("Musk says there is a massive DDOS attack on 𝕏");
        assertThat(a.canonicalEntities()).containsExactly("Elon Musk", "X (platform)");
    }

    @Test
    void mergesNerAndTrackedMentionsWithTrackedTypes() {
        Annotation a = annotator.annotate(
                "Thierry Breton warned Elon Musk before the Trump campaign called the European Union an enemy of free speech.");
        assertThat(a.canonicalEntities()).containsExactly("Thierry Breton", "Elon Musk", "Trump campaign", "European Union");
        assertThat(a.entities()).filteredOn(m -> "Elon Musk".equals(m.canonical()))
                .singleElement().extracting(EntityMention::type).isEqualTo("PERSON");
        assertThat(a.entities()).filteredOn(m -> "Trump campaign".equals(m.canonical()))
                .singleElement().extracting(EntityMention::text).isEqualTo("Trump campaign");
    }

    @Test
    void findsNamesWrittenInLowerCase() {
        Annotation a = annotator.annotate("omg just saw taylor swift in los angeles");
        assertThat(a.entities()).extracting(EntityMention::text, EntityMention::type)
                .containsExactly(tuple("taylor swift", "PERSON"), tuple("los angeles", "LOCATION"));
    }

    @Test
    void aPronounIsNotAnEntity() {
        Annotation a = annotator.annotate("Ron DeSantis announced his campaign on Twitter with David Sacks. He was furious.");
        assertThat(a.entities()).extracting(EntityMention::text).doesNotContain("his", "He")
                .contains("Ron DeSantis", "Twitter", "David Sacks");
    }

    @Test
    void keepsUntrackedNerEntitiesUnderTheirSurfaceName() {
        Annotation a = annotator.annotate("Governor Gavin Newsom joked about the outage from Sacramento, California.");
        assertThat(a.entities()).filteredOn(m -> m.canonical() == null).extracting(EntityMention::type)
                .contains("PERSON", "LOCATION");
        assertThat(a.entityNames()).contains("Gavin Newsom");
        assertThat(a.canonicalEntities()).isEmpty();
    }

    @Test
    void offsetsPointAtTheMentionsAfterEmojiAndSurrogatePairs() {
        String text = "🔥🔥 𝕏 is melting 😂👨‍👩‍👧 and Elon Musk blames a DDoS. Ask Donald Trump in Florida #TwitterBlackout";
        Annotation a = annotator.annotate(text);
        assertThat(a.entities()).extracting(EntityMention::text)
                .contains("𝕏", "Elon Musk", "Donald Trump", "Florida", "#TwitterBlackout");
        for (EntityMention m : a.entities()) {
            assertThat(text.substring(m.start(), m.end())).as(m.toString()).isEqualTo(m.text());
        }
        EntityMention florida = a.entities().stream().filter(m -> m.text().equals("Florida")).findFirst().orElseThrow();
        assertThat(florida.start()).isEqualTo(text.indexOf("Florida"));
        assertThat(florida.type()).isEqualTo("LOCATION");
    }

    @Test
    void clearCasesGetTheRightSentimentSign() {
        assertThat(annotator.annotate("I love this, great job").sentiment().label()).isEqualTo(Sentiment.POSITIVE);
        assertThat(annotator.annotate("This is a disaster, worst launch ever").sentiment().label()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(annotator.annotate("The interview is scheduled for 8 pm Eastern.").sentiment().label())
                .isEqualTo(Sentiment.NEUTRAL);
        Sentiment s = annotator.annotate("What a wonderful conversation, really enjoyed it!").sentiment();
        assertThat(s.score()).isPositive().isLessThanOrEqualTo(1.0);
    }

    @Test
    void perEntitySentimentFollowsTheClauseAboutTheEntity() {
        Annotation a = annotator.annotate("X is down again, great job Elon");
        EntitySentiment x = sentimentFor(a, "X (platform)").orElseThrow();
        assertThat(x.label()).isNotEqualTo(Sentiment.POSITIVE);
        assertThat(x.mentions()).isEqualTo(1);

        Annotation mixed = annotator.annotate("Kamala Harris gave a wonderful speech. Twitter is a total disaster tonight.");
        assertThat(sentimentFor(mixed, "Kamala Harris").orElseThrow().score())
                .isGreaterThan(sentimentFor(mixed, "X (platform)").orElseThrow().score());
        assertThat(sentimentFor(mixed, "X (platform)").orElseThrow().label()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void aNameThatOnlyModifiesThePlatformsSpaceIsNotTheTargetOfTheComplaint() {
        Annotation a = annotator.annotate(
                "Many users report they cannot join the Musk-Trump X Space; only about 100,000 listeners appear to be in so far.");
        assertThat(sentimentFor(a, "X (platform)").orElseThrow().label()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(sentimentFor(a, "Donald Trump").orElseThrow().label()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(sentimentFor(a, "Elon Musk").orElseThrow().label()).isEqualTo(Sentiment.NEUTRAL);
        // a name that is itself a subject of the clause is still judged by it
        Annotation both = annotator.annotate("Trump and the X Space both failed tonight, what a disaster");
        assertThat(sentimentFor(both, "Donald Trump").orElseThrow().label()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void aPostAboutOneEntityGivesItTheMessagesSentiment() {
        // the complaint is in a sentence that does not name the platform; the post is still about it
        for (String text : List.of("stuck on the loading screen. Twitter is melting",
                "is anyone actually IN the X Space? been trying for 4 min \uD83D\uDE2D\uD83D\uDE2D")) {
            Annotation a = annotator.annotate(text);
            assertThat(a.sentiment().label()).as(text).isEqualTo(Sentiment.NEGATIVE);
            assertThat(sentimentFor(a, "X (platform)").orElseThrow().label()).as(text).isEqualTo(Sentiment.NEGATIVE);
            assertThat(sentimentFor(a, "X (platform)").orElseThrow().score()).as(text).isEqualTo(a.sentiment().score());
        }
    }

    @Test
    void theClassifierReadsSocialTextAndSarcasm() {
        Annotation sarcastic = annotator.annotate("X is down again, great job Elon");
        assertThat(sarcastic.sentiment().label()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(sentimentFor(sarcastic, "X (platform)").orElseThrow().label()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(sentimentFor(sarcastic, "Elon Musk").orElseThrow().label()).isNotEqualTo(Sentiment.POSITIVE);

        assertThat(annotator.annotate("sooo goooood 😍😍 best stream ever!!!").sentiment().label()).isEqualTo(Sentiment.POSITIVE);
        assertThat(annotator.annotate("can't join the space AGAIN 😡 #fail").sentiment().label()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(annotator.annotate("not good at all, what a waste of time").sentiment().label()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(annotator.annotate("Trump and Musk talk on X at 8pm ET https://x.com/i/spaces/1").sentiment().label())
                .isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void aLabelAndItsScoreAgreeInSign() {
        for (String text : List.of("I love this, great job", "This is a disaster, worst launch ever",
                "The interview is scheduled for 8 pm Eastern.", "X is down again, great job Elon")) {
            Sentiment s = annotator.annotate(text).sentiment();
            if (s.label().equals(Sentiment.POSITIVE)) {
                assertThat(s.score()).as(text).isPositive();
            } else if (s.label().equals(Sentiment.NEGATIVE)) {
                assertThat(s.score()).as(text).isNegative();
            }
        }
    }

    @Test
    void offsetsStayInTheOriginalTextAfterNormalization() {
        String text = "&amp; sooo #KamalaHarris said Elon Musk broke 𝕏 lol https://t.co/x &gt;&gt; Gavin Newsom in California";
        Annotation a = annotator.annotate(text);
        for (EntityMention m : a.entities()) {
            assertThat(text.substring(m.start(), m.end())).as(m.toString()).isEqualTo(m.text());
        }
        EntityMention california = a.entities().stream().filter(m -> m.text().equals("California")).findFirst().orElseThrow();
        assertThat(california.start()).isEqualTo(text.indexOf("California"));
        assertThat(a.canonicalEntities()).contains("Elon Musk", "X (platform)");
        assertThat(a.entityNames()).contains("Gavin Newsom");
    }

    @Test
    void theCoreNlpBaselineKeepsTheSentenceModelAlone() {
        CoreNlpAnnotator baseline = new CoreNlpAnnotator(config.toBuilder().sentimentMethod(SentimentMethod.CORENLP_RNTN).build());
        Annotation a = baseline.annotate("I love this, great job");
        assertThat(a.sentiment().label()).isEqualTo(Sentiment.POSITIVE);
        assertThat(CoreNlpPipelines.get(baseline.config().pipelineProperties())).isSameAs(CoreNlpPipelines.get(config.pipelineProperties()));
    }

    @Test
    void countsRepeatedMentions() {
        Annotation a = annotator.annotate("Musk, Musk, Musk. Everyone is talking about @elonmusk tonight.");
        assertThat(sentimentFor(a, "Elon Musk").orElseThrow().mentions()).isEqualTo(4);
        assertThat(a.canonicalEntities()).containsExactly("Elon Musk");
    }

    @Test
    void emptyAndBlankTextsAreEmptyAnnotationsAndNullIsRejected() {
        assertThat(annotator.annotate("")).isEqualTo(Annotation.EMPTY);
        assertThat(annotator.annotate("  \n ")).isEqualTo(Annotation.EMPTY);
        assertThatThrownBy(() -> annotator.annotate(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aSentenceTooLongToParseIsStillAnnotated() {
        StringBuilder text = new StringBuilder("Elon Musk said");
        for (int i = 0; i < AnnotatorConfig.DEFAULT_MAX_PARSE_SENTENCE_LENGTH; i++) {
            text.append(" and then");
        }
        text.append(" it was a terrible night.");
        Annotation a = annotator.annotate(text.toString());
        assertThat(a.canonicalEntities()).containsExactly("Elon Musk");
        assertThat(sentimentFor(a, "Elon Musk")).isPresent();
    }

    @Test
    void sharesOnePipelinePerJvmAndIsThreadSafe() throws Exception {
        CoreNlpAnnotator second = new CoreNlpAnnotator(config);
        assertThat(CoreNlpPipelines.get(config.pipelineProperties()))
                .isSameAs(CoreNlpPipelines.get(second.config().pipelineProperties()));
        List<String> texts = List.of(
                "Musk says there is a massive DDOS attack on 𝕏",
                "The Harris-Walz campaign mocked Trump for not running a livestream.",
                "I love this, great job",
                "The FBI is investigating the hack of documents about JD Vance.");
        List<Annotation> expected = texts.stream().map(annotator::annotate).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Annotation>> futures = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (String text : texts) {
                    futures.add(pool.submit(() -> second.annotate(text)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % texts.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void annotatesNdjsonEndToEnd() throws Exception {
        StringWriter out = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rejects = new NdjsonAnnotator(annotator, 2).run(new StringReader(
                "{\"id\":\"p1\",\"text\":\"Unable to join the X Space, thanks @elonmusk\",\"lang\":\"en\"}\n{\"id\":\"p2\"}\n"),
                out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rejects).isEqualTo(1);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).contains("\"canonical\":\"X (platform)\"", "\"canonical\":\"Elon Musk\"",
                "\"lang\":\"en\"", "\"sentiment\":{\"label\":");
        assertThat(lines.get(1)).isEqualTo("{\"id\":\"p2\"}");
    }
}
