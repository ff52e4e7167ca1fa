package cl.compraagil.subscription.billing.webhook;

import cl.compraagil.subscription.account.Subscription;
import cl.compraagil.subscription.account.SubscriptionStatus;
import cl.compraagil.subscription.billing.BillingNotifications;
import cl.compraagil.subscription.billing.BillingProperties;
import cl.compraagil.subscription.payment.InvoiceOutcome;
import cl.compraagil.subscription.payment.PaymentRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Invoice outcomes: each invoice is one payment row; a paid invoice ends dunning, a failed one starts it
 * (past_due with a grace period, then restricted by {@code GracePeriodEnforcer}).
 */
@Component
class InvoiceSync {

    private static final Logger log = LoggerFactory.getLogger(InvoiceSync.class);

    private final SubscriptionLocator locator;
    private final PaymentRepository payments;
    private final BillingNotifications notifications;
    private final BillingProperties properties;
    private final Clock clock;

    InvoiceSync(SubscriptionLocator locator, PaymentRepository payments, BillingNotifications notifications,
            BillingProperties properties, Clock clock) {
        this.locator = locator;
        this.payments = payments;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    void paid(StripeEvent event) {
        JsonNode invoice = event.object();
        String stripeSubscription = StripeJson.invoiceSubscription(invoice);
        Optional<Subscription> found = locate(event, stripeSubscription);
        if (found.isEmpty()) {
            return;
        }
        Subscription s = found.get();
        long amount = invoice.path("amount_paid").asLong(0);
        String currency = currency(invoice);
        payments.recordInvoice(outcome(s, event, amount, currency, "succeeded"));
        if (locator.isNewer(s, event) && follows(s, stripeSubscription)) {
            Subscription next = s.withStripeStateAt(event.created());
            if (s.status() == SubscriptionStatus.PAST_DUE || s.restricted()) {
                next = next.withStatus(SubscriptionStatus.ACTIVE, null);
            }
            JsonNode period = invoice.path("lines").path("data").path(0).path("period");
            Instant start = StripeJson.time(period, "start");
            Instant end = StripeJson.time(period, "end");
            if (start != null && end != null) {
                next = next.withPeriod(start, end, s.trialEnd());
            }
            locator.apply(s, next);
            s = next;
        }
        notifications.paymentSucceeded(s, amount, currency, event.text("id"));
    }

    void failed(StripeEvent event) {
        JsonNode invoice = event.object();
        String stripeSubscription = StripeJson.invoiceSubscription(invoice);
        Optional<Subscription> found = locate(event, stripeSubscription);
        if (found.isEmpty()) {
            return;
        }
        Subscription s = found.get();
        long amount = invoice.path("amount_due").asLong(0);
        String currency = currency(invoice);
        payments.recordInvoice(outcome(s, event, amount, currency, "failed"));
        if (!locator.isNewer(s, event) || !follows(s, stripeSubscription)) {
            return;
        }
        Subscription next = s.withStripeStateAt(event.created());
        if (s.status() == SubscriptionStatus.ACTIVE || s.status() == SubscriptionStatus.TRIALING) {
            next = next.withStatus(SubscriptionStatus.PAST_DUE, clock.instant().plus(properties.dunning().gracePeriod()));
        }
        locator.apply(s, next);
        notifications.paymentFailed(next, amount, currency, event.text("id"), next.graceUntil(),
                invoice.path("attempt_count").asInt(1));
    }

    private Optional<Subscription> locate(StripeEvent event, String stripeSubscription) {
        Optional<Subscription> found = locator.forStripeSubscription(stripeSubscription, event.text("customer"),
                StripeJson.userId(event.object().path("parent").path("subscription_details")));
        if (found.isEmpty()) {
            log.warn("Stripe invoice {} belongs to no known subscription; event {} ignored", event.text("id"), event.id());
        }
        return found;
    }

    /** The invoice is for the Stripe subscription this user's entitlements follow (or the first one being linked). */
    private static boolean follows(Subscription s, String stripeSubscription) {
        return stripeSubscription == null || s.stripeSubscriptionId() == null || stripeSubscription.equals(s.stripeSubscriptionId());
    }

    private static InvoiceOutcome outcome(Subscription s, StripeEvent event, long amount, String currency, String status) {
        String interval = "yearly".equals(s.billingInterval()) ? "anual" : "mensual";
        return new InvoiceOutcome(s.userId(), s.id(), amount, currency, status, s.plan().name(), event.text("id"),
                event.text("payment_intent"), "Plan " + s.plan().displayName() + " (" + interval + ")");
    }

    private static String currency(JsonNode invoice) {
        String currency = StripeJson.text(invoice, "currency");
        return currency == null ? "clp" : currency.toLowerCase(Locale.ROOT);
    }
}
