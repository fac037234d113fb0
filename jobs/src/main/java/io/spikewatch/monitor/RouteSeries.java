package io.spikewatch.monitor;

import io.spikewatch.alerts.RuleBook;
import io.spikewatch.schema.Post;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Flink adapter of {@link SeriesRouter}: one {@link SeriesPost} per series a post counts in, and
 * when the stream starts (its first post, or the first after a new-stream gap) a start mark for
 * every known series, so each starts counting then. Marks are idempotent downstream, so marks
 * repeated after a restart do no harm.
 */
public class RouteSeries extends ProcessFunction<Post, SeriesPost> {

    private final AlertingSettings settings;

    private transient SeriesRouter router;
    private transient long lastPostMillis;

    public RouteSeries(AlertingSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        RuleBook rules = new RuleBook(settings.rules());
        router = new SeriesRouter(settings.trackedEntities(), rules.querySeries(), rules.platforms());
        lastPostMillis = Long.MIN_VALUE;
    }

    @Override
    public void processElement(Post post, Context ctx, Collector<SeriesPost> out) {
        long time = post.createdAt().toEpochMilli();
        if (lastPostMillis == Long.MIN_VALUE || time - lastPostMillis > settings.newStreamGap().toMillis()) {
            for (String key : router.knownSeries()) {
                out.collect(SeriesPost.streamStart(key));
            }
        }
        lastPostMillis = Math.max(lastPostMillis, time);
        List<String> series = router.seriesOf(post);
        for (String key : series) {
            out.collect(new SeriesPost(key, post));
        }
    }
}
