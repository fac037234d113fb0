package io.spikewatch.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {

    private static final String VALUE = "hunter2-but-longer";

    @TempDir
    Path dir;

    private final SecretResolver resolver = new SecretResolver(Map.of("ES_PASSWORD", VALUE, "BLANK", " ")::get);

    @Test
    void readsAVariableOrATrimmedFileRelativeToTheConfigFolder() throws Exception {
        Files.writeString(dir.resolve("es-password"), "  " + VALUE + "\n");
        SecretReference env = SecretReference.parse("a.password", Map.of("env", "ES_PASSWORD"), dir);
        SecretReference file = SecretReference.parse("a.password", Map.of("file", "es-password"), dir);

        assertThat(resolver.resolve("a.password", env).reveal()).isEqualTo(VALUE);
        assertThat(file).isEqualTo(new SecretReference.File(dir.resolve("es-password").toString()));
        assertThat(resolver.resolve("a.password", file).reveal()).isEqualTo(VALUE);
    }

    @Test
    void aMissingValueNamesTheKeyAndIsMarkedUnavailable() {
        assertThatThrownBy(() -> resolver.resolve("elasticsearch.auth.password", new SecretReference.Environment("ES_PASSWORD_X")))
                .isInstanceOf(InvalidSecretException.class)
                .hasMessage("elasticsearch.auth.password.env: variable ES_PASSWORD_X is not set")
                .matches(e -> ((InvalidSecretException) e).unavailable());
        assertThatThrownBy(() -> resolver.resolve("k", new SecretReference.Environment("BLANK")))
                .hasMessage("k.env: variable BLANK is empty");
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> resolver.resolve("k", new SecretReference.File(missing.toString())))
                .hasMessage("k.file: " + missing + " does not exist");
    }

    @Test
    void emptyOrOversizedFilesAreRefused() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Path big = Files.write(dir.resolve("big"), new byte[SecretResolver.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> resolver.resolve("k", new SecretReference.File(empty.toString())))
                .hasMessage("k.file: " + empty + " is empty");
        assertThatThrownBy(() -> resolver.resolve("k", new SecretReference.File(big.toString())))
                .hasMessageContaining("is larger than");
        assertThatThrownBy(() -> resolver.resolve("k", new SecretReference.File(dir.toString())))
                .hasMessage("k.file: " + dir + " is a folder, not a file");
    }

    @Test
    void aLiteralIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> SecretReference.parse("elasticsearch.auth.password", VALUE, dir))
                .hasMessage("elasticsearch.auth.password: a secret is never written in the configuration; "
                        + "give {env: VARIABLE} or {file: PATH} instead")
                .hasMessageNotContaining(VALUE);
        assertThatThrownBy(() -> SecretReference.parse("k", 12345678, dir)).hasMessageNotContaining("12345678");
    }

    @Test
    void malformedReferencesNameTheirKey() {
        assertThatThrownBy(() -> SecretReference.parse("k", Map.of("env", "A", "file", "b"), dir))
                .hasMessage("k: give either 'env' or 'file', not both");
        assertThatThrownBy(() -> SecretReference.parse("k", Map.of(), dir))
                .hasMessage("k: give either 'env' or 'file', found neither");
        assertThatThrownBy(() -> SecretReference.parse("k", Map.of("vault", "x"), dir))
                .hasMessage("k: unknown key 'vault'; a secret is {env: VARIABLE} or {file: PATH}");
        assertThatThrownBy(() -> SecretReference.parse("k", Map.of("env", "1BAD"), dir))
                .hasMessageStartingWith("k.env: '1BAD' is not an environment variable name");
        assertThatThrownBy(() -> SecretReference.parse("k", Map.of("env", List.of("A")), dir))
                .hasMessage("k.env: expected the name of an environment variable");
        assertThatThrownBy(() -> SecretReference.parse("k", null, dir))
                .hasMessage("k: expected {env: VARIABLE} or {file: PATH}, found nothing");
    }

    @Test
    void theHiddenFormIsAllASecretEverPrints() {
        Secret secret = new Secret(VALUE);
        assertThat(secret.toString()).isEqualTo("******");
        assertThat(secret.redact("user:" + VALUE + "@host")).isEqualTo("user:******@host");
        assertThat(new Secret("ab").redact("abc")).isEqualTo("abc");
    }
}
