package io.spikewatch.cli;

import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.annotate.ConllNerFile;
import io.spikewatch.annotate.CoreNlpAnnotator;
import io.spikewatch.annotate.CoreNlpDefaultNer;
import io.spikewatch.annotate.EntityMention;
import io.spikewatch.annotate.NerEvaluation;
import io.spikewatch.annotate.NerMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eval ner}: entity-level scores of the annotator's entities against CoNLL-style gold data. */
@Command(name = "ner", mixinStandardHelpOptions = true,
        description = {
            "Score the annotator's named entities against gold data at the entity level (exact span and",
            "type): precision, recall and F1 of person, location and organisation, and their micro",
            "average. The gold file holds one token<TAB>tag a line (O, B-type, I-type), a blank line",
            "between sentences, as WNUT 2017 and CoNLL 2003 do; corporation and group are folded into",
            "organisation, and types no annotator has (creative-work, product, MISC) are not scored.",
            "Each sentence's text is its tokens joined by spaces."})
final class NerEvalCommand implements Callable<Integer> {

    /** What {@code --baseline} accepts. */
    enum Baseline { corenlp }

    @Spec
    CommandSpec spec;

    @Option(names = "--conll", required = true, paramLabel = "FILE", description = "The gold file (token<TAB>BIO-tag).")
    Path conll;

    @Option(names = "--limit", paramLabel = "N", description = "Score only the first N sentences.")
    Integer limit;

    @Option(names = "--baseline", paramLabel = "NAME",
            description = "Also score a baseline in the same run: 'corenlp' is CoreNLP's default English NER (tokenize,ssplit,pos,lemma,ner) on the text as written (values: ${COMPLETION-CANDIDATES}).")
    Baseline baseline;

    @Option(names = "--tracked-entities", paramLabel = "FILE",
            description = "Tracked entities to merge in, as the monitor job does (default: none).")
    Path trackedEntities;

    @Option(names = "--ner-models", paramLabel = "MODELS", split = ",",
            description = "NER models (classpath resources or files, such as one written by 'train ner') to use instead of the shipped ones, comma-separated, in priority order; each labels only what the ones before it left unlabelled.")
    List<String> nerModels;

    @Option(names = "--threads", defaultValue = "2", description = "Annotation threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws IOException {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be a positive number of sentences, got " + limit);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        ConllNerFile.Contents gold = ConllNerFile.read(conll, limit == null ? ConllNerFile.ALL : limit);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %d sentences%s%n%n", conll, gold.sentences().size(),
                gold.unscoredTypes().isEmpty() ? "" : "; not scored: " + String.join(", ", gold.unscoredTypes()));

        AnnotatorConfig.Builder config = AnnotatorConfig.defaults().toBuilder();
        if (trackedEntities != null) {
            config.trackedEntitiesFile(trackedEntities);
        }
        if (nerModels != null) {
            config.nerModels(nerModels);
        }
        AnnotatorConfig ours = config.build();
        CoreNlpAnnotator annotator = new CoreNlpAnnotator(ours);
        report(out, "spikewatch " + ours.nerModels(), gold, text -> annotator.annotateEntities(text).entities());
        if (baseline == Baseline.corenlp) {
            CoreNlpDefaultNer corenlp = new CoreNlpDefaultNer();
            report(out, "corenlp default NER (" + CoreNlpDefaultNer.ANNOTATORS + ")", gold, corenlp::recognize);
        }
        return 0;
    }

    private void report(PrintWriter out, String name, ConllNerFile.Contents gold, Function<String, List<EntityMention>> recognizer) {
        long started = System.nanoTime();
        NerMetrics metrics = NerEvaluation.evaluate(gold.sentences(), recognizer, threads);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "%s  (%.0f sentences/s on %d threads, model loading included)%n", name,
                metrics.sentences() / seconds, threads);
        out.print(metrics.table());
        out.println();
        out.flush();
    }
}
