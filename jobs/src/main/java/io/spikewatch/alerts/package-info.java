/**
 * Alert rules and notification channels: which spikes a comms team hears about, once, explained,
 * and where.
 *
 * <h2>The rules file</h2>
 *
 * One YAML file (default {@code config/alert-rules.yaml}) holds {@code channels:} and
 * {@code rules:}. It is checked whole at start-up ({@link io.spikewatch.alerts.AlertConfigParser});
 * a mistake stops the job with the file, the rule (index and name) or channel, the key and the
 * reason, e.g. {@code alert-rules.yaml: rules[2] (x-flatline): key 'type': expected one of spike,
 * sentiment_shift, threshold, flatline, new_entity_or_term but was 'flatlin'}. Unknown keys are errors.
 *
 * <pre>
 * channels:
 *   console: {type: console}
 *   comms-slack:
 *     type: slack
 *     url: {env: SPIKEWATCH_SLACK_WEBHOOK_URL}
 *     optional: true
 * rules:
 *   - name: outage-talk
 *     scope:
 *       query: '"DDoS" OR "cyberattack" OR #TwitterBlackout OR "unable to join"'
 *     type: threshold
 *     params: {count: 40, window: 5m}
 *     cooldown: 1h
 *     channels: [console, comms-slack]
 * </pre>
 *
 * <h3>Channels</h3>
 * A mapping of channel name (letters, digits, {@code . _ -}; quote names YAML reads as booleans,
 * such as {@code off}) to a channel. Every channel has {@code type} and may have
 * {@code enabled} (default true), {@code optional} (default false), {@code digest} (a period of
 * at least 1m, or {@code never}, the default) and {@code digest_wait} (15s): the channel then sends
 * the first alerts of a quiet channel together after the wait, and the alerts of each following
 * period together, as one message ({@link io.spikewatch.alerts.ChannelDigest}).
 * <table>
 *   <caption>channel types</caption>
 *   <tr><th>type</th><th>keys</th></tr>
 *   <tr><td>{@code console}</td><td>none: prints to the job's standard output</td></tr>
 *   <tr><td>{@code webhook}</td><td>{@code url} (http/https), {@code headers} (mapping), {@code timeout}
 *       (default 10s): POSTs the generic JSON of {@link io.spikewatch.alerts.WebhookPayloads#generic}</td></tr>
 *   <tr><td>{@code slack}</td><td>as {@code webhook}: POSTs a Slack incoming-webhook message
 *       ({@code text} and {@code blocks})</td></tr>
 *   <tr><td>{@code email}</td><td>{@code host}, {@code port} (default 587), {@code starttls} (default
 *       true, and then required), {@code username} with {@code password},
 *       {@code from}, {@code to} (list), {@code timeout}: plain text, subject = the alert's title</td></tr>
 * </table>
 * Secrets never go in the file: {@code url}, each {@code headers} value and {@code password} are
 * references, {@code {env: NAME}} or {@code {file: PATH}} (a relative path from the folder of the
 * file naming it), read by {@link io.spikewatch.secrets.SecretResolver} as in the rest of the
 * configuration. {@code ${NAME}} inside any channel string puts a variable into a longer value,
 * and {@code password_env: NAME} is the older spelling of {@code password: {env: NAME}}; both are
 * read through the same resolver. Values are never printed ({@link io.spikewatch.secrets.Secret});
 * errors name the key path and the variable or file. An absent variable or file is a start-up
 * error, unless the channel has {@code optional: true}: it is then switched off and listed in
 * {@link io.spikewatch.alerts.AlertConfig#disabledChannels()} with the key and the variable or file.
 * {@code enabled: false} switches a channel off regardless.
 *
 * <h3>Rules</h3>
 * <table>
 *   <caption>rule keys</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code name}</td><td>unique; letters, digits, {@code . _ -}; names the rule's own series
 *       {@code query:NAME}</td><td>required</td></tr>
 *   <tr><td>{@code scope}</td><td>any of {@code entities} (canonical names of the tracked-entities
 *       file, or {@code "*"} for all), {@code query} (keyword query, below), {@code platforms}
 *       (e.g. {@code x}, or {@code "*"}), {@code kinds} ({@code posts}, {@code statements})</td>
 *       <td>everything: the {@code all} series</td></tr>
 *   <tr><td>{@code type}</td><td>{@code spike}, {@code sentiment_shift}, {@code threshold},
 *       {@code flatline}, {@code new_entity_or_term}</td><td>required</td></tr>
 *   <tr><td>{@code params}</td><td>per type, below</td><td>per type</td></tr>
 *   <tr><td>{@code min_severity}</td><td>0 to 100</td><td>40</td></tr>
 *   <tr><td>{@code cooldown}</td><td>after an alert, a new episode on the same series stays quiet this long</td><td>30m</td></tr>
 *   <tr><td>{@code renotify_every}</td><td>remind this often while the alerted episode lasts;
 *       {@code never}</td><td>never</td></tr>
 *   <tr><td>{@code notify_end}</td><td>report the end of an alerted episode</td><td>false</td></tr>
 *   <tr><td>{@code channels}</td><td>names from {@code channels:} (a list, or one name)</td><td>required</td></tr>
 * </table>
 * Durations are written {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d}, or in ISO-8601
 * ({@code PT10M}). Which series a scope watches: nothing given, {@code all}; only entities,
 * {@code entity:NAME} of each; only platforms, {@code platform:NAME} of each; a query, kinds, or
 * entities with platforms, the rule's own series {@code query:RULE_NAME}, counting the records
 * that pass every filter ({@link io.spikewatch.alerts.QuerySeries}).
 *
 * <table>
 *   <caption>params per type</caption>
 *   <tr><th>type</th><th>params (default)</th></tr>
 *   <tr><td>{@code spike}</td><td>{@code min_posts} (10): posts in the spike</td></tr>
 *   <tr><td>{@code sentiment_shift}</td><td>{@code min_negative_share} (0.5, from 0 to 1),
 *       {@code min_posts} (30 annotated posts)</td></tr>
 *   <tr><td>{@code threshold}</td><td>{@code count} (required), {@code window} (5m, whole minutes)</td></tr>
 *   <tr><td>{@code flatline}</td><td>{@code min_expected} (5 posts a minute expected at the trough)</td></tr>
 *   <tr><td>{@code new_entity_or_term}</td><td>{@code min_count} (10), {@code min_lift} (5): an
 *       entity, term or hashtag of the explanation at least that frequent and that lifted</td></tr>
 * </table>
 *
 * <h3>Keyword queries</h3>
 * Words, {@code #hashtags}, {@code @handles} and {@code "quoted phrases"}, case-insensitive, on
 * word boundaries ({@code trump} matches "Trump's", not "trumpet"; a bare word also matches its
 * hashtag). Operators in capitals: {@code NOT} binds tightest, then {@code AND}, then {@code OR};
 * parentheses group; two terms side by side mean {@code AND}. Errors give the character position
 * ({@link io.spikewatch.alerts.KeywordQuery}).
 *
 * <h2>When a rule fires</h2>
 * {@link io.spikewatch.alerts.RuleBook#evaluate} takes a spike report, its event time and the
 * per-(rule, series) {@link io.spikewatch.alerts.RuleSeriesState}s, which the job keeps in keyed
 * state. A new episode fires STARTED once (severity and params permitting, outside the cooldown);
 * the same episode fires again only when its severity rose by {@value
 * io.spikewatch.alerts.RuleBook#ESCALATION_STEP} points or it has a new wave (ESCALATED), on
 * {@code renotify_every} (ONGOING), and at its end with {@code notify_end} (ENDED). A
 * {@code new_entity_or_term} rule escalates when another entity of the episode qualifies, not
 * on severity ({@link io.spikewatch.alerts.NewEntityOrTermParams}). Alert ids are
 * {@code RULE|SPIKE_ID|PHASE|SEQUENCE}, so a replay from a checkpoint produces the same ids.
 *
 * <h2>Delivery</h2>
 * The {@link io.spikewatch.alerts.Notifier} sends to each enabled channel of the rule, retrying
 * timeouts, connection errors, HTTP 408/429/5xx and SMTP errors with exponential backoff (1 s
 * doubling to 15 s, at most 5 attempts within 45 s by default), and returns a
 * {@link io.spikewatch.alerts.Delivery} per channel, failed ones included, for the alerts index
 * ({@link io.spikewatch.alerts.AlertDocuments}).
 */
package io.spikewatch.alerts;
