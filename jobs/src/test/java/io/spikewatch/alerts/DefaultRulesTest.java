package io.spikewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The shipped {@code config/alert-rules.yaml} parses against the seed's tracked entities. */
class DefaultRulesTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();

    @SuppressWarnings("unchecked")
    private static List<String> seedEntityNames() throws Exception {
        String yaml = Files.readString(PROJECT.resolve("fixtures/seed/tracked-entities.yaml"), StandardCharsets.UTF_8);
        Map<String, List<Map<String, Object>>> root = new Yaml().load(yaml);
        return root.get("entities").stream().map(e -> (String) e.get("name")).toList();
    }

    private static AlertConfig parse(Map<String, String> env) throws Exception {
        String text = Files.readString(PROJECT.resolve("config/alert-rules.yaml"), StandardCharsets.UTF_8);
        return new AlertConfigParser("alert-rules.yaml", env::get, seedEntityNames()).parse(text);
    }

    @Test
    void withoutEnvironmentOnlyTheConsoleIsOn() throws Exception {
        AlertConfig config = parse(Map.of());
        assertThat(config.channels()).containsOnlyKeys("console");
        assertThat(config.disabledChannels()).containsOnlyKeys("ops-webhook", "comms-slack", "comms-email");
        assertThat(config.rules()).extracting(AlertRule::type).contains(RuleType.values());
        RuleBook book = new RuleBook(config);
        assertThat(book.querySeries()).extracting(QuerySeries::seriesKey).containsExactly("query:outage-talk");
        QuerySeries talk = book.querySeries().get(0);
        assertThat(talk.matches("There appears to be a massive DDOS attack on 𝕏.", List.of(), "x", ContentKind.POSTS, List.of()))
                .isTrue();
        assertThat(talk.matches("I can't join the Space", List.of(), "x", ContentKind.POSTS, List.of())).isTrue();
        assertThat(talk.matches("Great rally tonight", List.of(), "x", ContentKind.POSTS, List.of())).isFalse();
        assertThat(book.platforms()).containsExactly("x");
    }

    @Test
    void withTheEnvironmentSetEveryChannelIsOn() throws Exception {
        AlertConfig config = parse(Map.of(
                "SPIKEWATCH_ALERT_WEBHOOK_URL", "https://ops.example.org/hook",
                "SPIKEWATCH_ALERT_WEBHOOK_TOKEN", "t",
                "SPIKEWATCH_SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T/B/x",
                "SPIKEWATCH_SMTP_HOST", "smtp.example.org",
                "SPIKEWATCH_SMTP_USER", "alerts",
                "SPIKEWATCH_SMTP_PASSWORD", "pw",
                "SPIKEWATCH_ALERT_EMAIL_TO", "comms@example.org"));
        assertThat(config.channels()).containsOnlyKeys("console", "ops-webhook", "comms-slack", "comms-email");
        assertThat(config.disabledChannels()).isEmpty();
    }
}
