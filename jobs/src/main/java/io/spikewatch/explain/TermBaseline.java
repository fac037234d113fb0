package io.spikewatch.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each term, hashtag or entity occurs in a series in ordinary times: exponentially
 * decayed counts of the posts that contain it, and of all posts, per bucket. Old behaviour fades
 * with a half-life, so the baseline follows a changing conversation. Bounded: past
 * {@link #MAX_TERMS} the rarest terms are forgotten. Public fields so Flink can serialize it.
 *
 * <p>Decay is lazy: counts are stored scaled to the last bucket seen and rescaled when time moves.
 */
public class TermBaseline {

    static final int MAX_TERMS = 5_000;

    /** Posts containing each key (a term, "#hashtag", "@handle" or "entity:NAME"), decayed. */
    public HashMap<String, Double> counts = new HashMap<>();
    /** All posts, decayed the same way. */
    public double posts;
    /** Buckets the baseline has seen, decayed the same way (for rates per bucket). */
    public double buckets;
    /** Start of the last bucket added, epoch millis; {@link Long#MIN_VALUE} before the first. */
    public long lastBucketMillis = Long.MIN_VALUE;

    /** Adds one bucket's stats, decaying what came before by {@code decayPerBucket} per elapsed bucket. */
    public void add(BucketStats bucket, long bucketMillis, long bucketWidthMillis, double decayPerBucket) {
        if (lastBucketMillis != Long.MIN_VALUE && bucketMillis > lastBucketMillis) {
            double elapsed = (double) (bucketMillis - lastBucketMillis) / bucketWidthMillis;
            double factor = Math.pow(decayPerBucket, elapsed);
            posts *= factor;
            buckets *= factor;
            counts.replaceAll((k, v) -> v * factor);
        }
        lastBucketMillis = Math.max(lastBucketMillis, bucketMillis);
        posts += bucket.posts;
        buckets += 1;
        bucket.terms.forEach((k, v) -> counts.merge(k, (double) v, Double::sum));
        bucket.hashtags.forEach((k, v) -> counts.merge(k, (double) v, Double::sum));
        bucket.handles.forEach((k, v) -> counts.merge(k, (double) v, Double::sum));
        bucket.entities.forEach((k, v) -> counts.merge(entityKey(k), (double) v, Double::sum));
        if (counts.size() > MAX_TERMS) {
            forgetRarest();
        }
    }

    /** Share of baseline posts that contain {@code key}, or 0 when never seen. */
    public double share(String key) {
        return posts <= 0 ? 0 : counts.getOrDefault(key, 0.0) / posts;
    }

    /** Occurrences of {@code key} per bucket in the baseline. */
    public double ratePerBucket(String key) {
        return buckets <= 0 ? 0 : counts.getOrDefault(key, 0.0) / buckets;
    }

    static String entityKey(String entity) {
        return "entity:" + entity;
    }

    private void forgetRarest() {
        List<Map.Entry<String, Double>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.comparingByValue());
        for (Map.Entry<String, Double> entry : entries.subList(0, entries.size() - MAX_TERMS * 4 / 5)) {
            counts.remove(entry.getKey());
        }
    }
}
