package io.spikewatch.metrics;

import io.spikewatch.annotate.Sentiment;
import java.time.Instant;
import java.util.HashSet;

/**
 * Running totals of one series in one minute. Mutable on purpose (it is the accumulator of a
 * window aggregate); plain Java so the arithmetic is tested without Flink.
 */
public class MinuteMetricsAccumulator {

    public String scope;
    public String entity;
    public long count;
    public double sentimentSum;
    public long sentimentScored;
    public long negative;
    public long neutral;
    public long positive;
    public HashSet<String> authors = new HashSet<>();

    public MinuteMetricsAccumulator add(Observation observation) {
        scope = observation.scope();
        entity = observation.entity();
        count++;
        if (observation.authorKey() != null) {
            authors.add(observation.authorKey());
        }
        String label = observation.sentimentLabel();
        if (label != null) {
            sentimentScored++;
            sentimentSum += observation.sentimentScore();
            switch (label) {
                case Sentiment.NEGATIVE -> negative++;
                case Sentiment.POSITIVE -> positive++;
                default -> neutral++;
            }
        }
        return this;
    }

    public MinuteMetricsAccumulator merge(MinuteMetricsAccumulator other) {
        if (scope == null) {
            scope = other.scope;
            entity = other.entity;
        }
        count += other.count;
        sentimentSum += other.sentimentSum;
        sentimentScored += other.sentimentScored;
        negative += other.negative;
        neutral += other.neutral;
        positive += other.positive;
        authors.addAll(other.authors);
        return this;
    }

    public MinuteMetrics toMetrics(Instant minute, Instant windowEnd) {
        Double mean = sentimentScored == 0 ? null : sentimentSum / sentimentScored;
        return new MinuteMetrics(
                scope, entity, minute, windowEnd, count, mean, sentimentScored, negative, neutral, positive,
                uniqueAuthors());
    }

    public long uniqueAuthors() {
        return authors.size();
    }
}
