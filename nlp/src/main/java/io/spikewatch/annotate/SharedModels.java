package io.spikewatch.annotate;

/**
 * What the annotators of one JVM share, each loaded once: CoreNLP's pipelines and annotator pool,
 * the annotation caches, the word vectors, the polarity model and the social lexicon.
 */
public final class SharedModels {

    private SharedModels() {}

    /**
     * Drops them all, so they can be collected. For a job whose classes are released on a Flink
     * session cluster: the models are then gone at once, whether or not the job's class loader is
     * still reachable from somewhere (see the README's known limits), about 50 MiB of vectors,
     * weights and lexicons besides the pipelines. Annotators built before keep working with what
     * they hold; the next ones load everything again.
     */
    public static void release() {
        AnnotationCaches.clear();
        CoreNlpPipelines.clear();
        WordVectors.releaseStandard();
        PolarityModel.releaseStandard();
        SocialLexicon.releaseStandard();
    }
}
