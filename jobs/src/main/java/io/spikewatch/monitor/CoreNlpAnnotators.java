package io.spikewatch.monitor;

import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.annotate.CoreNlpAnnotator;
import io.spikewatch.annotate.TextAnnotator;

/** Production annotators: CoreNLP with the given configuration, models shared within a JVM. */
public final class CoreNlpAnnotators implements AnnotatorFactory {

    private static final long serialVersionUID = 1L;

    private final AnnotatorConfig config;

    public CoreNlpAnnotators(AnnotatorConfig config) {
        this.config = config;
    }

    @Override
    public TextAnnotator create() {
        return new CoreNlpAnnotator(config);
    }

    @Override
    public String name() {
        return "corenlp-" + config.profile().name().toLowerCase() + "-" + config.parser().name().toLowerCase();
    }
}
