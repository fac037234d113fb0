package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachingAnnotatorTest {

    private static final long TIMEOUT_SECONDS = 30;

    /**
     * Annotates every capitalized word as a PERSON mention at its offset in the text it was given,
     * counting the calls per text; a text can be made to wait on a latch before it is annotated.
     */
    private static final class CapitalizedWords implements TextAnnotator {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final AtomicInteger total = new AtomicInteger();
        volatile String blockedText;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile String failingText;

        final Map<String, AtomicInteger> entityCalls = new ConcurrentHashMap<>();

        @Override
        public Annotation annotateEntities(String text) {
            entityCalls.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
            return mentions(text).withoutSentiment();
        }

        @Override
        public Annotation annotate(String text) {
            calls.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
            return mentions(text);
        }

        private Annotation mentions(String text) {
            total.incrementAndGet();
            if (text.equals(blockedText)) {
                entered.countDown();
                await(release);
            }
            if (text.equals(failingText)) {
                throw new IllegalStateException("cannot annotate '" + text + "'");
            }
            List<EntityMention> mentions = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\p{Lu}\\p{L}+").matcher(text);
            while (m.find()) {
                mentions.add(new EntityMention(m.group(), "PERSON", m.start(), m.end(), null));
            }
            return new Annotation(mentions, new Sentiment(Sentiment.NEGATIVE, -0.5), List.of());
        }
    }

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRepeatedTextIsAnnotatedOnceAndGetsAnEqualAnnotation() {
        CapitalizedWords delegate = new CapitalizedWords();
        CachingAnnotator cache = new CachingAnnotator(delegate, AnnotationCacheSettings.ofEntries(10));

        Annotation first = cache.annotate("Musk blames a DDoS");
        Annotation repost = cache.annotate("Musk blames a DDoS");

        assertThat(repost).isEqualTo(first);
        assertThat(delegate.calls.get("Musk blames a DDoS")).hasValue(1);
        AnnotationCacheStats stats = cache.stats();
        assertThat(stats.hits()).isEqualTo(1);
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.hitRate()).isEqualTo(0.5);
        assertThat(stats.entries()).isEqualTo(1);
        assertThat(stats.estimatedBytes()).isPositive();
    }

    @Test
    void aFullAnnotationServesARequestForEntitiesButNotTheOtherWayRound() {
        CapitalizedWords delegate = new CapitalizedWords();
        CachingAnnotator cache = new CachingAnnotator(delegate, AnnotationCacheSettings.ofEntries(10));

        Annotation full = cache.annotate("Musk blames a DDoS");
        Annotation entities = cache.annotateEntities("Musk blames a DDoS");
        assertThat(entities.entities()).isEqualTo(full.entities());
        assertThat(entities.sentiment()).isEqualTo(Sentiment.NONE);
        assertThat(full.sentiment().label()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(delegate.entityCalls).doesNotContainKey("Musk blames a DDoS");

        Annotation spanish = cache.annotateEntities("Musk culpa a un DDoS");
        assertThat(cache.annotateEntities("Musk culpa a un DDoS")).isEqualTo(spanish);
        assertThat(delegate.entityCalls.get("Musk culpa a un DDoS")).hasValue(1);
        assertThat(spanish.sentiment()).isEqualTo(Sentiment.NONE);

        Annotation read = cache.annotate("Musk culpa a un DDoS");
        assertThat(read.sentiment().label()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(delegate.calls.get("Musk culpa a un DDoS")).hasValue(1);
        assertThat(cache.annotate("Musk culpa a un DDoS")).isEqualTo(read);
        assertThat(cache.annotateEntities("Musk culpa a un DDoS")).isEqualTo(spanish);
        assertThat(delegate.calls.get("Musk culpa a un DDoS")).hasValue(1);
        assertThat(delegate.entityCalls.get("Musk culpa a un DDoS")).hasValue(1);
        AnnotationCacheStats stats = cache.stats();
        assertThat(stats.misses()).isEqualTo(3);
        assertThat(stats.hits()).isEqualTo(4);
        assertThat(stats.entries()).isEqualTo(2);
    }

    @Test
    void textsThatNormalizeAlikeKeepTheOffsetsOfTheirOwnText() {
        CapitalizedWords delegate = new CapitalizedWords();
        CachingAnnotator cache = new CachingAnnotator(delegate, AnnotationCacheSettings.ofEntries(10));
        String elongated = "sooo tired of Musk";
        String plain = "so tired of Musk";
        String withLink = "https://t.co/abc so tired of Musk";
        assertThat(SocialTextNormalizer.standard().normalize(elongated).text())
                .isEqualTo(SocialTextNormalizer.standard().normalize(plain).text())
                .isEqualTo(SocialTextNormalizer.standard().normalize(withLink).text().strip());

        for (String text : List.of(elongated, plain, withLink, elongated, plain, withLink)) {
            EntityMention musk = cache.annotate(text).entities().get(0);
            assertThat(text.substring(musk.start(), musk.end())).isEqualTo("Musk");
        }
        assertThat(delegate.total).hasValue(3);
        assertThat(cache.stats().hits()).isEqualTo(3);
    }

    @Test
    void holdsAtMostMaxEntriesAndEvictsTheLeastRecentlyUsed() {
        CapitalizedWords delegate = new CapitalizedWords();
        CachingAnnotator cache = new CachingAnnotator(delegate, AnnotationCacheSettings.ofEntries(2));
        cache.annotate("Alpha");
        cache.annotate("Bravo");
        cache.annotate("Alpha");   // Alpha is now the most recently used
        cache.annotate("Charlie"); // evicts Bravo

        assertThat(cache.stats().entries()).isEqualTo(2);
        assertThat(cache.stats().evictions()).isEqualTo(1);
        cache.annotate("Alpha");
        assertThat(delegate.calls.get("Alpha")).hasValue(1);
        cache.annotate("Bravo");
        assertThat(delegate.calls.get("Bravo")).hasValue(2);
    }

    @Test
    void holdsAtMostMaxBytes() {
        CapitalizedWords delegate = new CapitalizedWords();
        String text = "Kamala Harris answers Donald Trump";
        long oneEntry = AnnotationFootprint.estimateBytes(text + 0, delegate.annotate(text + 0));
        CachingAnnotator cache = new CachingAnnotator(delegate, new AnnotationCacheSettings(1_000, 3 * oneEntry + oneEntry / 2));

        for (int i = 0; i < 10; i++) {
            cache.annotate(text + i);
        }

        assertThat(cache.stats().entries()).isEqualTo(3);
        assertThat(cache.stats().estimatedBytes()).isLessThanOrEqualTo(3 * oneEntry + oneEntry / 2);
        assertThat(cache.stats().evictions()).isEqualTo(7);
    }

    @Test
    void aTextLargerThanTheWholeCacheIsAnnotatedButNotKept() {
        CapitalizedWords delegate = new CapitalizedWords();
        CachingAnnotator cache = new CachingAnnotator(delegate, new AnnotationCacheSettings(10, 1_000));
        String big = "Musk ".repeat(500);
        cache.annotate(big);
        cache.annotate(big);
        assertThat(delegate.calls.get(big)).hasValue(2);
        assertThat(cache.stats().entries()).isZero();
    }

    @Test
    void twoThreadsAskingForTheSameTextAnnotateItOnce() throws Exception {
        CapitalizedWords delegate = new CapitalizedWords();
        delegate.blockedText = "Vance on the DDoS";
        CachingAnnotator cache = new CachingAnnotator(delegate, AnnotationCacheSettings.ofEntries(10));

        Future<Annotation> first = threads.submit(() -> cache.annotate("Vance on the DDoS"));
        await(delegate.entered); // the first thread is inside the delegate, the text in flight
        CountDownLatch secondStarted = new CountDownLatch(1);
        Future<Annotation> second = threads.submit(() -> {
            secondStarted.countDown();
            return cache.annotate("Vance on the DDoS");
        });
        await(secondStarted);
        // the second thread can only finish after the first, and never calls the delegate itself
        delegate.release.countDown();

        assertThat(second.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertThat(delegate.calls.get("Vance on the DDoS")).hasValue(1);
        assertThat(cache.stats().hits()).isEqualTo(1);
        assertThat(cache.stats().misses()).isEqualTo(1);
    }

    @Test
    void anotherTextIsNotHeldUpByOneBeingAnnotated() throws Exception {
        CapitalizedWords delegate = new CapitalizedWords();
        delegate.blockedText = "Slow text";
        CachingAnnotator cache = new CachingAnnotator(delegate, AnnotationCacheSettings.ofEntries(10));

        Future<Annotation> slow = threads.submit(() -> cache.annotate("Slow text"));
        await(delegate.entered);
        Future<Annotation> other = threads.submit(() -> cache.annotate("Other text"));

        assertThat(other.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entities()).extracting(EntityMention::text).containsExactly("Other");
        assertThat(slow).isNotDone();
        delegate.release.countDown();
        assertThat(slow.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entities()).extracting(EntityMention::text).containsExactly("Slow");
    }

    @Test
    void concurrentUseKeepsCountersAndBoundsConsistent() throws Exception {
        CapitalizedWords delegate = new CapitalizedWords();
        CachingAnnotator cache = new CachingAnnotator(delegate, AnnotationCacheSettings.ofEntries(5));
        CountDownLatch go = new CountDownLatch(1);
        int perThread = 2_000;
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            running.add(threads.submit(() -> {
                await(go);
                for (int i = 0; i < perThread; i++) {
                    String text = "Post " + (i % 8);
                    assertThat(cache.annotate(text).entities().get(0).text()).isEqualTo("Post");
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> future : running) {
            future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        AnnotationCacheStats stats = cache.stats();
        assertThat(stats.lookups()).isEqualTo(2L * perThread);
        assertThat(stats.misses()).isEqualTo(delegate.total.get());
        assertThat(stats.entries()).isEqualTo(5);
        assertThat(stats.misses() - stats.evictions()).isEqualTo(stats.entries());
    }

    @Test
    void aFailureIsNotCachedAndReachesTheCaller() {
        CapitalizedWords delegate = new CapitalizedWords();
        delegate.failingText = "Broken";
        CachingAnnotator cache = new CachingAnnotator(delegate, AnnotationCacheSettings.ofEntries(10));

        assertThatThrownBy(() -> cache.annotate("Broken")).hasMessageContaining("cannot annotate 'Broken'");
        assertThatThrownBy(() -> cache.annotate("Broken")).hasMessageContaining("cannot annotate 'Broken'");
        assertThat(delegate.calls.get("Broken")).hasValue(2);
        assertThat(cache.stats().entries()).isZero();
    }

    @Test
    void zeroEntriesSwitchesTheCacheOff() {
        CapitalizedWords delegate = new CapitalizedWords();
        assertThat(CachingAnnotator.wrap(delegate, AnnotationCacheSettings.DISABLED)).isSameAs(delegate);
        assertThat(CachingAnnotator.wrap(delegate, AnnotationCacheSettings.DEFAULTS)).isInstanceOf(CachingAnnotator.class);
        assertThatThrownBy(() -> new CachingAnnotator(delegate, AnnotationCacheSettings.DISABLED))
                .hasMessageContaining("at least one entry");
    }

    @Test
    void settingsRejectNonsenseNamingTheBound() {
        assertThatThrownBy(() -> new AnnotationCacheSettings(-1, 10)).hasMessageContaining("maxEntries");
        assertThatThrownBy(() -> new AnnotationCacheSettings(10, 0)).hasMessageContaining("maxBytes");
    }
}
