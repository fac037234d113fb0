package io.spikewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertConfigParserTest {

    static final Set<String> TRACKED = Set.of("Donald Trump", "Ron DeSantis", "X (platform)", "Elon Musk");
    static final Map<String, String> ENV = Map.of("HOOK_TOKEN", "tok-123", "SMTP_PASSWORD", "s3cret-pw");

    static String resource(String name) throws IOException {
        try (InputStream in = AlertConfigParserTest.class.getResourceAsStream("/alerts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static AlertConfig parse(String yaml, Map<String, String> env) {
        return new AlertConfigParser("rules.yaml", env::get, TRACKED).parse(yaml);
    }

    private static void rejects(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml, ENV)).isInstanceOf(InvalidAlertConfigException.class).hasMessage(message);
    }

    private static String oneRule(String rule) {
        return "channels:\n  console:\n    type: console\nrules:\n  - name: first\n    type: spike\n    channels: [console]\n"
                + rule;
    }

    @Test
    void readsEveryChannelAndRuleType() throws IOException {
        AlertConfig config = parse(resource("rules.yaml"), ENV);

        assertThat(config.channels()).containsOnlyKeys("console", "ops-webhook", "comms-email");
        assertThat(config.disabledChannels()).containsOnlyKeys("comms-slack", "muted");
        assertThat(config.disabledChannels().get("comms-slack")).contains("SLACK_URL");
        var webhook = (ChannelConfig.Webhook) config.channels().get("ops-webhook");
        assertThat(webhook.url().reveal()).isEqualTo("https://hooks.example.org/alerts?token=tok-123");
        assertThat(webhook.headers().get("Authorization").reveal()).isEqualTo("Bearer tok-123");
        assertThat(webhook.timeout()).isEqualTo(Duration.ofSeconds(5));
        var email = (ChannelConfig.Email) config.channels().get("comms-email");
        assertThat(email.port()).isEqualTo(2525);
        assertThat(email.startTls()).isFalse();
        assertThat(email.password().reveal()).isEqualTo("s3cret-pw");
        assertThat(email.to()).containsExactly("comms@example.org", "duty@example.org");

        assertThat(config.rules()).extracting(AlertRule::name).containsExactly(
                "volume-all", "volume-entities", "platform-outage", "outage-talk", "negative-candidates", "emerging");
        AlertRule all = config.rules().get(0);
        assertThat(all.scope()).isEqualTo(RuleScope.EVERYTHING);
        assertThat(all.params()).isEqualTo(SpikeParams.DEFAULTS);
        assertThat(all.minSeverity()).isEqualTo(AlertRule.DEFAULT_MIN_SEVERITY);
        assertThat(all.cooldown()).isEqualTo(AlertRule.DEFAULT_COOLDOWN);
        assertThat(all.renotifyEvery()).isNull();
        AlertRule entities = config.rules().get(1);
        assertThat(entities.cooldown()).isEqualTo(Duration.ofMinutes(15));
        assertThat(entities.renotifyEvery()).isEqualTo(Duration.ofMinutes(10));
        assertThat(entities.scope().covers("entity:Donald Trump", "volume-entities")).isTrue();
        assertThat(entities.scope().covers("all", "volume-entities")).isFalse();
        assertThat(config.rules().get(2).params()).isEqualTo(new FlatlineParams(20));
        AlertRule talk = config.rules().get(3);
        assertThat(talk.params()).isEqualTo(new ThresholdParams(50, Duration.ofMinutes(5)));
        assertThat(talk.channels()).containsExactly("console");
        assertThat(talk.notifyEnd()).isTrue();
        assertThat(talk.scope().query().matches("unable to join!")).isTrue();
        assertThat(talk.scope().kinds()).containsExactly(ContentKind.POSTS);
        assertThat(config.rules().get(4).params()).isEqualTo(new SentimentShiftParams(0.6, SentimentShiftParams.DEFAULT_MIN_POSTS));
        assertThat(config.rules().get(5).params()).isEqualTo(new NewEntityOrTermParams(15, 8));
    }

    @Test
    void secretsNeverShowInToStringOrErrors() throws IOException {
        AlertConfig config = parse(resource("rules.yaml"), ENV);
        assertThat(config.toString()).doesNotContain("tok-123").doesNotContain("s3cret-pw");
        String withBadPort = resource("rules.yaml").replace("port: 2525", "port: 0");
        assertThatThrownBy(() -> parse(withBadPort, ENV)).message().doesNotContain("s3cret-pw").doesNotContain("tok-123");
    }

    @Test
    void aMissingVariableIsAnErrorUnlessTheChannelIsOptional() throws IOException {
        assertThatThrownBy(() -> parse(resource("rules.yaml"), Map.of("HOOK_TOKEN", "t")))
                .hasMessage("rules.yaml: channels.comms-email.password_env: variable SMTP_PASSWORD "
                        + "is not set (mark the channel 'optional: true' to run without it)");
        AlertConfig withSlack = parse(resource("rules.yaml"),
                Map.of("HOOK_TOKEN", "t", "SMTP_PASSWORD", "p", "SLACK_URL", "https://hooks.slack.example/T1/B2/xyz"));
        assertThat(withSlack.channels()).containsKey("comms-slack");
        assertThat(((ChannelConfig.Webhook) withSlack.channels().get("comms-slack")).format())
                .isEqualTo(ChannelConfig.WebhookFormat.SLACK);
    }

    @Test
    void errorsNameTheRuleAndTheKey() throws IOException {
        String file = resource("rules.yaml");
        assertThatThrownBy(() -> parse(file.replace("type: flatline", "type: flatlin"), ENV))
                .hasMessage("rules.yaml: rules[2] (platform-outage): key 'type': expected one of spike, sentiment_shift, "
                        + "threshold, flatline, new_entity_or_term but was 'flatlin'");
        rejects(oneRule("  - name: second\n    type: spike\n    channels: [console]\n    colour: red\n"),
                "rules.yaml: rules[1] (second): unknown key 'colour'; allowed keys are channels, cooldown, min_severity, "
                        + "name, notify_end, params, renotify_every, scope, type");
        rejects(oneRule("  - name: first\n    type: spike\n    channels: [console]\n"),
                "rules.yaml: rules[1] (first): key 'name': already used by rules[0]");
        rejects(oneRule("  - name: q\n    type: spike\n    scope:\n      query: 'ddos OR'\n    channels: [console]\n"),
                "rules.yaml: rules[1] (q): key 'scope.query': at character 8: expected a term after OR (character 6) "
                        + "but found the end of the query in 'ddos OR'");
        rejects(oneRule("  - name: e\n    type: spike\n    scope:\n      entities: [Donald Trunp]\n    channels: [console]\n"),
                "rules.yaml: rules[1] (e): key 'scope.entities': 'Donald Trunp' is not a tracked entity; known are "
                        + "Donald Trump, Elon Musk, Ron DeSantis, X (platform)");
        rejects(oneRule("  - name: t\n    type: threshold\n    channels: [console]\n"),
                "rules.yaml: rules[1] (t): key 'params.count': a threshold rule needs the count to reach");
        rejects(oneRule("  - name: t\n    type: threshold\n    params: {count: 5, window: 90s}\n    channels: [console]\n"),
                "rules.yaml: rules[1] (t): key 'params': expected a window of whole minutes (1m or more) but was 90s");
        rejects(oneRule("  - name: s\n    type: spike\n    params: {count: 5}\n    channels: [console]\n"),
                "rules.yaml: rules[1] (s): unknown key 'params.count'; allowed keys are min_posts");
        rejects(oneRule("  - name: s\n    type: sentiment_shift\n    params: {min_negative_share: 60}\n    channels: [console]\n"),
                "rules.yaml: rules[1] (s): key 'params.min_negative_share': expected a share from 0 to 1 (0.6 for 60%), found 60.0");
        rejects(oneRule("  - name: s\n    type: spike\n    min_severity: 101\n    channels: [console]\n"),
                "rules.yaml: rules[1] (s): key 'min_severity': expected a whole number from 0 to 100, found the integer 101");
        rejects(oneRule("  - name: s\n    type: spike\n    cooldown: 10\n    channels: [console]\n"),
                "rules.yaml: rules[1] (s): key 'cooldown': expected a duration with its unit (90s, 10m, 2h, 1d or PT10M), "
                        + "found the integer 10");
        rejects(oneRule("  - name: s\n    type: spike\n    cooldown: 10 minutes\n    channels: [console]\n"),
                "rules.yaml: rules[1] (s): key 'cooldown': expected a duration such as 90s, 10m, 2h, 1d or PT10M but was '10 minutes'");
        rejects(oneRule("  - name: s\n    type: spike\n    channels: [pager]\n"),
                "rules.yaml: rules[1] (s): key 'channels': 'pager' is not defined under 'channels:'; defined are console");
        rejects(oneRule("  - name: s\n    type: spike\n    scope: {kinds: [tweets]}\n    channels: [console]\n"),
                "rules.yaml: rules[1] (s): key 'scope.kinds': expected one of posts, statements but was 'tweets'");
        rejects(oneRule("  - name: 'bad name'\n    type: spike\n    channels: [console]\n"),
                "rules.yaml: rules[1] (bad name): key 'name': a rule name may hold letters, digits, '.', '_' and '-' "
                        + "(at most 100) and must start with a letter or digit");
    }

    @Test
    void channelAndFileErrorsNameTheirPlace() {
        rejects("channels:\n  c:\n    type: pager\nrules: []\n",
                "rules.yaml: channels.c: key 'type': expected one of console, webhook, slack, email but was 'pager'");
        rejects("channels:\n  c:\n    type: webhook\n    url: ftp://x\nrules: []\n",
                "rules.yaml: channels.c: key 'url': expected an http:// or https:// URL");
        rejects("channels:\n  c:\n    type: console\n    url: http://x\nrules: []\n",
                "rules.yaml: channels.c: unknown key 'url'; allowed keys are digest, digest_wait, enabled, optional, type");
        rejects("channels:\n  m:\n    type: email\n    host: h\n    from: a@b\n    to: []\nrules: []\n",
                "rules.yaml: channels.m: key 'to': expected at least one e-mail address");
        rejects("channels:\n  m:\n    type: email\n    host: h\n    from: a@b\n    to: [c@d]\n    username: u\nrules: []\n",
                "rules.yaml: channels.m: key 'password': give both 'username' and a password for SMTP authentication, or neither");
        rejects("channels:\n  off:\n    type: console\nrules: []\n",
                "rules.yaml: channels.false: YAML reads this channel name as a boolean (on/off/yes/no); quote it");
        rejects("rules: []\nextra: 1\n", "rules.yaml: unknown key 'extra'; allowed keys are channels, rules");
        rejects("channels: {}\n", "rules.yaml: key 'rules': expected a list of rules, found nothing");
        rejects("", "rules.yaml: the file is empty; expected the keys 'channels' and 'rules'");
        assertThatThrownBy(() -> parse("rules: [\n", ENV)).hasMessageStartingWith("rules.yaml: not valid YAML:");
        rejects("channels:\n  c:\n    type: console\n    digest: 30s\nrules: []\n",
                "rules.yaml: channels.c: key 'digest': expected at least 1m (alerts are raised a minute at a time), or 'never', but was 30s");
        rejects("channels:\n  c:\n    type: console\n    digest_wait: 5s\nrules: []\n",
                "rules.yaml: channels.c: key 'digest_wait': only a channel with a 'digest' period waits for one");
        rejects("channels:\n  c:\n    type: console\n    digest: 5m\n    digest_wait: 10m\nrules: []\n",
                "rules.yaml: channels.c: key 'digest_wait': expected from 0s to the digest period (5m), but was 10m");
        rejects("channels:\n  c:\n    type: console\n    digest: 5\nrules: []\n",
                "rules.yaml: channels.c: key 'digest': expected a duration with its unit (90s, 10m, 2h, 1d or PT10M), found the integer 5");
    }

    @Test
    void aChannelMayHoldItsAlertsForADigest() {
        AlertConfig config = parse("channels:\n  console:\n    type: console\n  chat:\n    type: console\n    digest: 5m\n"
                + "  quiet:\n    type: console\n    digest: never\n  muted:\n    type: console\n    enabled: false\n    digest: 1h\n"
                + "rules: []\n", ENV);

        assertThat(config.digests()).containsExactly(Map.entry("chat", new DigestSettings(Duration.ofMinutes(5), DigestSettings.DEFAULT_WAIT)));
        AlertConfig noWait = parse("channels:\n  chat:\n    type: console\n    digest: 10m\n    digest_wait: 0s\nrules: []\n", ENV);
        assertThat(noWait.digests().get("chat")).isEqualTo(new DigestSettings(Duration.ofMinutes(10), Duration.ZERO));
    }

    @Test
    void durationsTakeTheShortAndTheIsoForm() {
        assertThat(DurationText.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationText.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationText.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(DurationText.parse("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(DurationText.format(Duration.ofHours(2))).isEqualTo("2h");
        assertThatThrownBy(() -> DurationText.parse("1w")).hasMessageContaining("but was '1w'");
    }

    @Test
    void theRuleBookListsTheSeriesTheJobMustCount() throws IOException {
        RuleBook book = new RuleBook(parse(resource("rules.yaml"), ENV));
        List<QuerySeries> series = book.querySeries();
        assertThat(series).extracting(QuerySeries::seriesKey).containsExactly("query:outage-talk");
        QuerySeries talk = series.get(0);
        assertThat(talk.needsEntities()).isFalse();
        assertThat(talk.matches("unable to join", List.of(), "x", ContentKind.POSTS, List.of())).isTrue();
        assertThat(talk.matches("unable to join", List.of(), null, ContentKind.STATEMENTS, List.of())).isFalse();
        assertThat(talk.matches("lovely evening", List.of("#TwitterBlackout"), "x", ContentKind.POSTS, List.of())).isTrue();
        assertThat(book.platforms()).containsExactly("x");
        assertThat(book.thresholdRules()).extracting(AlertRule::name).containsExactly("outage-talk");
    }
}
