package cl.compraagil.subscription.billing.webhook;

import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stripe_events table: a unique row per event id, written in the transaction of the event's effect. */
@Repository
class StripeEventLog {

    private final JdbcClient jdbc;

    StripeEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true the first time the event is seen */
    boolean firstDelivery(StripeEvent event) {
        return jdbc.sql("""
                INSERT INTO stripe_events (event_id, event_type, stripe_created) VALUES (:id, :type, :created)
                ON CONFLICT (event_id) DO NOTHING
                """)
                .param("id", event.id()).param("type", event.type()).param("created", Timestamp.from(event.created()))
                .update() == 1;
    }
}
