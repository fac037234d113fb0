package io.spikewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.spikewatch.index.ElasticsearchAccessCheck;
import io.spikewatch.index.ElasticsearchConnection;
import io.spikewatch.index.IndexNames;
import io.spikewatch.testing.LocalElasticsearch;
import io.spikewatch.testing.SelfSignedCa;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secure configuration end to end: a real Elasticsearch with security on (HTTPS with a CA
 * generated for it, the user {@code elastic} with a random password), and {@code run --config}
 * with the password from a file and the CA from the file's folder. The job indexes the fixture
 * over TLS with auth; a wrong password, another CA and plain http fail with a sentence saying
 * which, and the password appears in no log line or output.
 *
 * <p>API keys are not tried here: the integ-test distribution lacks the analysis module that
 * Elasticsearch's security index needs, so it cannot create one. Their header is checked against
 * a real HTTP server ({@code ElasticsearchConnectionTest}, {@code SecretsStayHiddenTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureElasticsearchITCase {

    private static final String FIXTURE = "/monitor/";

    @TempDir
    Path dir;

    private LocalElasticsearch elasticsearch;
    private ElasticsearchClient client;

    @BeforeAll
    void startSecured() {
        elasticsearch = LocalElasticsearch.secured();
        client = elasticsearch.client();
    }

    private Path copyFixture(String name) throws IOException, URISyntaxException {
        return Files.copy(Path.of(getClass().getResource(FIXTURE + name).toURI()), dir.resolve(name),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** A configuration over the fixture files into {@code indices}, with the given auth and CA file. */
    private Path config(IndexNames indices, String hosts, String auth, String caFile) throws Exception {
        copyFixture("posts.ndjson");
        copyFixture("statements.ndjson");
        copyFixture("tracked-entities.yaml");
        return Files.writeString(dir.resolve("spikewatch.yaml"), """
                sources:
                  posts: {files: [posts.ndjson]}
                  statements: {files: [statements.ndjson]}
                elasticsearch:
                  hosts: ["%s"]
                  index_prefix: %s
                  auth: %s
                  %s
                tracked_entities: tracked-entities.yaml
                job: {parallelism: 1}
                """.formatted(hosts, indices.prefix(), auth, caFile == null ? "" : "tls: {ca_file: " + caFile + "}"));
    }

    private void writeTheCa() throws IOException {
        Files.createDirectories(dir.resolve("certs"));
        Files.copy(elasticsearch.caFile(), dir.resolve("certs/ca.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theMonitorJobIndexesOverTlsWithAPasswordThatIsNeverShown() throws Exception {
        IndexNames indices = elasticsearch.uniqueNames();
        writeTheCa();
        Files.writeString(dir.resolve("es-password"), elasticsearch.password().reveal() + "\n");
        Path file = config(indices, elasticsearch.url(), "{username: elastic, password: {file: es-password}}", "certs/ca.crt");

        CommandRun run;
        List<String> logs;
        try (CapturedLogs captured = new CapturedLogs()) {
            run = CommandRun.of("run", "--config", file.toString());
            logs = captured.lines();
        }

        assertThat(run.exitCode()).as(run.errors() + run.output()).isZero();
        assertThat(run.output()).containsPattern(indices.posts() + " +9 ");
        client.indices().refresh(r -> r.index(indices.all()).ignoreUnavailable(true));
        assertThat(client.count(c -> c.index(indices.posts())).count()).isEqualTo(9);
        assertThat(client.count(c -> c.index(indices.statements())).count()).isEqualTo(2);
        assertThat(client.count(c -> c.index(indices.deadLetters())).count()).isEqualTo(2);
        assertThat(logs).as("the configuration is logged").anyMatch(line -> line.contains("basicAuth=elastic:******"));
        List<String> everything = new ArrayList<>(logs);
        everything.add(run.output());
        everything.add(run.errors());
        assertThat(everything).noneMatch(text -> text.contains(elasticsearch.password().reveal()));
    }

    @Test
    void aWrongPasswordFailsClearlyWithoutShowingIt() throws Exception {
        writeTheCa();
        String wrong = "wrong-" + elasticsearch.password().reveal();
        Files.writeString(dir.resolve("es-password"), wrong);
        Path file = config(elasticsearch.uniqueNames(), elasticsearch.url(), "{username: elastic, password: {file: es-password}}", "certs/ca.crt");

        CommandRun run;
        List<String> logs;
        try (CapturedLogs captured = new CapturedLogs()) {
            run = CommandRun.of("run", "--config", file.toString());
            logs = captured.lines();
        }

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errors()).contains("spikewatch: error: Elasticsearch at " + elasticsearch.url()
                + " refused user 'elastic' (HTTP 401): wrong password, or no such user");
        List<String> everything = new ArrayList<>(logs);
        everything.add(run.output());
        everything.add(run.errors());
        assertThat(everything).noneMatch(text -> text.contains(wrong));
    }

    @Test
    void aServerCertificateFromAnotherCaIsRefused() throws Exception {
        Files.write(dir.resolve("other-ca.crt"), SelfSignedCa.pem(dir, "not-the-cluster-ca"));
        ElasticsearchConnection connection = ElasticsearchConnection.of(elasticsearch.url())
                .withBasicAuth(LocalElasticsearch.SECURE_USER, elasticsearch.password())
                .withTrustedCa(Files.readAllBytes(dir.resolve("other-ca.crt")), "other-ca.crt");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ElasticsearchAccessCheck.verify(connection))
                .hasMessage("Elasticsearch at " + elasticsearch.url()
                        + ": the server's TLS certificate is not trusted: it is not signed by the CA of other-ca.crt");
    }

    @Test
    void plainHttpToTheTlsPortIsExplained() {
        String http = elasticsearch.url().replace("https://", "http://");
        ElasticsearchConnection connection = ElasticsearchConnection.of(http)
                .withBasicAuth(LocalElasticsearch.SECURE_USER, elasticsearch.password());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ElasticsearchAccessCheck.verify(connection))
                .hasMessageStartingWith("Elasticsearch at " + http + ": ")
                .hasMessageContaining("https://")
                .hasMessageNotContaining(elasticsearch.password().reveal());
    }
}
