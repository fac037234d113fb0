package io.spikewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikewatch.secrets.SecretResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Channel secrets given as {@code {env: NAME}} / {@code {file: PATH}} references, next to the
 * older {@code ${NAME}} and {@code password_env}: all read by one {@link SecretResolver}, relative
 * files from the rules file's folder, absent values switching optional channels off, and no
 * value in any message or {@code toString}.
 */
class ChannelSecretsTest {

    private static final String SMTP_PASSWORD = "smtp-pw-from-a-file-8812";
    private static final String SLACK_URL = "https://hooks.slack.example/services/T1/B2/slack-token-5521";
    private static final String TOKEN = "Bearer header-token-7730";
    private static final String RULE = "rules:\n  - name: r\n    type: spike\n    channels: [c]\n";

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void secrets() throws IOException {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/smtp"), SMTP_PASSWORD + "\n");
        env.put("SLACK_URL", SLACK_URL);
        env.put("HOOK_AUTH", TOKEN);
    }

    private AlertConfig parse(String yaml) {
        return new AlertConfigParser("rules.yaml", new SecretResolver(env::get), dir, List.of()).parse(yaml);
    }

    private static String email(String password, boolean optional) {
        return "channels:\n  c:\n    type: email\n    host: smtp.example.org\n    username: alerts\n    password: " + password
                + "\n    from: a@example.org\n    to: [b@example.org]\n" + (optional ? "    optional: true\n" : "") + RULE;
    }

    private static String webhook(String url, String headers, boolean optional) {
        return "channels:\n  c:\n    type: slack\n    url: " + url + "\n" + (headers == null ? "" : "    headers: " + headers + "\n")
                + (optional ? "    optional: true\n" : "") + RULE;
    }

    @Test
    void referencesAreReadFromTheEnvironmentAndFilesRelativeToTheRulesFile() {
        var mail = (ChannelConfig.Email) parse(email("{file: secrets/smtp}", false)).channels().get("c");
        assertThat(mail.password().reveal()).isEqualTo(SMTP_PASSWORD);

        var absolute = (ChannelConfig.Email) parse(email("{file: " + dir.resolve("secrets/smtp") + "}", false)).channels().get("c");
        assertThat(absolute.password().reveal()).isEqualTo(SMTP_PASSWORD);

        var hook = (ChannelConfig.Webhook) parse(webhook("{env: SLACK_URL}", "{Authorization: {env: HOOK_AUTH}, X-Team: comms}", false))
                .channels().get("c");
        assertThat(hook.url().reveal()).isEqualTo(SLACK_URL);
        assertThat(hook.headers().get("Authorization").reveal()).isEqualTo(TOKEN);
        assertThat(hook.headers().get("X-Team").reveal()).as("a plain header is taken as written").isEqualTo("comms");
    }

    @Test
    void theOlderFormsGoThroughTheSameResolver() {
        env.put("SMTP_PASSWORD", SMTP_PASSWORD);
        env.put("TOKEN_ONLY", "header-token-7730");
        var env1 = (ChannelConfig.Email) parse(email("\"${SMTP_PASSWORD}\"", false)).channels().get("c");
        assertThat(env1.password().reveal()).isEqualTo(SMTP_PASSWORD);
        var env2 = (ChannelConfig.Email) parse(email("x", false).replace("password: x", "password_env: SMTP_PASSWORD")).channels().get("c");
        assertThat(env2.password().reveal()).isEqualTo(SMTP_PASSWORD);
        var hook = (ChannelConfig.Webhook) parse(webhook("\"${SLACK_URL}\"", "{Authorization: \"Bearer ${TOKEN_ONLY}\"}", false))
                .channels().get("c");
        assertThat(hook.url().reveal()).isEqualTo(SLACK_URL);
        assertThat(hook.headers().get("Authorization").reveal()).isEqualTo(TOKEN);

        env.put("SMTP_PASSWORD", "  ");
        assertThatThrownBy(() -> parse(email("x", false).replace("password: x", "password_env: SMTP_PASSWORD")))
                .isInstanceOf(InvalidAlertConfigException.class)
                .hasMessage("rules.yaml: channels.c.password_env: variable SMTP_PASSWORD is empty "
                        + "(mark the channel 'optional: true' to run without it)");
    }

    @Test
    void anAbsentValueNamesTheFileOrVariableAndIsAnErrorUnlessOptional() {
        Path missing = dir.resolve("secrets/missing");
        assertThatThrownBy(() -> parse(email("{file: secrets/missing}", false)))
                .isInstanceOf(InvalidAlertConfigException.class)
                .hasMessage("rules.yaml: channels.c.password.file: " + missing + " does not exist "
                        + "(mark the channel 'optional: true' to run without it)");
        assertThatThrownBy(() -> parse(webhook("{env: UNSET_URL}", null, false)))
                .hasMessage("rules.yaml: channels.c.url.env: variable UNSET_URL is not set "
                        + "(mark the channel 'optional: true' to run without it)");
        assertThatThrownBy(() -> parse(webhook("\"https://h.example/${UNSET_TOKEN}\"", null, false)))
                .hasMessage("rules.yaml: channels.c.url: variable UNSET_TOKEN is not set "
                        + "(mark the channel 'optional: true' to run without it)");

        AlertConfig offFile = parse(email("{file: secrets/missing}", true));
        assertThat(offFile.channels()).isEmpty();
        assertThat(offFile.disabledChannels())
                .containsEntry("c", "optional, and channels.c.password.file: " + missing + " does not exist");
        AlertConfig offEnv = parse(webhook("{env: SLACK_URL}", "{Authorization: {env: UNSET_AUTH}}", true));
        assertThat(offEnv.disabledChannels())
                .containsEntry("c", "optional, and channels.c.headers.Authorization.env: variable UNSET_AUTH is not set");
    }

    @Test
    void aMalformedReferenceIsAnErrorEvenForAnOptionalChannel() throws IOException {
        assertThatThrownBy(() -> parse(email("{env: SMTP, file: secrets/smtp}", true)))
                .hasMessage("rules.yaml: channels.c.password: give either 'env' or 'file', not both");
        assertThatThrownBy(() -> parse(email("{path: secrets/smtp}", true)))
                .hasMessage("rules.yaml: channels.c.password: unknown key 'path'; a secret is {env: VARIABLE} or {file: PATH}");
        assertThatThrownBy(() -> parse(webhook("{env: 9LIVES}", null, true)))
                .hasMessageStartingWith("rules.yaml: channels.c.url.env: '9LIVES' is not an environment variable name");
        assertThatThrownBy(() -> parse(email("{file: secrets}", true)))
                .hasMessage("rules.yaml: channels.c.password.file: " + dir.resolve("secrets") + " is a folder, not a file");
        Files.writeString(dir.resolve("secrets/blank"), "\n");
        assertThatThrownBy(() -> parse(email("{file: secrets/blank}", false)))
                .hasMessage("rules.yaml: channels.c.password.file: " + dir.resolve("secrets/blank") + " is empty "
                        + "(mark the channel 'optional: true' to run without it)");
        assertThatThrownBy(() -> parse(webhook("{env: SLACK_URL}", "{Authorization: [a, b]}", false)))
                .hasMessage("rules.yaml: channels.c: key 'headers.Authorization': expected a string, {env: VARIABLE} "
                        + "or {file: PATH}, found a list");
    }

    @Test
    void aPasswordWrittenOutIsRefusedWithoutRepeatingIt() {
        String literal = "hunter2-literal-pw";
        assertThatThrownBy(() -> parse(email(literal, false)))
                .hasMessage("rules.yaml: channels.c.password: a secret is never written in the configuration; "
                        + "give {env: VARIABLE} or {file: PATH} instead")
                .message().doesNotContain(literal);
        assertThatThrownBy(() -> parse(email("123456789", false)))
                .message().doesNotContain("123456789");
    }

    @Test
    void aResolvedUrlIsCheckedWithoutShowingIt() {
        env.put("SLACK_URL", "ftp://files.example/secret-path-4410");
        assertThatThrownBy(() -> parse(webhook("{env: SLACK_URL}", null, false)))
                .hasMessage("rules.yaml: channels.c: key 'url': expected an http:// or https:// URL")
                .message().doesNotContain("secret-path-4410");
    }

    @Test
    void noValueInToString() {
        AlertConfig config = parse("channels:\n"
                + "  c:\n    type: slack\n    url: {env: SLACK_URL}\n    headers: {Authorization: {env: HOOK_AUTH}}\n"
                + "  m:\n    type: email\n    host: smtp.example.org\n    username: alerts\n    password: {file: secrets/smtp}\n"
                + "    from: a@example.org\n    to: [b@example.org]\n"
                + RULE);
        assertThat(config.channels()).containsOnlyKeys("c", "m");
        assertThat(config.toString()).doesNotContain(SMTP_PASSWORD, SLACK_URL, "slack-token-5521", "header-token-7730");
    }
}
