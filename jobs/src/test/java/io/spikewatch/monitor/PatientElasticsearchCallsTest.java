package io.spikewatch.monitor;

import io.spikewatch.index.FailureClassifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import io.spikewatch.index.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PatientElasticsearchCallsTest {

    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofMinutes(5));

    /** A clock the sleeper moves forward: no real waiting. */
    private long now;
    private final List<Duration> sleeps = new ArrayList<>();
    private final PatientElasticsearchCalls calls = new PatientElasticsearchCalls(POLICY, duration -> {
        sleeps.add(duration);
        now += duration.toNanos();
    }, () -> now);

    @Test
    void waitsOutRefusedConnectionsAndReturnsTheAnswer() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        String answer = calls.send("reading", () -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new ConnectException("Connection refused");
            }
            return "found";
        });

        assertThat(answer).isEqualTo("found");
        assertThat(attempts).hasValue(4);
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(2)).isGreaterThan(sleeps.get(0));
    }

    @Test
    void retriesServerErrorsButNotClientErrors() {
        assertThat(FailureClassifier.isTransient(error(503))).isTrue();
        assertThat(FailureClassifier.isTransient(error(429))).isTrue();
        assertThat(FailureClassifier.isTransient(error(400))).isFalse();
        assertThat(FailureClassifier.isTransient(new IOException("reset"))).isTrue();

        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> calls.send("writing", () -> {
            attempts.incrementAndGet();
            throw error(400);
        })).isInstanceOf(ElasticsearchException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void givesUpOnceTheRetryTimeHasPassedNamingTheRequest() {
        assertThatThrownBy(() -> calls.send("recording the deliveries of alert a|b|start|0", () -> {
            throw new ConnectException("Connection refused");
        })).isInstanceOf(IOException.class)
                .hasMessageStartingWith("recording the deliveries of alert a|b|start|0 failed for ")
                .hasMessageEndingWith("giving up: Connection refused");
        assertThat(Duration.ofNanos(now)).isGreaterThanOrEqualTo(POLICY.maxRetryTime());
    }

    private static ElasticsearchException error(int status) {
        return new ElasticsearchException("test", ErrorResponse.of(r -> r.status(status)
                .error(ErrorCause.of(c -> c.type("test_exception").reason("status " + status)))));
    }
}
