package io.spikewatch.monitor;

import io.spikewatch.alerts.RuleBook;
import io.spikewatch.schema.Post;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Flink adapter of {@link SeriesRouter}: one {@link SeriesPost} per series a post counts in. */
public class RouteSeries extends ProcessFunction<Post, SeriesPost> {

    private final AlertingSettings settings;

    private transient SeriesRouter router;

    public RouteSeries(AlertingSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        RuleBook rules = new RuleBook(settings.rules());
        router = new SeriesRouter(settings.trackedEntities(), rules.querySeries(), rules.platforms());
    }

    @Override
    public void processElement(Post post, Context ctx, Collector<SeriesPost> out) {
        List<String> series = router.seriesOf(post);
        for (String key : series) {
            out.collect(new SeriesPost(key, post));
        }
    }
}
