package io.spikewatch.alerts;

import io.spikewatch.secrets.InvalidSecretException;
import io.spikewatch.secrets.Secret;
import io.spikewatch.secrets.SecretReference;
import io.spikewatch.secrets.SecretResolver;
import io.spikewatch.yaml.YamlValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the rules file (format: see the package documentation) and checks all of it, so a
 * mistake stops the job at start-up with the file, the rule or channel, the key and the reason:
 * {@code alert-rules.yaml: rules[2] (platform-outage): key 'type': expected one of ... but was 'spkie'}.
 * Unknown keys are errors.
 *
 * <p>A channel's secrets ({@code url}, each {@code headers} value, {@code password}) may be a
 * reference, {@code {env: NAME}} or {@code {file: PATH}}, read by the same {@link SecretResolver}
 * as the rest of the configuration (a relative path against the folder of the file that names
 * it). The older forms are still read through it: {@code ${NAME}} inside any channel string
 * (needed where a secret is part of a longer value, {@code "Bearer ${TOKEN}"}) and
 * {@code password_env: NAME}. Values are never put in a message; an absent variable or file
 * switches an {@code optional} channel off, and is an error naming the key path otherwise.
 */
public final class AlertConfigParser {

    static final String KEY_CHANNELS = "channels";
    static final String KEY_RULES = "rules";

    private static final Set<String> TOP_KEYS = Set.of(KEY_CHANNELS, KEY_RULES);
    private static final Set<String> RULE_KEYS = Set.of("name", "scope", "type", "params", "min_severity", "cooldown",
            "renotify_every", "notify_end", "channels");
    private static final Set<String> SCOPE_KEYS = Set.of("entities", "query", "platforms", "kinds");
    private static final Set<String> CHANNEL_COMMON_KEYS = Set.of("type", "enabled", "optional", "digest", "digest_wait");
    /** A digest period shorter than the alerts' own minute would never hold anything back. */
    static final Duration MIN_DIGEST = Duration.ofMinutes(1);
    private static final Set<String> WEBHOOK_KEYS = Set.of("url", "headers", "timeout");
    private static final Set<String> EMAIL_KEYS = Set.of("host", "port", "starttls", "username", "password",
            "password_env", "from", "to", "timeout");
    private static final List<String> CHANNEL_TYPES = List.of("console", "webhook", "slack", "email");
    private static final String NEVER = "never";

    /** Names of rules and channels: they end up in series keys and alert ids. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final String source;
    private final SecretResolver secrets;
    private final Path baseDir;
    private final Set<String> trackedEntities;

    /**
     * @param source the file name used in messages
     * @param secrets reads {@code {env}}/{@code {file}} references, {@code ${NAME}} and {@code password_env}
     *     ({@link SecretResolver#ofProcess()} in production)
     * @param baseDir the folder a relative {@code {file: PATH}} is read from: that of the file holding the channels
     * @param trackedEntities canonical names a rule's {@code scope.entities} may use; empty to skip the check
     */
    public AlertConfigParser(String source, SecretResolver secrets, Path baseDir, Collection<String> trackedEntities) {
        this.source = source;
        this.secrets = secrets;
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.trackedEntities = Set.copyOf(trackedEntities);
    }

    /**
     * A parser whose environment variables come from {@code environment} and whose relative
     * secret files are read from the working directory.
     */
    public AlertConfigParser(String source, Function<String, String> environment, Collection<String> trackedEntities) {
        this(source, new SecretResolver(environment), Path.of(""), trackedEntities);
    }

    /** Reads {@code file} with the process environment; relative secret files are read from its folder. */
    public static AlertConfig load(Path file, Collection<String> trackedEntities) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidAlertConfigException(file + ": cannot read the rules file: " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        return new AlertConfigParser(file.getFileName().toString(), SecretResolver.ofProcess(), dir, trackedEntities).parse(text);
    }

    public AlertConfig parse(String yamlText) {
        Object root = load(yamlText);
        if (!(root instanceof Map<?, ?> top)) {
            throw error("expected a mapping with the keys 'channels' and 'rules' at the top, found " + describe(root));
        }
        checkKeys("", top, TOP_KEYS);
        Map<String, ChannelConfig> channels = new LinkedHashMap<>();
        Map<String, String> disabled = new LinkedHashMap<>();
        Map<String, DigestSettings> digests = new LinkedHashMap<>();
        Object channelsNode = top.get(KEY_CHANNELS);
        if (channelsNode != null) {
            if (!(channelsNode instanceof Map<?, ?> channelMap)) {
                throw error("key 'channels': expected a mapping of channel names to channels, found " + describe(channelsNode));
            }
            for (Map.Entry<?, ?> entry : channelMap.entrySet()) {
                parseChannel(entry.getKey(), entry.getValue(), channels, disabled, digests);
            }
        }
        Object rulesNode = top.get(KEY_RULES);
        if (!(rulesNode instanceof List<?> ruleList)) {
            throw error("key 'rules': expected a list of rules, found " + describe(rulesNode));
        }
        List<AlertRule> rules = new ArrayList<>();
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (int i = 0; i < ruleList.size(); i++) {
            AlertRule rule = parseRule(i, ruleList.get(i), channels.keySet(), disabled.keySet());
            Integer previous = ruleIndex.putIfAbsent(rule.name(), i);
            if (previous != null) {
                throw error(where(i, rule.name()) + ": key 'name': already used by rules[" + previous + "]");
            }
            rules.add(rule);
        }
        digests.keySet().retainAll(channels.keySet());
        return new AlertConfig(channels, disabled, rules, digests);
    }

    // ---- channels

    private void parseChannel(Object rawName, Object node, Map<String, ChannelConfig> channels, Map<String, String> disabled,
            Map<String, DigestSettings> digests) {
        String name = String.valueOf(rawName);
        String where = "channels." + name;
        if (rawName instanceof Boolean) {
            throw error(where + ": YAML reads this channel name as a boolean (on/off/yes/no); quote it");
        }
        if (!(rawName instanceof String) || !NAME.matcher(name).matches()) {
            throw error(where + ": a channel name may hold letters, digits, '.', '_' and '-' and must start with a letter or digit");
        }
        if (!(node instanceof Map<?, ?> map)) {
            throw error(where + ": expected a mapping with at least 'type', found " + describe(node));
        }
        String type = requiredString(where, map, "type");
        if (!CHANNEL_TYPES.contains(type)) {
            throw error(where + ": key 'type': expected one of " + String.join(", ", CHANNEL_TYPES) + " but was '" + type + "'");
        }
        Set<String> allowed = new TreeSet<>(CHANNEL_COMMON_KEYS);
        allowed.addAll(switch (type) {
            case "webhook", "slack" -> WEBHOOK_KEYS;
            case "email" -> EMAIL_KEYS;
            default -> Set.of();
        });
        checkKeys(where + ": ", map, allowed);
        boolean enabled = bool(where, map, "enabled", true);
        boolean optional = bool(where, map, "optional", false);
        DigestSettings digest = digest(where, map);
        if (digest != null) {
            digests.put(name, digest);
        }
        if (!enabled) {
            disabled.put(name, "switched off (enabled: false)");
            return;
        }
        try {
            channels.put(name, switch (type) {
                case "console" -> new ChannelConfig.Console(name);
                case "webhook" -> webhook(name, where, map, ChannelConfig.WebhookFormat.GENERIC);
                case "slack" -> webhook(name, where, map, ChannelConfig.WebhookFormat.SLACK);
                default -> email(name, where, map);
            });
        } catch (InvalidSecretException e) {
            if (!e.unavailable()) {
                throw error(e.getMessage());
            }
            if (!optional) {
                throw error(e.getMessage() + " (mark the channel 'optional: true' to run without it)");
            }
            disabled.put(name, "optional, and " + e.getMessage());
        }
    }

    private ChannelConfig webhook(String name, String where, Map<?, ?> map, ChannelConfig.WebhookFormat format) {
        if (map.get("url") == null) {
            throw error(where + ": key 'url': expected the URL, {env: VARIABLE} or {file: PATH}, found nothing");
        }
        String url = secret(where, "url", map.get("url"), true).reveal().strip();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw error(where + ": key 'url': expected an http:// or https:// URL");
        }
        try {
            java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
            throw error(where + ": key 'url': not a valid URL");
        }
        Map<String, Secret> headers = new LinkedHashMap<>();
        Object headersNode = map.get("headers");
        if (headersNode != null) {
            if (!(headersNode instanceof Map<?, ?> headerMap)) {
                throw error(where + ": key 'headers': expected a mapping of header names to values, found " + describe(headersNode));
            }
            for (Map.Entry<?, ?> header : headerMap.entrySet()) {
                String key = "headers." + header.getKey();
                if (!(header.getValue() instanceof String || header.getValue() instanceof Map)) {
                    throw error(where + ": key '" + key + "': expected a string, {env: VARIABLE} or {file: PATH}, found "
                            + describe(header.getValue()));
                }
                headers.put(String.valueOf(header.getKey()), secret(where, key, header.getValue(), true));
            }
        }
        return new ChannelConfig.Webhook(name, format, new Secret(url), headers, timeout(where, map));
    }

    private ChannelConfig email(String name, String where, Map<?, ?> map) {
        String host = substitute(where, "host", requiredString(where, map, "host"));
        int port = ChannelConfig.Email.DEFAULT_PORT;
        if (map.get("port") != null) {
            if (!(map.get("port") instanceof Integer p) || p < 1 || p > 65_535) {
                throw error(where + ": key 'port': expected a port from 1 to 65535, found " + describe(map.get("port")));
            }
            port = p;
        }
        boolean startTls = bool(where, map, "starttls", true);
        String username = map.get("username") == null ? null : substitute(where, "username", requiredString(where, map, "username"));
        if (map.get("password") != null && map.get("password_env") != null) {
            throw error(where + ": key 'password_env': give either 'password' or 'password_env', not both");
        }
        Secret password = null;
        if (map.get("password") != null) {
            password = secret(where, "password", map.get("password"), false);
        } else if (map.get("password_env") != null) {
            String variable = requiredString(where, map, "password_env");
            try {
                new SecretReference.Environment(variable);
            } catch (IllegalArgumentException e) {
                throw error(where + ": key 'password_env': " + e.getMessage());
            }
            password = secrets.variable(where + ".password_env", variable);
        }
        if ((username == null) != (password == null)) {
            throw error(where + ": key '" + (username == null ? "username" : "password") + "': give both 'username' and "
                    + "a password for SMTP authentication, or neither");
        }
        String from = substitute(where, "from", requiredString(where, map, "from"));
        if (!ADDRESS.matcher(from).matches()) {
            throw error(where + ": key 'from': expected an e-mail address but was '" + from + "'");
        }
        List<String> to = new ArrayList<>();
        for (String address : stringList(where, map, "to")) {
            String value = substitute(where, "to", address);
            if (!ADDRESS.matcher(value).matches()) {
                throw error(where + ": key 'to': expected e-mail addresses but found '" + value + "'");
            }
            to.add(value);
        }
        if (to.isEmpty()) {
            throw error(where + ": key 'to': expected at least one e-mail address");
        }
        return new ChannelConfig.Email(name, host, port, startTls, username, password, from, to, timeout(where, map));
    }

    /** The channel's digest, or null when it sends every alert at once (no key, or {@code never}). */
    private DigestSettings digest(String where, Map<?, ?> map) {
        Duration period = NEVER.equals(map.get("digest")) ? null : duration(where, map, "digest", null);
        if (period == null) {
            if (map.get("digest_wait") != null) {
                throw error(where + ": key 'digest_wait': only a channel with a 'digest' period waits for one");
            }
            return null;
        }
        if (period.compareTo(MIN_DIGEST) < 0) {
            throw error(where + ": key 'digest': expected at least " + DurationText.format(MIN_DIGEST)
                    + " (alerts are raised a minute at a time), or 'never', but was " + DurationText.format(period));
        }
        Duration wait = duration(where, map, "digest_wait", DigestSettings.DEFAULT_WAIT);
        if (wait.isNegative() || wait.compareTo(period) > 0) {
            throw error(where + ": key 'digest_wait': expected from 0s to the digest period (" + DurationText.format(period)
                    + "), but was " + DurationText.format(wait));
        }
        return new DigestSettings(period, wait);
    }

    private Duration timeout(String where, Map<?, ?> map) {
        Duration timeout = duration(where, map, "timeout", ChannelConfig.DEFAULT_TIMEOUT);
        if (timeout.isZero() || timeout.isNegative()) {
            throw error(where + ": key 'timeout': expected a positive duration");
        }
        return timeout;
    }

    /**
     * The secret at channel key {@code key}: a {@code {env}}/{@code {file}} reference, or a string
     * whose {@code ${NAME}}s are replaced. A string without any is taken as written only where
     * {@code literalAllowed} (a webhook URL without a token, a plain header); a password written
     * out is refused without being repeated.
     *
     * @throws InvalidSecretException when a reference is malformed or its value absent
     */
    private Secret secret(String where, String key, Object node, boolean literalAllowed) {
        String keyPath = where + "." + key;
        if (node instanceof String text && text.isBlank()) {
            throw error(where + ": key '" + key + "': expected a non-empty string, {" + SecretReference.KEY_ENV
                    + ": VARIABLE} or {" + SecretReference.KEY_FILE + ": PATH}");
        }
        if (!(node instanceof String text) || !(literalAllowed || VARIABLE.matcher(text).find())) {
            // a reference, or a value written out where only a reference will do: parse names the problem without the value
            return secrets.resolve(keyPath, SecretReference.parse(keyPath, node, baseDir));
        }
        return new Secret(substitute(where, key, text));
    }

    /**
     * {@code value} with each {@code ${NAME}} replaced by environment variable NAME, read through
     * the resolver so an absent one is reported as for a reference (naming {@code where.key}).
     */
    private String substitute(String where, String key, String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            String replacement = secrets.variable(where + "." + key, m.group(1)).reveal();
            m.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(result);
        return result.toString();
    }

    // ---- rules

    private AlertRule parseRule(int index, Object node, Set<String> channels, Set<String> disabledChannels) {
        if (!(node instanceof Map<?, ?> map)) {
            throw error(where(index, null) + ": expected a mapping with 'name', 'type' and 'channels', found " + describe(node));
        }
        Object rawName = map.get("name");
        if (!(rawName instanceof String name) || name.isBlank()) {
            throw error(where(index, null) + ": key 'name': expected a non-empty string, found " + describe(rawName));
        }
        String where = where(index, name);
        if (!NAME.matcher(name).matches()) {
            throw error(where + ": key 'name': a rule name may hold letters, digits, '.', '_' and '-' (at most 100) "
                    + "and must start with a letter or digit");
        }
        checkKeys(where + ": ", map, RULE_KEYS);
        String typeText = requiredString(where, map, "type");
        RuleType type;
        try {
            type = RuleType.fromConfig(typeText);
        } catch (IllegalArgumentException e) {
            throw error(where + ": key 'type': " + e.getMessage());
        }
        RuleScope scope = scope(where, map.get("scope"));
        RuleParams params = params(where, type, map.get("params"));
        int minSeverity = AlertRule.DEFAULT_MIN_SEVERITY;
        if (map.get("min_severity") != null) {
            if (!(map.get("min_severity") instanceof Integer s) || s < 0 || s > AlertRule.MAX_SEVERITY) {
                throw error(where + ": key 'min_severity': expected a whole number from 0 to 100, found "
                        + describe(map.get("min_severity")));
            }
            minSeverity = s;
        }
        Duration cooldown = duration(where, map, "cooldown", AlertRule.DEFAULT_COOLDOWN);
        if (cooldown.isNegative()) {
            throw error(where + ": key 'cooldown': expected a duration of 0 or more");
        }
        Duration renotify = null;
        if (map.get("renotify_every") != null && !NEVER.equals(map.get("renotify_every"))) {
            renotify = duration(where, map, "renotify_every", null);
            if (renotify.isZero() || renotify.isNegative()) {
                throw error(where + ": key 'renotify_every': expected a positive duration or 'never'");
            }
        }
        boolean notifyEnd = bool(where, map, "notify_end", false);
        List<String> ruleChannels = stringList(where, map, "channels");
        if (ruleChannels.isEmpty()) {
            throw error(where + ": key 'channels': expected at least one channel name");
        }
        for (String channel : ruleChannels) {
            if (!channels.contains(channel) && !disabledChannels.contains(channel)) {
                throw error(where + ": key 'channels': '" + channel + "' is not defined under 'channels:'"
                        + (channels.isEmpty() && disabledChannels.isEmpty() ? "" : "; defined are "
                        + String.join(", ", new TreeSet<>(union(channels, disabledChannels)))));
            }
        }
        return new AlertRule(name, scope, type, params, minSeverity, cooldown, renotify, notifyEnd, ruleChannels);
    }

    private RuleScope scope(String where, Object node) {
        if (node == null) {
            return RuleScope.EVERYTHING;
        }
        if (!(node instanceof Map<?, ?> map)) {
            throw error(where + ": key 'scope': expected a mapping with any of " + new TreeSet<>(SCOPE_KEYS)
                    + ", found " + describe(node));
        }
        checkKeys(where + ": ", "scope.", map, SCOPE_KEYS);
        List<String> entities = stringList(where, map, "entities", "scope.entities");
        if (!trackedEntities.isEmpty()) {
            for (String entity : entities) {
                if (!entity.equals(RuleScope.EVERY) && !trackedEntities.contains(entity)) {
                    throw error(where + ": key 'scope.entities': '" + entity + "' is not a tracked entity; known are "
                            + String.join(", ", new TreeSet<>(trackedEntities)));
                }
            }
        }
        KeywordQuery query = null;
        if (map.get("query") != null) {
            if (!(map.get("query") instanceof String text)) {
                throw error(where + ": key 'scope.query': expected a string (quote the whole query in YAML), found "
                        + describe(map.get("query")));
            }
            try {
                query = KeywordQuery.parse(text);
            } catch (QuerySyntaxException e) {
                throw error(where + ": key 'scope.query': " + e.getMessage() + " in '" + text + "'");
            }
        }
        List<String> platforms = stringList(where, map, "platforms", "scope.platforms");
        Set<ContentKind> kinds = new LinkedHashSet<>();
        for (String kind : stringList(where, map, "kinds", "scope.kinds")) {
            try {
                kinds.add(ContentKind.fromConfig(kind));
            } catch (IllegalArgumentException e) {
                throw error(where + ": key 'scope.kinds': " + e.getMessage());
            }
        }
        return new RuleScope(new LinkedHashSet<>(entities), query, new LinkedHashSet<>(platforms), kinds);
    }

    private RuleParams params(String where, RuleType type, Object node) {
        Map<?, ?> map = Map.of();
        if (node != null) {
            if (!(node instanceof Map<?, ?> m)) {
                throw error(where + ": key 'params': expected a mapping, found " + describe(node));
            }
            map = m;
        }
        checkKeys(where + ": ", "params.", map, RuleParams.keys(type));
        try {
            return switch (type) {
                case SPIKE -> new SpikeParams(count(where, map, SpikeParams.KEY_MIN_POSTS, SpikeParams.DEFAULT_MIN_POSTS));
                case SENTIMENT_SHIFT -> new SentimentShiftParams(
                        share(where, map, SentimentShiftParams.KEY_MIN_NEGATIVE_SHARE, SentimentShiftParams.DEFAULT_MIN_NEGATIVE_SHARE),
                        count(where, map, SentimentShiftParams.KEY_MIN_POSTS, SentimentShiftParams.DEFAULT_MIN_POSTS));
                case THRESHOLD -> {
                    if (map.get(ThresholdParams.KEY_COUNT) == null) {
                        throw error(where + ": key 'params.count': a threshold rule needs the count to reach");
                    }
                    yield new ThresholdParams(count(where, map, ThresholdParams.KEY_COUNT, 0),
                            duration(where, map, ThresholdParams.KEY_WINDOW, ThresholdParams.DEFAULT_WINDOW, "params."));
                }
                case FLATLINE -> new FlatlineParams(
                        number(where, map, FlatlineParams.KEY_MIN_EXPECTED, FlatlineParams.DEFAULT_MIN_EXPECTED));
                case NEW_ENTITY_OR_TERM -> new NewEntityOrTermParams(
                        count(where, map, NewEntityOrTermParams.KEY_MIN_COUNT, NewEntityOrTermParams.DEFAULT_MIN_COUNT),
                        number(where, map, NewEntityOrTermParams.KEY_MIN_LIFT, NewEntityOrTermParams.DEFAULT_MIN_LIFT));
            };
        } catch (IllegalArgumentException e) {
            throw error(where + ": key 'params': " + e.getMessage());
        }
    }

    private long count(String where, Map<?, ?> map, String key, long fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 0) {
            throw error(where + ": key 'params." + key + "': expected a whole number of 0 or more, found " + describe(value));
        }
        return ((Number) value).longValue();
    }

    private double number(String where, Map<?, ?> map, String key, double fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number n) || n.doubleValue() < 0 || Double.isNaN(n.doubleValue())) {
            throw error(where + ": key 'params." + key + "': expected a number of 0 or more, found " + describe(value));
        }
        return n.doubleValue();
    }

    private double share(String where, Map<?, ?> map, String key, double fallback) {
        double value = number(where, map, key, fallback);
        if (value > 1) {
            throw error(where + ": key 'params." + key + "': expected a share from 0 to 1 (0.6 for 60%), found " + value);
        }
        return value;
    }

    // ---- shared readers

    private Object load(String yamlText) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            Object root = new Yaml(new SafeConstructor(options)).load(yamlText);
            if (root == null) {
                throw error("the file is empty; expected the keys 'channels' and 'rules'");
            }
            return root;
        } catch (YAMLException e) {
            throw new InvalidAlertConfigException(source + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    private void checkKeys(String where, Map<?, ?> map, Set<String> allowed) {
        checkKeys(where, "", map, allowed);
    }

    private void checkKeys(String where, String keyPrefix, Map<?, ?> map, Set<String> allowed) {
        for (Object key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw error(where + "unknown key '" + keyPrefix + key + "'; allowed keys are "
                        + (allowed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(allowed))));
            }
        }
    }

    private String requiredString(String where, Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof String text) || text.isBlank()) {
            throw error(where + ": key '" + key + "': expected a non-empty string, found " + describe(value));
        }
        return text.strip();
    }

    private boolean bool(String where, Map<?, ?> map, String key, boolean fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw error(where + ": key '" + key + "': expected true or false, found " + describe(value));
        }
        return b;
    }

    private Duration duration(String where, Map<?, ?> map, String key, Duration fallback) {
        return duration(where, map, key, fallback, "");
    }

    private Duration duration(String where, Map<?, ?> map, String key, Duration fallback, String keyPrefix) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String text)) {
            throw error(where + ": key '" + keyPrefix + key + "': expected a duration with its unit (90s, 10m, 2h, 1d or "
                    + "PT10M), found " + describe(value));
        }
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(where + ": key '" + keyPrefix + key + "': " + e.getMessage());
        }
    }

    private List<String> stringList(String where, Map<?, ?> map, String key) {
        return stringList(where, map, key, key);
    }

    private List<String> stringList(String where, Map<?, ?> map, String key, String shownKey) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String single && !single.isBlank()) {
            return List.of(single.strip());
        }
        if (!(value instanceof List<?> list)) {
            throw error(where + ": key '" + shownKey + "': expected a list of strings, found " + describe(value));
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text) || text.isBlank()) {
                throw error(where + ": key '" + shownKey + "' item " + i + ": expected a non-empty string, found "
                        + describe(list.get(i)));
            }
            result.add(text.strip());
        }
        return result;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String where(int index, String name) {
        return YamlValues.item(KEY_RULES, index, name);
    }

    private static String describe(Object value) {
        return YamlValues.describe(value);
    }

    private InvalidAlertConfigException error(String message) {
        return new InvalidAlertConfigException(source + ": " + message);
    }
}
