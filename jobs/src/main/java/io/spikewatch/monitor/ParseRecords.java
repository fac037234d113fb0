package io.spikewatch.monitor;

import io.spikewatch.formats.FormatAdapterCache;
import io.spikewatch.schema.DeadLetter;
import io.spikewatch.schema.InputDocument;
import io.spikewatch.schema.Post;
import io.spikewatch.schema.RawRecord;
import io.spikewatch.schema.RejectedRecordException;
import io.spikewatch.schema.Statement;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Parses raw records, each in its own format ({@link RawRecord#format()}): posts on the main
 * output, statements and dead letters on side outputs. A record that cannot be read never fails
 * the job; it becomes a dead letter with its reason. A valid record that holds no document (a
 * Bluesky like or delete) is counted in {@code recordsSkipped}; one that holds several (an X API
 * page, a press feed) gives each of them.
 */
public class ParseRecords extends ProcessFunction<RawRecord, Post> {

    public static final OutputTag<Statement> STATEMENTS = new OutputTag<>("statements") {};
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private transient FormatAdapterCache adapters;
    private transient Counter rejected;
    private transient Counter skipped;

    @Override
    public void open(OpenContext openContext) {
        JobClassLoaderRelease.register(getRuntimeContext());
        adapters = new FormatAdapterCache();
        rejected = getRuntimeContext().getMetricGroup().counter("recordsRejected");
        skipped = getRuntimeContext().getMetricGroup().counter("recordsSkipped");
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<Post> out) {
        List<InputDocument> documents;
        try {
            documents = adapters.of(raw.format()).map(raw);
        } catch (RejectedRecordException e) {
            rejected.inc();
            ctx.output(DEAD_LETTERS, e.toDeadLetter(raw));
            return;
        }
        if (documents.isEmpty()) {
            skipped.inc();
        }
        for (InputDocument document : documents) {
            if (document instanceof Post post) {
                out.collect(post);
            } else if (document instanceof Statement statement) {
                ctx.output(STATEMENTS, statement);
            }
        }
    }
}
