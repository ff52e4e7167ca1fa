package cl.compraagil.subscription.billing.local;

import cl.compraagil.subscription.billing.BillingInterval;
import cl.compraagil.subscription.billing.CheckoutSessionRecord;
import cl.compraagil.subscription.plan.Plan;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the events Stripe sends after a paid Checkout in mode subscription, in Stripe's JSON shape:
 * {@code customer.subscription.created}, {@code checkout.session.completed} and {@code invoice.paid}.
 */
final class LocalStripeEvents {

    private final ObjectMapper mapper;

    LocalStripeEvents(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<String> afterPayment(CheckoutSessionRecord session, Plan plan, String customerId, Instant now) {
        String subscriptionId = "sub_local_" + random();
        long start = now.getEpochSecond();
        long end = periodEnd(now, session.interval()).getEpochSecond();
        ObjectNode metadata = mapper.createObjectNode()
                .put("user_id", Long.toString(session.userId()))
                .put("plan", plan.name())
                .put("interval", session.interval().value());
        return List.of(
                event("customer.subscription.created", start, subscription(subscriptionId, customerId, session, plan, metadata, start, end)),
                event("checkout.session.completed", start, checkoutSession(session, customerId, subscriptionId, metadata)),
                event("invoice.paid", start, invoice(session, customerId, subscriptionId, start, end)));
    }

    private ObjectNode subscription(String id, String customerId, CheckoutSessionRecord session, Plan plan,
            ObjectNode metadata, long start, long end) {
        ObjectNode price = mapper.createObjectNode()
                .put("id", "price_local_" + plan.name() + "_" + session.interval().value())
                .put("object", "price").put("currency", "clp").put("unit_amount", session.amount());
        price.putObject("recurring").put("interval", session.interval().stripeInterval());
        ObjectNode item = mapper.createObjectNode().put("id", "si_local_" + random()).put("object", "subscription_item")
                .put("current_period_start", start).put("current_period_end", end);
        item.set("price", price);
        ObjectNode subscription = mapper.createObjectNode()
                .put("id", id).put("object", "subscription").put("customer", customerId).put("status", "active")
                .put("cancel_at_period_end", false).put("created", start).put("currency", "clp")
                .put("current_period_start", start).put("current_period_end", end);
        subscription.putObject("items").put("object", "list").putArray("data").add(item);
        subscription.set("metadata", metadata.deepCopy());
        return subscription;
    }

    private ObjectNode checkoutSession(CheckoutSessionRecord session, String customerId, String subscriptionId, ObjectNode metadata) {
        ObjectNode object = mapper.createObjectNode()
                .put("id", session.id()).put("object", "checkout.session").put("mode", "subscription")
                .put("status", "complete").put("payment_status", "paid")
                .put("client_reference_id", Long.toString(session.userId()))
                .put("customer", customerId).put("subscription", subscriptionId)
                .put("amount_total", session.amount()).put("currency", "clp");
        object.set("metadata", metadata.deepCopy());
        return object;
    }

    private ObjectNode invoice(CheckoutSessionRecord session, String customerId, String subscriptionId, long start, long end) {
        ObjectNode invoice = mapper.createObjectNode()
                .put("id", "in_local_" + random()).put("object", "invoice").put("customer", customerId)
                .put("subscription", subscriptionId).put("status", "paid").put("billing_reason", "subscription_create")
                .put("amount_due", session.amount()).put("amount_paid", session.amount()).put("currency", "clp")
                .put("payment_intent", "pi_local_" + random()).put("attempt_count", 1).put("created", start);
        invoice.putObject("parent").put("type", "subscription_details")
                .putObject("subscription_details").put("subscription", subscriptionId);
        ObjectNode line = mapper.createObjectNode().put("amount", session.amount());
        line.putObject("period").put("start", start).put("end", end);
        invoice.putObject("lines").put("object", "list").putArray("data").add(line);
        return invoice;
    }

    private String event(String type, long created, ObjectNode object) {
        ObjectNode event = mapper.createObjectNode()
                .put("id", "evt_local_" + random()).put("object", "event").put("type", type)
                .put("created", created).put("livemode", false).put("pending_webhooks", 1);
        event.putObject("data").set("object", object);
        return mapper.writeValueAsString(event);
    }

    private static Instant periodEnd(Instant start, BillingInterval interval) {
        var date = start.atOffset(ZoneOffset.UTC);
        return (interval.yearly() ? date.plusYears(1) : date.plusMonths(1)).toInstant();
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
