package cl.compraagil.notification.events;

import cl.compraagil.events.EventEnvelope;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Erases everything the service keeps about a user on {@code user.deleted}: every feature's store, in the event's
 * one transaction, so a redelivery changes nothing and a failure leaves nothing half-erased.
 */
@Component
class UserDeletions implements EventHandler {

    private final List<UserErasure> stores;

    UserDeletions(List<UserErasure> stores) {
        this.stores = stores;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("user.deleted");
    }

    @Override
    public void handle(EventEnvelope event) {
        long userId = EventData.userId(event.data());
        stores.forEach(store -> store.eraseUser(userId));
    }
}
