package io.spikewatch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureClassifierTest {

    @ParameterizedTest
    @CsvSource({
        "200, , INDEXED",
        "201, , INDEXED",
        "429, es_rejected_execution_exception, RETRY",
        "503, unavailable_shards_exception, RETRY",
        "500, some_new_exception, RETRY",
        "409, version_conflict_engine_exception, RETRY",
        "403, cluster_block_exception, RETRY",
        "429, cluster_block_exception, RETRY",
        "400, index_closed_exception, RETRY",
        "404, index_not_found_exception, RETRY",
        "400, document_parsing_exception, REJECT",
        "400, mapper_parsing_exception, REJECT",
        "400, strict_dynamic_mapping_exception, REJECT",
        "400, illegal_argument_exception, REJECT",
        "413, , REJECT",
    })
    void classifiesBulkItems(int status, String type, ItemOutcome expected) {
        assertThat(FailureClassifier.classify(status, type)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "CREATE_IF_ABSENT, 201, , INDEXED",
        "CREATE_IF_ABSENT, 409, version_conflict_engine_exception, ALREADY_PRESENT",
        "CREATE_IF_ABSENT, 409, , ALREADY_PRESENT",
        "CREATE_IF_ABSENT, 429, es_rejected_execution_exception, RETRY",
        "CREATE_IF_ABSENT, 403, cluster_block_exception, RETRY",
        "CREATE_IF_ABSENT, 400, strict_dynamic_mapping_exception, REJECT",
        "INDEX, 409, version_conflict_engine_exception, RETRY",
    })
    void aTakenIdIsDoneOnlyForACreateIfAbsent(IndexOperation operation, int status, String type, ItemOutcome expected) {
        assertThat(FailureClassifier.classify(operation, status, type)).isEqualTo(expected);
    }

    @Test
    void aSuccessStatusWithAnErrorIsNotIndexed() {
        assertThat(FailureClassifier.classify(200, "mapper_parsing_exception")).isEqualTo(ItemOutcome.REJECT);
    }

    @Test
    void networkFailuresAreTransientWhereverTheyAreInTheCauseChain() {
        assertThat(FailureClassifier.isTransient(new ConnectException("Connection refused"))).isTrue();
        assertThat(FailureClassifier.isTransient(new SocketTimeoutException("Read timed out"))).isTrue();
        assertThat(FailureClassifier.isTransient(new CompletionException(new IOException("reset")))).isTrue();
    }

    @Test
    void bugsAreNotTransient() {
        assertThat(FailureClassifier.isTransient(new IllegalStateException("client closed"))).isFalse();
        assertThat(FailureClassifier.isTransient(new NullPointerException())).isFalse();
    }
}
