package cl.compraagil.subscription.audit;

import cl.compraagil.events.OutboxWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends this service's admin actions to the one audit log admins query, which auth-service keeps: each action
 * becomes an {@code audit.recorded} event written through the outbox in the transaction of the action, so an
 * action that rolls back leaves no line and a committed one is never lost.
 */
@Component
public class AdminAudit {

    static final String TYPE = "audit.recorded";
    static final String SERVICE = "subscription-service";

    private final OutboxWriter outbox;

    AdminAudit(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /**
     * @param target the user the action was about, or null (a plan edit)
     * @param ip     the admin's address as Tomcat resolved it behind the gateway
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, long actor, Long target, String ip, Map<String, ?> details) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("action", action);
        data.put("actor_user_id", actor);
        data.put("target_user_id", target);
        data.put("ip", ip);
        data.put("service", SERVICE);
        data.put("details", details);
        outbox.append(TYPE, Long.toString(actor), data);
    }
}
