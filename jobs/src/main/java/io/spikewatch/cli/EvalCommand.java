package io.spikewatch.cli;

import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.annotate.CoreNlpAnnotator;
import io.spikewatch.annotate.LabeledText;
import io.spikewatch.annotate.PolarityModel;
import io.spikewatch.annotate.SentimentEvaluation;
import io.spikewatch.annotate.SentimentGoldFile;
import io.spikewatch.annotate.SentimentMethod;
import io.spikewatch.annotate.SentimentMetrics;
import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.backtest.FileScore;
import io.spikewatch.backtest.LabeledWindow;
import io.spikewatch.backtest.NabFiles;
import io.spikewatch.backtest.NabProfile;
import io.spikewatch.backtest.NabScorer;
import io.spikewatch.backtest.ScenarioSweep;
import io.spikewatch.backtest.ScoredRow;
import io.spikewatch.fixtures.ScenarioGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Evaluations of what Spikewatch detects and annotates against labeled data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate detections against labeled data.",
        subcommands = {EvalCommand.Spikes.class, EvalCommand.ScenarioEval.class, EvalCommand.SentimentEval.class, NerEvalCommand.class})
public final class EvalCommand {

    /** Message polarity against a gold file, the SemEval way. */
    @Command(name = "sentiment", mixinStandardHelpOptions = true,
            description = {
                "Score the annotator's message sentiment against gold labels the way the SemEval",
                "message-polarity task does: AvgRec (mean recall of negative, neutral and positive; the",
                "official measure), F1_PN (mean F1 of positive and negative), accuracy, and the confusion",
                "matrix; and how calibrated the scores are (gold +1 positive, -1 negative, 0 neutral;",
                "scores in 10 bins; the text-weighted mean |mean gold - mean score|, 0 is perfect). The",
                "gold file holds one text a line: id<TAB>label<TAB>text, the label positive, negative or",
                "neutral."})
    static final class SentimentEval implements Callable<Integer> {

        /** What {@code --baseline} accepts. */
        enum Baseline { corenlp }

        @Spec
        CommandSpec spec;

        @Option(names = "--gold", required = true, paramLabel = "FILE", description = "The gold file (id<TAB>label<TAB>text).")
        Path gold;

        @Option(names = "--limit", paramLabel = "N", description = "Score only the first N texts.")
        Integer limit;

        @Option(names = "--baseline", paramLabel = "NAME",
                description = "Also score a baseline in the same run: 'corenlp' is CoreNLP's own sentiment model on the text as written, sentence scores averaged (values: ${COMPLETION-CANDIDATES}).")
        Baseline baseline;

        @Option(names = "--model", paramLabel = "FILE", description = "A polarity model file to score instead of the shipped one.")
        Path model;

        @Option(names = "--threads", defaultValue = "2", description = "Annotation threads (default: ${DEFAULT-VALUE}).")
        int threads;

        @Override
        public Integer call() throws IOException {
            if (limit != null && limit < 1) {
                throw new IllegalArgumentException("--limit must be a positive number of texts, got " + limit);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
            }
            List<LabeledText> texts = SentimentGoldFile.read(gold, limit == null ? SentimentGoldFile.ALL : limit);
            PrintWriter out = spec.commandLine().getOut();
            PolarityModel polarity = model == null ? PolarityModel.standard() : PolarityModel.read(model);
            CoreNlpAnnotator ours = new CoreNlpAnnotator(AnnotatorConfig.defaults(), polarity);
            report(out, "spikewatch (" + (model == null ? "shipped model" : model.toString()) + ")", texts, ours);
            if (baseline == Baseline.corenlp) {
                CoreNlpAnnotator corenlp = new CoreNlpAnnotator(
                        AnnotatorConfig.defaults().toBuilder().sentimentMethod(SentimentMethod.CORENLP_RNTN).build());
                report(out, "corenlp (sentiment model on the text as written, sentences averaged)", texts, corenlp);
            }
            return 0;
        }

        private void report(PrintWriter out, String name, List<LabeledText> texts, CoreNlpAnnotator annotator) {
            long started = System.nanoTime();
            SentimentEvaluation.Result result = SentimentEvaluation.evaluate(texts, text -> annotator.annotate(text).sentiment(), threads);
            SentimentMetrics metrics = result.labels();
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "%s on %s%n", name, gold);
            out.printf(Locale.ROOT, "n %d  AvgRec %.4f  F1_PN %.4f  accuracy %.4f  (%.0f texts/s on %d threads)%n",
                    metrics.total(), metrics.avgRec(), metrics.f1PN(), metrics.accuracy(), metrics.total() / seconds, threads);
            out.print(metrics.confusionTable());
            out.println(result.scores().summary());
            out.println();
            out.flush();
        }
    }

    /** The volume detector on the seed scenario drawn with several seeds. */
    @Command(name = "scenario", mixinStandardHelpOptions = true,
            description = {
                "Run the production volume detector and episode tracker (defaults, cold start, every",
                "minute fed) over the seed scenario generated with each seed, and print, for each labelled",
                "volume window, the minutes from its start to the first alert of its series under each",
                "seed, then per seed the windows alerted within --max-delay, later and missed, and the",
                "episodes started outside every window (the demo's label check, for volume alone and",
                "without Elasticsearch or NLP: a few seconds a seed)."})
    static final class ScenarioEval implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--seeds", split = ",", paramLabel = "S,S...",
                description = "Seeds to draw the scenario with (default: the demo's, then 1 to 9).")
        List<Long> seeds = new ArrayList<>();

        @Option(names = "--posts", defaultValue = "" + DemoCommand.DEMO_POSTS, description = "Posts per scenario (default: ${DEFAULT-VALUE}).")
        int posts;

        @Option(names = "--max-delay", defaultValue = "2", paramLabel = "MINUTES",
                description = "An alert this many minutes after a window's start, or before it, is on time (default: ${DEFAULT-VALUE}).")
        int maxDelayMinutes;

        @Option(names = "--time-zone", defaultValue = "America/New_York", paramLabel = "ZONE",
                description = "Zone the times are printed in (default: ${DEFAULT-VALUE}).")
        ZoneId zone;

        @Override
        public Integer call() {
            if (posts < 1) {
                throw new IllegalArgumentException("--posts must be a positive number of posts, got " + posts);
            }
            if (maxDelayMinutes < 0) {
                throw new IllegalArgumentException("--max-delay must be 0 or more minutes, got " + maxDelayMinutes);
            }
            List<Long> chosen = new ArrayList<>(seeds);
            if (chosen.isEmpty()) {
                chosen.add(ScenarioGenerator.DEFAULT_SEED);
                for (long seed = 1; seed <= 9; seed++) {
                    chosen.add(seed);
                }
            }
            TrackedEntities tracked = TrackedEntities.fromYaml(SeedTrackedEntities.yaml(), SeedTrackedEntities.SOURCE);
            ScenarioSweep sweep = new ScenarioSweep(tracked, Duration.ofMinutes(1), Duration.ofMinutes(maxDelayMinutes));
            sweep.print(sweep.run(chosen, posts), spec.commandLine().getOut(), zone);
            return 0;
        }
    }

    /** The NAB score of scored series against labeled windows. */
    @Command(name = "spikes", mixinStandardHelpOptions = true,
            description = {
                "Score anomaly scores the way the Numenta Anomaly Benchmark does (Lavin and Ahmad, 2015):",
                "a row at or above --threshold is a detection; the first 15% of each file (at most 750 rows)",
                "is not scored; only the earliest detection of a window counts, earlier is worth more; a",
                "detection outside every window costs, less when it follows a window closely; a missed",
                "window costs. Scores are normalized to 0 (never fires) .. 100 (perfect), per file and in",
                "total (raw scores summed over the files, then normalized).",
                "",
                "Each SCORED file is a CSV with a header holding 'timestamp' and 'anomaly_score' (such as",
                "'detect' writes); its file name is its key in the windows file, or ends with '_KEY' (as in",
                "NAB's results: 'DETECTOR_Twitter_volume_AAPL.csv'). A folder stands for its *.csv files",
                "that have a key."})
    static final class Spikes implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--windows", required = true, paramLabel = "FILE",
                description = "Labeled windows, NAB's windows.json format: {\"FILE.csv\": [[\"START\", \"END\"], ...]}.")
        Path windows;

        @Option(names = "--threshold", defaultValue = "0.5", description = "Detection threshold on anomaly_score (default: ${DEFAULT-VALUE}).")
        double threshold;

        @Option(names = "--profile", paramLabel = "PROFILE",
                description = "standard, reward_low_FP_rate (low-fp) or reward_low_FN_rate (low-fn); repeatable (default: all three).")
        List<String> profiles = new ArrayList<>();

        @Parameters(arity = "1..*", paramLabel = "SCORED", description = "Scored CSV files, or folders of them.")
        List<Path> scored;

        @Override
        public Integer call() throws IOException {
            if (!Double.isFinite(threshold)) {
                throw new IllegalArgumentException("--threshold must be a finite number, got " + threshold);
            }
            List<NabProfile> chosen = profiles.isEmpty() ? List.of(NabProfile.values())
                    : profiles.stream().map(NabProfile::parse).distinct().toList();
            Map<String, List<LabeledWindow>> labels = NabFiles.readWindows(windows);
            Map<String, Path> files = resolve(labels);

            Map<NabProfile, List<FileScore>> byProfile = new EnumMap<>(NabProfile.class);
            for (Map.Entry<String, Path> file : files.entrySet()) {
                List<ScoredRow> rows = NabFiles.readScored(file.getValue());
                for (NabProfile profile : chosen) {
                    byProfile.computeIfAbsent(profile, p -> new ArrayList<>())
                            .add(new NabScorer(profile).score(file.getKey(), rows, labels.get(file.getKey()), threshold));
                }
            }
            print(spec.commandLine().getOut(), chosen, byProfile);
            List<String> missing = labels.keySet().stream().filter(k -> !files.containsKey(k)).toList();
            if (!missing.isEmpty()) {
                spec.commandLine().getErr().println("note: not scored (no file given): " + String.join(", ", missing));
            }
            return 0;
        }

        private Map<String, Path> resolve(Map<String, List<LabeledWindow>> labels) throws IOException {
            Map<String, Path> files = new LinkedHashMap<>();
            for (Path path : scored) {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> listing = Files.list(path)) {
                        for (Path file : listing.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                            try {
                                add(files, NabFiles.windowsKey(file, labels), file);
                            } catch (IllegalArgumentException notLabeled) {
                                // a folder may hold other files; only the labeled ones are scored
                            }
                        }
                    }
                } else if (Files.isRegularFile(path)) {
                    add(files, NabFiles.windowsKey(path, labels), path);
                } else {
                    throw new IllegalArgumentException(path + ": no such file or folder");
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no scored file matches a key of " + windows);
            }
            return files;
        }

        private static void add(Map<String, Path> files, String key, Path file) {
            Path before = files.putIfAbsent(key, file);
            if (before != null && !before.equals(file)) {
                throw new IllegalArgumentException("two scored files for " + key + ": " + before + " and " + file);
            }
        }

        private void print(PrintWriter out, List<NabProfile> chosen, Map<NabProfile, List<FileScore>> byProfile) {
            out.printf(Locale.ROOT, "NAB score at threshold %s%n", threshold);
            for (NabProfile profile : chosen) {
                out.printf(Locale.ROOT, "%n%s%n%-32s %8s %8s %4s %4s %4s%n", profile.label(), "file", "score", "raw", "TP", "FN", "FP");
                List<FileScore> scores = byProfile.get(profile);
                for (FileScore score : scores) {
                    line(out, score);
                }
                line(out, FileScore.total("total", profile, scores));
            }
        }

        private static void line(PrintWriter out, FileScore score) {
            out.printf(Locale.ROOT, "%-32s %8.1f %8.3f %4d %4d %4d%n", score.file(), score.normalized(), score.raw(),
                    score.truePositives(), score.falseNegatives(), score.falsePositives());
        }
    }
}
