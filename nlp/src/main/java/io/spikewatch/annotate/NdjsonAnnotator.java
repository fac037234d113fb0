package io.spikewatch.annotate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Annotates a stream of NDJSON records, one JSON object per line, as behind
 * {@code spikewatch annotate}.
 *
 * <p>Each record needs a non-empty {@code id} (string or integer) and a string {@code text}. The
 * output line is the same object, every other field kept in its place, with three fields added
 * (replacing any of the same name): {@code entities} (objects with {@code text}, {@code type},
 * {@code start}, {@code end} as UTF-16 offsets, and {@code canonical} when tracked),
 * {@code sentiment} ({@code label}, {@code score}) and {@code entity_sentiment} (objects with
 * {@code entity}, {@code label}, {@code score}, {@code mentions}). A record whose {@code lang}
 * names a language the sentiment models do not read ({@link SentimentLanguages}) gets its
 * entities, {@code sentiment: null}, an empty {@code entity_sentiment} and
 * {@code sentiment_skipped: "language"}.
 *
 * <p>A line that is not a JSON object, lacks {@code id} or {@code text}, or fails to annotate is a
 * reject: it is written to the output unchanged, so nothing is lost and line order is kept, and
 * reported on the error stream with the source, line number and reason. Blank lines carry nothing
 * and are skipped (and counted in the summary). Records are annotated on {@code threads} threads
 * and written in input order.
 */
public final class NdjsonAnnotator {

    public static final String FIELD_ID = "id";
    public static final String FIELD_TEXT = "text";
    public static final String FIELD_ENTITIES = "entities";
    public static final String FIELD_SENTIMENT = "sentiment";
    public static final String FIELD_ENTITY_SENTIMENT = "entity_sentiment";
    public static final String FIELD_LANG = "lang";
    public static final String FIELD_SENTIMENT_SKIPPED = "sentiment_skipped";

    /** The name used for the input in messages when the caller gives none. */
    public static final String DEFAULT_SOURCE = "input";

    /** Records handed to the threads at a time, per thread; bounds memory on large inputs. */
    private static final int BATCH_PER_THREAD = 32;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TextAnnotator annotator;
    private final int threads;

    /** Annotates on one thread. */
    public NdjsonAnnotator(TextAnnotator annotator) {
        this(annotator, 1);
    }

    /**
     * @param threads how many records to annotate at once; at least 1
     */
    public NdjsonAnnotator(TextAnnotator annotator, int threads) {
        this.annotator = Objects.requireNonNull(annotator, "annotator");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
    }

    /** {@link #run(String, Reader, Writer, PrintStream)} with the source called {@value #DEFAULT_SOURCE}. */
    public int run(Reader in, Writer out, PrintStream err) throws IOException {
        return run(DEFAULT_SOURCE, in, out, err);
    }

    /**
     * Reads every line of {@code in}, writes one line per non-blank input line to {@code out}, and
     * reports each reject and a final summary on {@code err}. Does not close the streams.
     *
     * @param source the input's name in messages, such as its file name
     * @return the number of rejected lines; 0 when every record was annotated
     */
    public int run(String source, Reader in, Writer out, PrintStream err) throws IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemonThreads()) : null;
        Counts counts = new Counts();
        try {
            List<Line> batch = new ArrayList<>();
            int lineNumber = 0;
            String text;
            while ((text = reader.readLine()) != null) {
                lineNumber++;
                if (text.isBlank()) {
                    counts.blank++;
                    continue;
                }
                batch.add(new Line(lineNumber, text));
                if (batch.size() >= threads * BATCH_PER_THREAD) {
                    process(source, batch, pool, out, err, counts);
                    batch.clear();
                }
            }
            process(source, batch, pool, out, err, counts);
            out.flush();
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        err.println(source + ": annotated " + counts.annotated + " record(s), rejected " + counts.rejected
                + " (written unchanged)" + (counts.blank > 0 ? ", skipped " + counts.blank + " blank line(s)" : ""));
        return counts.rejected;
    }

    private void process(String source, List<Line> batch, ExecutorService pool, Writer out, PrintStream err, Counts counts)
            throws IOException {
        List<Result> results = new ArrayList<>(batch.size());
        if (pool == null) {
            for (Line line : batch) {
                results.add(annotateLine(line));
            }
        } else {
            List<Future<Result>> futures = new ArrayList<>(batch.size());
            for (Line line : batch) {
                futures.add(pool.submit(() -> annotateLine(line)));
            }
            for (int i = 0; i < futures.size(); i++) {
                results.add(await(futures.get(i), batch.get(i)));
            }
        }
        for (Result result : results) {
            if (result.error != null) {
                counts.rejected++;
                err.println(source + ":" + result.line.number + ": rejected"
                        + (result.id != null ? " record '" + result.id + "'" : "") + ": " + result.error);
            } else {
                counts.annotated++;
            }
            out.write(result.output);
            out.write('\n');
        }
    }

    private static Result await(Future<Result> future, Line line) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while annotating line " + line.number, e);
        } catch (ExecutionException e) {
            return Result.rejected(line, null, "annotation failed: " + e.getCause());
        }
    }

    /** Annotates one line; never throws for bad data, which becomes a reject with its reason. */
    Result annotateLine(Line line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line.text);
        } catch (JsonProcessingException e) {
            return Result.rejected(line, null, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return Result.rejected(line, null, "expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType()));
        }
        ObjectNode record = (ObjectNode) node;
        JsonNode idNode = record.get(FIELD_ID);
        if (idNode == null || idNode.isNull()) {
            return Result.rejected(line, null, "missing '" + FIELD_ID + "'");
        }
        if (!(idNode.isTextual() || idNode.isIntegralNumber()) || idNode.asText().isBlank()) {
            return Result.rejected(line, null, "'" + FIELD_ID + "' must be a non-empty string or an integer, found " + idNode);
        }
        String id = idNode.asText();
        JsonNode textNode = record.get(FIELD_TEXT);
        if (textNode == null || textNode.isNull()) {
            return Result.rejected(line, id, "missing '" + FIELD_TEXT + "'");
        }
        if (!textNode.isTextual()) {
            return Result.rejected(line, id, "'" + FIELD_TEXT + "' must be a string, found " + textNode.getNodeType());
        }
        JsonNode lang = record.get(FIELD_LANG);
        boolean readsSentiment = SentimentLanguages.reads(lang != null && lang.isTextual() ? lang.textValue() : null);
        Annotation annotation;
        try {
            annotation = readsSentiment ? annotator.annotate(textNode.textValue()) : annotator.annotateEntities(textNode.textValue());
        } catch (RuntimeException e) {
            return Result.rejected(line, id, "annotation failed: " + e);
        }
        write(record, annotation, readsSentiment);
        try {
            return new Result(line, id, MAPPER.writeValueAsString(record), null);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialize record '" + id + "'", e);
        }
    }

    /** Adds the annotation's fields to a record: with its sentiment when {@code readsSentiment}. */
    static void write(ObjectNode record, Annotation annotation, boolean readsSentiment) {
        ArrayNode entities = record.putArray(FIELD_ENTITIES);
        for (EntityMention mention : annotation.entities()) {
            ObjectNode e = entities.addObject();
            e.put("text", mention.text());
            e.put("type", mention.type());
            e.put("start", mention.start());
            e.put("end", mention.end());
            if (mention.canonical() != null) {
                e.put("canonical", mention.canonical());
            }
        }
        if (!readsSentiment) {
            record.putNull(FIELD_SENTIMENT);
            record.putArray(FIELD_ENTITY_SENTIMENT);
            record.put(FIELD_SENTIMENT_SKIPPED, SentimentLanguages.SKIPPED_FOR_LANGUAGE);
            return;
        }
        record.remove(FIELD_SENTIMENT_SKIPPED);
        ObjectNode sentiment = record.putObject(FIELD_SENTIMENT);
        sentiment.put("label", annotation.sentiment().label());
        sentiment.put("score", annotation.sentiment().score());
        ArrayNode perEntity = record.putArray(FIELD_ENTITY_SENTIMENT);
        for (EntitySentiment es : annotation.entitySentiments()) {
            ObjectNode e = perEntity.addObject();
            e.put("entity", es.entity());
            e.put("label", es.label());
            e.put("score", es.score());
            e.put("mentions", es.mentions());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread t = new Thread(runnable, "ndjson-annotator");
            t.setDaemon(true);
            return t;
        };
    }

    record Line(int number, String text) {}

    record Result(Line line, String id, String output, String error) {
        static Result rejected(Line line, String id, String reason) {
            return new Result(line, id, line.text, reason);
        }
    }

    private static final class Counts {
        int annotated;
        int rejected;
        int blank;
    }
}
