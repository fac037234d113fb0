package io.spikewatch.alerts;

import io.spikewatch.secrets.Secret;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeExplanation;
import io.spikewatch.spikes.TermWeight;
import io.spikewatch.spikes.TopPost;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Sends an alert as a plain-text e-mail over SMTP (Jakarta Mail): the subject is the alert's
 * title, the body its text followed by the explanation in full. STARTTLS is required when
 * configured ({@code starttls: true}, the default), so credentials never cross in clear text.
 */
public final class EmailChannel implements AlertChannel {

    private final ChannelConfig.Email config;
    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;

    public EmailChannel(ChannelConfig.Email config) {
        this.config = config;
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", config.host());
        props.put("mail.smtp.port", String.valueOf(config.port()));
        String millis = String.valueOf(config.timeout().toMillis());
        props.put("mail.smtp.connectiontimeout", millis);
        props.put("mail.smtp.timeout", millis);
        props.put("mail.smtp.writetimeout", millis);
        props.put("mail.smtp.starttls.enable", String.valueOf(config.startTls()));
        props.put("mail.smtp.starttls.required", String.valueOf(config.startTls()));
        Authenticator authenticator = null;
        if (config.username() != null) {
            props.put("mail.smtp.auth", "true");
            String user = config.username();
            Secret password = config.password();
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password.reveal());
                }
            };
        }
        this.session = Session.getInstance(props, authenticator);
        try {
            this.from = new InternetAddress(config.from(), true);
            this.to = InternetAddress.parse(String.join(",", config.to()), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("channel " + config.name() + ": invalid e-mail address: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public void send(Alert alert) throws DeliveryException {
        send(alert.title(), body(alert), alert.id());
    }

    /** A digest: the subject is its title, the body each alert's text and explanation in turn. */
    @Override
    public void send(AlertDigest digest) throws DeliveryException {
        send(digest.title(), body(digest), digest.id());
    }

    private void send(String subject, String body, String id) throws DeliveryException {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, (Address[]) to);
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            message.setHeader("X-Spikewatch-Alert-Id", id);
            Transport.send(message);
        } catch (AuthenticationFailedException e) {
            throw new DeliveryException("the SMTP server " + server() + " refused the credentials of "
                    + config.username(), false, e);
        } catch (SendFailedException e) {
            throw new DeliveryException("the SMTP server " + server() + " refused the message: " + e.getMessage(),
                    e.getValidSentAddresses() == null && e.getInvalidAddresses() == null, e);
        } catch (MessagingException e) {
            throw new DeliveryException("cannot send through " + server() + ": " + e.getMessage(), true, e);
        }
    }

    private String server() {
        return config.host() + ":" + config.port();
    }

    /** The e-mail body: the alert's text, then the numbers and the explanation line by line. */
    static String body(Alert alert) {
        Spike spike = alert.spike();
        StringBuilder body = new StringBuilder(alert.text()).append("\n\n");
        line(body, "Rule", alert.ruleName());
        line(body, "Series", alert.seriesKey());
        line(body, "Phase", alert.phase().name().toLowerCase(Locale.ROOT));
        line(body, "Severity", spike.severity() + "/100");
        line(body, "Started", spike.start().toString());
        line(body, "Peak", spike.peak() + String.format(Locale.ROOT, " (%.1f vs %.1f expected)", spike.peakValue(),
                spike.peakExpected()));
        if (spike.end() != null) {
            line(body, "Ended", spike.end().toString());
        }
        SpikeExplanation e = spike.explanation();
        if (e != null) {
            line(body, "Posts", e.observed() + String.format(Locale.ROOT, " (%.1f expected), %d authors", e.expected(),
                    e.uniqueAuthors()));
            if (e.sentiment() != null && e.sentiment().annotated() > 0) {
                line(body, "Sentiment", e.sentiment().negative() + " negative, " + e.sentiment().neutral() + " neutral, "
                        + e.sentiment().positive() + " positive");
            }
            weights(body, "Terms", e.terms());
            weights(body, "Hashtags", e.hashtags());
            weights(body, "Entities", e.entities());
            if (!e.topPosts().isEmpty()) {
                body.append("\nTop posts:\n");
                for (TopPost post : e.topPosts()) {
                    body.append("- ").append(post.authorHandle() == null ? "reposted" : "@" + post.authorHandle().replaceFirst("^@", ""))
                            .append(" (").append(post.platform()).append(", ").append(post.reposts()).append(" reposts): ")
                            .append(post.text() == null ? "" : post.text().replaceAll("\\s+", " ")).append('\n');
                }
            }
        }
        body.append("\nAlert ").append(alert.id()).append('\n');
        return body.toString();
    }

    /** The digest's body: its list of alerts, then each alert's title and body, separated by a rule. */
    static String body(AlertDigest digest) {
        StringBuilder body = new StringBuilder(digest.text()).append("\n");
        for (Alert alert : digest.alerts()) {
            body.append("\n----------------------------------------\n").append(alert.title()).append("\n\n").append(body(alert));
        }
        return body.toString();
    }

    private static void weights(StringBuilder body, String label, List<TermWeight> weights) {
        if (!weights.isEmpty()) {
            line(body, label, String.join(", ", weights.stream()
                    .map(w -> w.term() + String.format(Locale.ROOT, " (%d, %.0fx)", w.count(), w.lift())).toList()));
        }
    }

    private static void line(StringBuilder body, String label, String value) {
        body.append(label).append(": ").append(value).append('\n');
    }
}
