package io.spikewatch.monitor;

import io.spikewatch.schema.DeadLetter;
import io.spikewatch.schema.InputDocument;
import io.spikewatch.schema.Post;
import io.spikewatch.schema.RawRecord;
import io.spikewatch.schema.RecordParser;
import io.spikewatch.schema.RejectedRecordException;
import io.spikewatch.schema.Statement;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Parses raw records: posts on the main output, statements and dead letters on side outputs.
 * A record that cannot be read never fails the job; it becomes a dead letter with its reason.
 */
public class ParseRecords extends ProcessFunction<RawRecord, Post> {

    public static final OutputTag<Statement> STATEMENTS = new OutputTag<>("statements") {};
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private transient RecordParser parser;
    private transient Counter rejected;

    @Override
    public void open(OpenContext openContext) {
        parser = new RecordParser();
        rejected = getRuntimeContext().getMetricGroup().counter("recordsRejected");
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<Post> out) {
        InputDocument document;
        try {
            document = parser.parse(raw);
        } catch (RejectedRecordException e) {
            rejected.inc();
            ctx.output(DEAD_LETTERS, e.toDeadLetter(raw));
            return;
        }
        if (document instanceof Post post) {
            out.collect(post);
        } else if (document instanceof Statement statement) {
            ctx.output(STATEMENTS, statement);
        }
    }
}
