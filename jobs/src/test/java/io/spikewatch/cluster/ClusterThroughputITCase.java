package io.spikewatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.testing.LocalElasticsearch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput of the job jar on the local standalone cluster (two TaskManagers of two slots) at
 * annotation parallelism 1 and 2, over the same seed scenario on Kafka each time: posts annotated
 * and indexed per second. Prints a table; checks that every run indexed exactly the scenario's
 * posts.
 *
 * <p>Each run is a fresh job (new consumer group, new indices, no alert rules), so it loads
 * CoreNLP's models again in its own class loader. Two rates are reported: <em>steady</em>, the
 * posts annotated between the first poll that sees {@value #STEADY_FROM_SHARE} of them and the
 * poll that sees all of them, over that time (model loading and the first warm-up excluded); and
 * <em>end to end</em>, all posts over the time from submission to the last one annotated.
 *
 * <p>Small by default so the build stays short ({@value #DEFAULT_POSTS} posts, one run per
 * parallelism); for a measurement: {@code -Dspikewatch.bench.posts=4000 -Dspikewatch.bench.runs=3}
 * (the median is reported).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterThroughputITCase {

    static final int DEFAULT_POSTS = 1_500;
    static final int DEFAULT_RUNS = 1;
    static final double STEADY_FROM_SHARE = 0.1;
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);
    static final String POSTS_PROPERTY = "spikewatch.bench.posts";
    static final String RUNS_PROPERTY = "spikewatch.bench.runs";

    private final LocalElasticsearch elasticsearch = LocalElasticsearch.get();
    private ScenarioOnCluster services;
    @TempDir
    Path workDir;

    @BeforeAll
    void startServices() throws Exception {
        services = ScenarioOnCluster.start(Integer.getInteger(POSTS_PROPERTY, DEFAULT_POSTS));
    }

    @AfterAll
    void stopServices() throws Exception {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void reportsThroughputAtParallelismOneAndTwo() throws Exception {
        int runs = Integer.getInteger(RUNS_PROPERTY, DEFAULT_RUNS);
        List<String> rows = new ArrayList<>();
        for (int parallelism = 1; parallelism <= 2; parallelism++) {
            List<Double> steady = new ArrayList<>();
            List<Double> endToEnd = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Throughput throughput = measure(parallelism, run);
                steady.add(throughput.steadyPostsPerSecond());
                endToEnd.add(throughput.endToEndPostsPerSecond());
            }
            rows.add(String.format(Locale.ROOT, "%11d  %4d  %7d  %14.1f  %18.1f", parallelism, runs, services.topics().postIds().size(),
                    median(steady), median(endToEnd)));
            assertThat(steady).allSatisfy(rate -> assertThat(rate).isPositive());
        }
        System.out.println("\nThroughput of the job jar on the local Flink cluster (2 TaskManagers x 2 slots), median of "
                + runs + " run(s) each:\nparallelism  runs    posts  steady posts/s  end-to-end posts/s\n" + String.join("\n", rows) + "\n");
    }

    private Throughput measure(int parallelism, int run) throws Exception {
        try (MonitorJobOnCluster job = new MonitorJobOnCluster(services.cluster(), elasticsearch, services.broker(), services.topics(),
                "bench-p" + parallelism + "-" + run, workDir)) {
            int posts = services.topics().postIds().size();
            long steadyFrom = (long) Math.ceil(STEADY_FROM_SHARE * posts);
            long submitted = System.nanoTime();
            job.submit(null, parallelism);
            long[] firstSeen = new long[2];
            MonitorJobOnCluster.await(steadyFrom + " posts annotated", RUN_TIMEOUT, () -> {
                long annotated = job.annotatedPosts();
                if (annotated >= steadyFrom) {
                    firstSeen[0] = System.nanoTime();
                    firstSeen[1] = annotated;
                    return true;
                }
                return false;
            });
            MonitorJobOnCluster.await("all " + posts + " posts annotated", RUN_TIMEOUT, () -> job.annotatedPosts() >= posts);
            long done = System.nanoTime();
            assertThat(job.ids(job.indices().posts())).as("posts indexed at parallelism " + parallelism).isEqualTo(services.topics().postIds());
            return new Throughput((posts - firstSeen[1]) / seconds(done - firstSeen[0]), posts / seconds(done - submitted));
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    record Throughput(double steadyPostsPerSecond, double endToEndPostsPerSecond) {}
}
