package cl.compraagil.subscription.payment;

import cl.compraagil.subscription.account.UserDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deleted user's payments lose their link to the user in the deletion's transaction. */
@Component
class PaymentAnonymisation {

    private final PaymentRepository payments;

    PaymentAnonymisation(PaymentRepository payments) {
        this.payments = payments;
    }

    @EventListener
    void onUserDeleted(UserDeleted event) {
        payments.anonymise(event.userId());
    }
}
