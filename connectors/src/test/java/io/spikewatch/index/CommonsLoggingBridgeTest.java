package io.spikewatch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

/**
 * The Elasticsearch client's HTTP client logs through the commons-logging API, which must be
 * jcl-over-slf4j, not commons-logging itself: commons-logging 1.3 registers its log4j adapter as
 * a listener of the log4j context, and on a session cluster (log4j from Flink, the adapter from the
 * job jar) that kept every finished job's class loader reachable on each TaskManager.
 */
class CommonsLoggingBridgeTest {

    @Test
    void commonsLoggingIsTheSlf4jBridge() {
        assertThat(LogFactory.getFactory().getClass().getName()).isEqualTo("org.apache.commons.logging.impl.SLF4JLogFactory");
        assertThatThrownBy(() -> Class.forName("org.apache.commons.logging.impl.Log4jApiLogFactory"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
