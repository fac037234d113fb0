package io.spikewatch.cli;

import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.annotate.ConllNerFile;
import io.spikewatch.annotate.ConllSentence;
import io.spikewatch.annotate.CoreNlpAnnotator;
import io.spikewatch.annotate.LabeledText;
import io.spikewatch.annotate.NerTrainer;
import io.spikewatch.annotate.PolarityTrainer;
import io.spikewatch.annotate.SentimentGoldFile;
import io.spikewatch.annotate.SentimentMethod;
import io.spikewatch.annotate.WordVectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains the models Spikewatch ships from labeled data. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the models Spikewatch ships from labeled data.",
        subcommands = {TrainCommand.SentimentTraining.class, TrainCommand.NerTraining.class})
public final class TrainCommand {

    /** A CRF entity model for social text, to use with {@code eval ner --ner-models} or in a configuration. */
    @Command(name = "ner", mixinStandardHelpOptions = true,
            description = {
                "Train a CoreNLP CRF entity model (PERSON, LOCATION, ORGANIZATION) from gold data in the",
                "token<TAB>BIO-tag layout of 'eval ner' (WNUT 2017, CoNLL 2003), with the feature set of",
                "nlp/src/main/resources/io/spikewatch/annotate/ner/crf-features.properties. Corporation and",
                "group are trained as ORGANIZATION; types CoreNLP has no class for are trained as O. Takes",
                "minutes: about 13 on 2 busy cores for WNUT 2017's 3,394 training sentences."})
    static final class NerTraining implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--train", required = true, paramLabel = "FILE", description = "Training sentences (token<TAB>BIO-tag).")
        Path train;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The model file to write (.crf.ser.gz).")
        Path out;

        @Override
        public Integer call() throws IOException {
            List<ConllSentence> sentences =
                    ConllNerFile.read(train, ConllNerFile.ALL).sentences();
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            spec.commandLine().getErr().printf("training a CRF on %d sentences of %s...%n", sentences.size(), train);
            spec.commandLine().getErr().flush();
            NerTrainer.train(sentences, out);
            spec.commandLine().getOut().printf("wrote %s (%d bytes)%n", out, Files.size(out));
            return 0;
        }
    }

    /** The message polarity classifier. */
    @Command(name = "sentiment", mixinStandardHelpOptions = true,
            description = {
                "Train the polarity classifier (nlp/src/main/resources/io/spikewatch/annotate/sentiment/",
                "polarity-model.tsv.gz is the shipped one): every text is normalized and parsed by CoreNLP",
                "as the annotator does, a logistic regression is trained on the --train files for each --sigma,",
                "calibrated and scored on --dev, and the best is refitted on both. Files: id<TAB>label<TAB>text.",
                "Deterministic: the same files give the same weights."})
    static final class SentimentTraining implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--train", required = true, split = ",", paramLabel = "FILE",
                description = "Training texts: one file, or several separated by commas or given as repeated options.")
        List<Path> train;

        @Option(names = "--dev", required = true, paramLabel = "FILE", description = "Development texts (choice of sigma, calibration).")
        Path dev;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The model file to write (gzip'd text).")
        Path out;

        @Option(names = "--data-description", paramLabel = "TEXT",
                description = "What the data is and under which terms, written in the model's header (default: the SemEval sets).")
        String dataDescription = "SemEval Task 4 subtask A English tweets (2013-2016), distributed by the task organisers "
                + "for research use under Twitter's terms; the model holds weights only, no text";

        @Option(names = "--sigma", split = ",", paramLabel = "S", description = "Candidate L2 sigmas (default: 0.15,0.25,0.5).")
        List<Double> sigmas = PolarityTrainer.DEFAULT_SIGMAS;

        @Option(names = "--min-feature-count", defaultValue = "" + PolarityTrainer.DEFAULT_MIN_FEATURE_COUNT,
                description = "Drop features seen in fewer training texts (default: ${DEFAULT-VALUE}).")
        int minFeatureCount;

        @Option(names = "--dense-scale", defaultValue = "" + PolarityTrainer.DEFAULT_DENSE_FEATURE_SCALE,
                description = "Standard deviation the word-vector features are scaled to while fitting (default: ${DEFAULT-VALUE}).")
        double denseScale;

        @Option(names = "--no-refit", description = "Keep the weights trained on --train alone instead of refitting on --train and --dev.")
        boolean noRefit;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The training date written in the header (default: today).")
        LocalDate date;

        @Option(names = "--threads", defaultValue = "2", description = "Annotation threads (default: ${DEFAULT-VALUE}).")
        int threads;

        @Override
        public Integer call() throws IOException {
            PrintWriter log = spec.commandLine().getErr();
            PolarityTrainer trainer = PolarityTrainer.builder().sigmas(sigmas).minFeatureCount(minFeatureCount)
                    .denseFeatureScale(denseScale).refitOnTrainAndDev(!noRefit).log(line -> { log.println(line); log.flush(); }).build();
            List<LabeledText> trainTexts = new ArrayList<>();
            for (Path file : train) {
                trainTexts.addAll(SentimentGoldFile.read(file));
            }
            List<LabeledText> devTexts = SentimentGoldFile.read(dev);
            // messageFeatures does not depend on the sentiment method: no model is needed to featurize
            CoreNlpAnnotator annotator = new CoreNlpAnnotator(
                    AnnotatorConfig.defaults().toBuilder().sentimentMethod(SentimentMethod.CORENLP_RNTN).build());
            log.printf("featurizing %d + %d texts with CoreNLP on %d threads...%n", trainTexts.size(), devTexts.size(), threads);
            log.flush();
            List<PolarityTrainer.Example> trainExamples = PolarityTrainer.featurize(trainTexts, annotator::messageFeatures, threads);
            List<PolarityTrainer.Example> devExamples = PolarityTrainer.featurize(devTexts, annotator::messageFeatures, threads);

            List<String> description = new ArrayList<>();
            description.add("Spikewatch message polarity model (negative / neutral / positive)");
            description.add("trained " + (date == null ? LocalDate.now() : date) + " with 'spikewatch train sentiment'");
            description.add("data: " + dataDescription);
            for (Path file : train) {
                description.add("training texts: " + file.getFileName() + " (" + SentimentGoldFile.read(file).size() + " texts, sha256 "
                        + sha256(file) + ")");
            }
            description.add("development texts: " + dev.getFileName() + " (" + devTexts.size() + " texts, sha256 " + sha256(dev) + ")");
            description.add("features: io.spikewatch.annotate.PolarityFeatures on SocialTextNormalizer output: words with negation scope, "
                    + "token bigrams, emoji, VADER lexicon scores (MIT, Hutto and Gilbert 2014), cues, CoreNLP 4.5.10's sentiment "
                    + "model (shift-reduce parse) on the normalized text, and the mean of the words' vectors in CoreNLP 4.5.10's "
                    + WordVectors.RESOURCE);
            PolarityTrainer.Result result = trainer.train(trainExamples, devExamples, description);
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream file = Files.newOutputStream(out)) {
                result.model().write(file);
            }
            spec.commandLine().getOut().printf("wrote %s: %d features, sigma %s, development %s%n", out,
                    result.model().featureCount(), result.sigma(), result.dev().summary());
            return 0;
        }

        private static String sha256(Path file) throws IOException {
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
                DigestInputStream digest = (DigestInputStream) in;
                in.transferTo(OutputStream.nullOutputStream());
                return HexFormat.of().formatHex(digest.getMessageDigest().digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
        }
    }
}
