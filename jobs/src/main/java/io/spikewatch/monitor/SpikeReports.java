package io.spikewatch.monitor;

import io.spikewatch.alerts.Alert;
import io.spikewatch.alerts.AlertDocuments;
import io.spikewatch.alerts.AlertStates;
import io.spikewatch.alerts.RuleBook;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.schema.Json;
import io.spikewatch.spikes.Spike;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a detecting operator does with each spike report: indexes it (overwriting its episode's
 * document) and lets the rules decide which alerts it raises.
 */
final class SpikeReports {

    private final RuleBook rules;
    private final String spikesIndex;

    SpikeReports(RuleBook rules, String spikesIndex) {
        this.rules = rules;
        this.spikesIndex = spikesIndex;
    }

    void report(Spike spike, Instant at, AlertStates states, Consumer<IndexDocument> documents, Consumer<Alert> alerts) {
        try {
            documents.accept(new IndexDocument(spikesIndex, spike.id(),
                    Json.MAPPER.writeValueAsBytes(AlertDocuments.spike(spike, at))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("cannot write spike " + spike.id() + " as JSON", e);
        }
        List<Alert> raised = rules.evaluate(spike, at, states);
        raised.forEach(alerts);
    }
}
