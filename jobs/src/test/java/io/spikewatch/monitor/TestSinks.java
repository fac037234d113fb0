package io.spikewatch.monitor;

import io.spikewatch.index.ElasticsearchSink;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexNames;
import io.spikewatch.testing.LocalElasticsearch;

/** The sink the job tests give the monitor job: the test's Elasticsearch, dead letters in the test's own index. */
final class TestSinks {

    private TestSinks() {}

    static ElasticsearchSink<IndexDocument> into(LocalElasticsearch elasticsearch, IndexNames indices) {
        return ElasticsearchSink.<IndexDocument>builder()
                .setConnection(elasticsearch.connection())
                .setConverter(document -> document)
                .setDeadLetterIndex(indices.deadLetters())
                .build();
    }
}
