package io.spikewatch.annotate;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JVM-wide store of loaded CoreNLP pipelines. Loading the models takes seconds and hundreds of
 * megabytes, so every annotator, thread and task slot in one JVM with the same pipeline
 * properties shares one {@link StanfordCoreNLP}, which is thread-safe for {@code annotate}. The
 * first caller for a set of properties loads it; concurrent callers for the same properties wait
 * for that load instead of starting their own.
 */
public final class CoreNlpPipelines {

    private static final Map<String, StanfordCoreNLP> PIPELINES = new ConcurrentHashMap<>();

    private CoreNlpPipelines() {}

    /** The shared pipeline for these properties, loading it on first use. */
    public static StanfordCoreNLP get(Properties properties) {
        Properties copy = new Properties();
        copy.putAll(properties);
        return PIPELINES.computeIfAbsent(key(copy), k -> new StanfordCoreNLP(copy));
    }

    /**
     * A pipeline of its own, with models loaded for it alone (CoreNLP's shared annotator pool is
     * bypassed): as much heap again as {@link #get}, for measuring whether separate models per
     * thread annotate faster than one shared set.
     */
    public static StanfordCoreNLP loadUnshared(Properties properties) {
        Properties copy = new Properties();
        copy.putAll(properties);
        // CoreNLP hands out the annotators of its JVM-wide pool; emptied, the pool loads new ones.
        // Pipelines built before keep the annotators they hold.
        synchronized (CoreNlpPipelines.class) {
            StanfordCoreNLP.clearAnnotatorPool();
            StanfordCoreNLP pipeline = new StanfordCoreNLP(copy);
            StanfordCoreNLP.clearAnnotatorPool();
            return pipeline;
        }
    }

    /** How many distinct pipelines this JVM holds. */
    public static int loadedCount() {
        return PIPELINES.size();
    }

    /**
     * Drops every pipeline, including CoreNLP's own annotator pool, so their models can be
     * collected. Only for measurements that must start from an empty heap; annotators built
     * before keep working with the pipeline they hold.
     */
    public static void clear() {
        PIPELINES.clear();
        StanfordCoreNLP.clearAnnotatorPool();
    }

    /** A canonical text of the properties: same settings, same key, whatever the insertion order. */
    static String key(Properties properties) {
        Map<String, String> sorted = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            sorted.put(name, properties.getProperty(name));
        }
        return sorted.toString();
    }
}
