package io.spikewatch.annotate;

/**
 * The constituency parser that builds the trees the sentiment model reads. Both ship in the
 * CoreNLP English model jars.
 */
public enum ParserChoice {
    /** CoreNLP's shift-reduce parser: much faster than the PCFG parser, about as accurate. */
    SHIFT_REDUCE("edu/stanford/nlp/models/srparser/englishSR.ser.gz"),
    /** CoreNLP's default lexicalized PCFG parser: the benchmark baseline. */
    PCFG("edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz");

    private final String modelPath;

    ParserChoice(String modelPath) {
        this.modelPath = modelPath;
    }

    /** The model's classpath resource, the value of CoreNLP's {@code parse.model}. */
    public String modelPath() {
        return modelPath;
    }
}
