package io.spikewatch.annotate;

/** How much of CoreNLP's machinery runs besides what entities and sentiment need. */
public enum PipelineProfile {
    /**
     * Only what Spikewatch uses: tokenize, ssplit, pos, ner (coarse classes only: no fine-grained
     * KBP gazetteers, no SUTime, no numeric classifiers), parse (without dependency graphs) and
     * sentiment. Lemmas are not computed: nothing downstream reads them.
     */
    LEAN,
    /**
     * CoreNLP's own defaults for {@code tokenize,ssplit,pos,lemma,ner,parse,sentiment}: every NER
     * stage on and dependency graphs built. The benchmark baseline.
     */
    CORENLP_DEFAULT
}
