package cl.compraagil.notification.alert;

import cl.compraagil.notification.contact.Contact;
import cl.compraagil.notification.contact.UserContacts;
import cl.compraagil.notification.inbox.Inbox;
import cl.compraagil.notification.inbox.InboxEntry;
import cl.compraagil.notification.outbound.Channel;
import cl.compraagil.notification.outbound.OutboundMessage;
import cl.compraagil.notification.outbound.OutboundMessages;
import cl.compraagil.notification.webhook.WebhookPublisher;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns one (rule, licitación) match into one message per channel of the rule, exactly once: the match row
 * and each channel's dedup key are unique, and everything is written in the event's transaction.
 */
@Component
class AlertFanOut {

    private final JdbcClient jdbc;
    private final Inbox inbox;
    private final OutboundMessages outbound;
    private final WebhookPublisher webhooks;
    private final UserContacts contacts;
    private final AlertProperties properties;
    private final Clock clock;

    AlertFanOut(JdbcClient jdbc, Inbox inbox, OutboundMessages outbound, WebhookPublisher webhooks, UserContacts contacts,
            AlertProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.outbound = outbound;
        this.webhooks = webhooks;
        this.contacts = contacts;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return false when this rule already handled this licitación */
    boolean deliver(AlertRule rule, Licitacion licitacion) {
        Instant now = clock.instant();
        QuietHours quiet = rule.quietHours();
        boolean capped = matchesToday(rule, quiet.startOfDay(now)) >= rule.dailyCap();
        boolean first = jdbc.sql("""
                INSERT INTO alert_matches (rule_id, codigo, capped) VALUES (:rule, :codigo, :capped)
                ON CONFLICT (rule_id, codigo) DO NOTHING
                """)
                .param("rule", rule.id()).param("codigo", licitacion.codigo()).param("capped", capped).update() == 1;
        if (!first) {
            return false;
        }
        String key = "alert:" + rule.id() + ":" + licitacion.codigo();
        String url = licitacion.url() != null ? licitacion.url() : properties.licitacionBaseUrl() + licitacion.codigo();
        if (rule.channels().contains("inbox") || capped) {
            inbox.record(new InboxEntry(rule.userId(), "alert", AlertMessages.title(licitacion),
                    AlertMessages.inboxBody(rule, licitacion), data(rule, licitacion, url), key));
        }
        if (capped) {
            return true;
        }
        Optional<Contact> contact = contacts.find(rule.userId());
        Instant notBefore = rule.digest() ? quiet.nextDigest(now) : quiet.nextAllowed(now);
        if (rule.channels().contains("email") && contact.isPresent()) {
            outbound.enqueue(new OutboundMessage(rule.userId(), Channel.EMAIL, contact.get().email(),
                    AlertMessages.title(licitacion), AlertMessages.emailBody(contact.get().greetingName(), rule, licitacion, url),
                    key + ":email", false, notBefore, rule.digest()));
        }
        if (rule.channels().contains("telegram") && contact.filter(Contact::hasTelegram).isPresent()) {
            outbound.enqueue(new OutboundMessage(rule.userId(), Channel.TELEGRAM, contact.get().telegramId().toString(),
                    AlertMessages.title(licitacion), AlertMessages.telegramText(rule, licitacion, url),
                    key + ":telegram", false, notBefore, rule.digest()));
        }
        if (rule.channels().contains("webhook")) {
            webhooks.publish(rule.userId(), "licitacion.new", key, data(rule, licitacion, url));
        }
        return true;
    }

    private long matchesToday(AlertRule rule, Instant startOfDay) {
        return jdbc.sql("SELECT count(*) FROM alert_matches WHERE rule_id = :rule AND matched_at >= :since AND NOT capped")
                .param("rule", rule.id()).param("since", Timestamp.from(startOfDay)).query(Long.class).single();
    }

    private static Map<String, Object> data(AlertRule rule, Licitacion licitacion, String url) {
        Map<String, Object> data = new LinkedHashMap<>(licitacion.summary());
        data.put("url", url);
        data.put("alert_rule_id", rule.id());
        data.put("alert_rule_name", rule.name());
        return data;
    }
}
