package cl.compraagil.notification.alert;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.notification.events.EventData;
import cl.compraagil.notification.events.EventHandler;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Alert rules outlive the organization they were created in: a rule belongs to the member who made it and keeps
 * alerting them. When the organization is deleted, or the member leaves it, only the organization tag is cleared,
 * so the rule becomes a personal rule and nothing shared through the organization reaches it any more.
 */
@Component
class OrganizationEvents implements EventHandler {

    static final String DELETED = "organization.deleted";
    static final String MEMBER_REMOVED = "organization.member_removed";

    private final AlertRuleRepository rules;

    OrganizationEvents(AlertRuleRepository rules) {
        this.rules = rules;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(DELETED, MEMBER_REMOVED);
    }

    @Override
    public void handle(EventEnvelope event) {
        Long organizationId = EventData.number(event.data(), "organization_id");
        if (organizationId == null) {
            throw new IllegalArgumentException(event.type() + " without organization_id");
        }
        if (DELETED.equals(event.type())) {
            rules.detachFromOrganization(organizationId);
        } else {
            rules.detachFromOrganization(organizationId, EventData.userId(event.data()));
        }
    }
}
