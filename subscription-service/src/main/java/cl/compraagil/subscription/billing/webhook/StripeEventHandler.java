package cl.compraagil.subscription.billing.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a verified Stripe event once: the event's row in stripe_events and its effect commit together,
 * so a redelivery finds the row and changes nothing, and a failed effect leaves no row for Stripe's retry.
 */
@Service
class StripeEventHandler {

    private static final Logger log = LoggerFactory.getLogger(StripeEventHandler.class);

    private final StripeEventLog eventLog;
    private final SubscriptionSync subscriptions;
    private final InvoiceSync invoices;

    StripeEventHandler(StripeEventLog eventLog, SubscriptionSync subscriptions, InvoiceSync invoices) {
        this.eventLog = eventLog;
        this.subscriptions = subscriptions;
        this.invoices = invoices;
    }

    /** @return false for a duplicate delivery */
    @Transactional
    boolean handle(StripeEvent event) {
        if (!eventLog.firstDelivery(event)) {
            log.info("Stripe event {} ({}) already processed", event.id(), event.type());
            return false;
        }
        switch (event.type()) {
            case "checkout.session.completed" -> subscriptions.checkoutCompleted(event);
            case "customer.subscription.created", "customer.subscription.updated" -> subscriptions.subscriptionChanged(event);
            case "customer.subscription.deleted" -> subscriptions.subscriptionDeleted(event);
            case "customer.subscription.trial_will_end" -> subscriptions.trialWillEnd(event);
            case "invoice.paid", "invoice.payment_succeeded" -> invoices.paid(event);
            case "invoice.payment_failed" -> invoices.failed(event);
            default -> log.debug("Stripe event {} of type {} is not used", event.id(), event.type());
        }
        return true;
    }
}
