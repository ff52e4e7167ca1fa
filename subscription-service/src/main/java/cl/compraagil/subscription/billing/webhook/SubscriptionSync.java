package cl.compraagil.subscription.billing.webhook;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.subscription.account.Subscription;
import cl.compraagil.subscription.account.SubscriptionStatus;
import cl.compraagil.subscription.billing.BillingInterval;
import cl.compraagil.subscription.billing.BillingNotifications;
import cl.compraagil.subscription.billing.BillingProperties;
import cl.compraagil.subscription.billing.CheckoutSessions;
import cl.compraagil.subscription.plan.Plan;
import cl.compraagil.subscription.plan.PlanCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Derives the local subscription from Stripe's checkout-session and subscription objects. An event older than
 * the newest one already applied changes nothing, whatever order Stripe delivers them in.
 */
@Component
class SubscriptionSync {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionSync.class);
    private static final Set<String> PAID_SESSION = Set.of("paid", "no_payment_required");

    private final SubscriptionLocator locator;
    private final PlanCatalog plans;
    private final CheckoutSessions sessions;
    private final BillingNotifications notifications;
    private final BillingProperties properties;
    private final Clock clock;

    SubscriptionSync(SubscriptionLocator locator, PlanCatalog plans, CheckoutSessions sessions,
            BillingNotifications notifications, BillingProperties properties, Clock clock) {
        this.locator = locator;
        this.plans = plans;
        this.sessions = sessions;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    void checkoutCompleted(StripeEvent event) {
        JsonNode session = event.object();
        if (!"subscription".equals(event.text("mode"))) {
            return;
        }
        sessions.markCompleted(event.text("id"));
        Long userId = userId(session);
        if (userId == null) {
            log.warn("checkout.session.completed {} names no user; ignored", event.id());
            return;
        }
        Subscription s = locator.byUser(userId).orElseThrow(SubscriptionSync::pending);
        String stripeSubscription = event.text("subscription");
        if (!locator.isNewer(s, event)) {
            return;
        }
        Subscription next = s.withStripe(event.text("customer"), stripeSubscription);
        boolean alreadyFollowed = stripeSubscription != null && stripeSubscription.equals(s.stripeSubscriptionId()) && s.isPaid();
        if (PAID_SESSION.contains(event.text("payment_status")) && !alreadyFollowed) {
            Plan plan = planFrom(session).orElse(s.plan());
            next = next.withPlan(plan, intervalFrom(session, null)).withStatus(SubscriptionStatus.ACTIVE, null)
                    .withCancelAtPeriodEnd(false);
        }
        locator.apply(s, next.withStripeStateAt(event.created()));
    }

    void subscriptionChanged(StripeEvent event) {
        JsonNode object = event.object();
        String id = event.text("id");
        Optional<Subscription> found = locator.forStripeSubscription(id, event.text("customer"), StripeJson.userId(object));
        if (found.isEmpty()) {
            if (StripeJson.userId(object) != null) {
                throw pending();
            }
            log.warn("Stripe subscription {} belongs to no known user; event {} ignored", id, event.id());
            return;
        }
        Subscription s = found.get();
        String stripeStatus = event.text("status");
        boolean sameSubscription = id.equals(s.stripeSubscriptionId()) || s.stripeSubscriptionId() == null;
        if (!locator.isNewer(s, event) || (!sameSubscription && StripeStatusMapping.endsPaidAccess(stripeStatus))) {
            return;
        }
        if (StripeStatusMapping.endsPaidAccess(stripeStatus)) {
            locator.apply(s, s.backToFree(plans.free()).withStripeStateAt(event.created()));
            return;
        }
        Subscription next = s.withStripe(event.text("customer"), id).withStripeStateAt(event.created());
        SubscriptionStatus status = StripeStatusMapping.of(stripeStatus);
        if (status != null) {
            next = next.withPlan(planFrom(object).orElse(s.plan()), intervalFrom(object, s.billingInterval()))
                    .withStatus(status(s, status), grace(s, status))
                    .withPeriod(StripeJson.periodStart(object), StripeJson.periodEnd(object), StripeJson.time(object, "trial_end"))
                    .withCancelAtPeriodEnd(object.path("cancel_at_period_end").asBoolean(false));
        }
        locator.apply(s, next);
    }

    void subscriptionDeleted(StripeEvent event) {
        String id = event.text("id");
        Optional<Subscription> found = locator.forStripeSubscription(id, event.text("customer"), StripeJson.userId(event.object()));
        if (found.isEmpty()) {
            return;
        }
        Subscription s = found.get();
        if (locator.isNewer(s, event) && (id.equals(s.stripeSubscriptionId()) || s.stripeSubscriptionId() == null)) {
            locator.apply(s, s.backToFree(plans.free()).withStripeStateAt(event.created()));
        }
    }

    void trialWillEnd(StripeEvent event) {
        locator.forStripeSubscription(event.text("id"), event.text("customer"), StripeJson.userId(event.object()))
                .ifPresent(s -> notifications.trialWillEnd(s, StripeJson.time(event.object(), "trial_end")));
    }

    /** A restricted user stays restricted until a payment succeeds; past_due keeps its first grace deadline. */
    private static SubscriptionStatus status(Subscription current, SubscriptionStatus incoming) {
        return incoming == SubscriptionStatus.PAST_DUE && current.restricted() ? SubscriptionStatus.RESTRICTED : incoming;
    }

    private Instant grace(Subscription current, SubscriptionStatus incoming) {
        if (incoming != SubscriptionStatus.PAST_DUE) {
            return null;
        }
        return current.graceUntil() != null ? current.graceUntil()
                : clock.instant().plus(properties.dunning().gracePeriod());
    }

    private Optional<Plan> planFrom(JsonNode object) {
        String name = StripeJson.text(object.path("metadata"), "plan");
        if (name != null) {
            Optional<Plan> plan = plans.byName(name).filter(p -> !p.isFree());
            if (plan.isPresent()) {
                return plan;
            }
        }
        String price = StripeJson.text(StripeJson.firstItem(object).path("price"), "id");
        return price == null ? Optional.empty() : plans.byStripePrice(price);
    }

    private static String intervalFrom(JsonNode object, String fallback) {
        BillingInterval interval = BillingInterval.fromAny(StripeJson.text(object.path("metadata"), "interval"));
        if (interval == null) {
            interval = BillingInterval.fromAny(StripeJson.text(StripeJson.firstItem(object).path("price").path("recurring"), "interval"));
        }
        return interval == null ? fallback : interval.value();
    }

    private static Long userId(JsonNode session) {
        String reference = StripeJson.text(session, "client_reference_id");
        if (reference != null && reference.matches("\\d{1,18}")) {
            return Long.valueOf(reference);
        }
        return StripeJson.userId(session);
    }

    /** Answered 503, so Stripe retries once user.registered has created the subscription. */
    static ApiProblem pending() {
        return ApiProblem.unavailable("subscription_pending", "La suscripción del usuario aún no existe; reintenta más tarde.");
    }
}
