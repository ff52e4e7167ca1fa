package cl.compraagil.subscription.billing;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import cl.compraagil.subscription.account.Subscription;
import cl.compraagil.subscription.account.SubscriptionRepository;
import cl.compraagil.subscription.plan.Plan;
import cl.compraagil.subscription.plan.PlanCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Opens a checkout session for a paid plan, once per idempotency key. */
@Service
class CheckoutService {

    private final PlanCatalog plans;
    private final SubscriptionRepository subscriptions;
    private final CheckoutSessions sessions;
    private final BillingProvider provider;
    private final BillingProperties properties;
    private final Clock clock;

    CheckoutService(PlanCatalog plans, SubscriptionRepository subscriptions, CheckoutSessions sessions,
            BillingProvider provider, BillingProperties properties, Clock clock) {
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.sessions = sessions;
        this.provider = provider;
        this.properties = properties;
        this.clock = clock;
    }

    CheckoutView checkout(AuthenticatedUser caller, CheckoutBody body, String idempotencyKey) {
        Plan plan = plans.byName(body.plan()).filter(Plan::active)
                .orElseThrow(() -> ApiProblem.badRequest("unknown_plan", "El plan '" + body.plan() + "' no existe."));
        BillingInterval interval = BillingInterval.of(body.interval());
        Integer amount = plan.price(interval.yearly());
        if (plan.isFree() || amount == null || amount <= 0) {
            throw ApiProblem.badRequest("plan_not_purchasable", "El plan " + plan.displayName()
                    + " no se puede contratar con pago " + (interval.yearly() ? "anual." : "mensual."));
        }
        Subscription current = subscriptions.byUser(caller.id()).orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT,
                "subscription_pending", "Tu cuenta aún se está preparando; intenta nuevamente en unos segundos."));
        if (current.isPaid() && current.stripeSubscriptionId() != null) {
            throw ApiProblem.conflict("already_subscribed",
                    "Ya tienes una suscripción pagada; cambia de plan desde el portal de facturación.");
        }
        String key = idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey;
        var existing = sessions.byIdempotencyKey(caller.id(), key);
        if (existing.isPresent()) {
            return replay(existing.get(), plan, interval);
        }
        Instant expiresAt = clock.instant().plus(properties.checkout().sessionTtl());
        BillingProvider.CheckoutSession session = provider.createCheckout(new BillingProvider.CheckoutRequest(caller.id(),
                current.contact().email() != null ? current.contact().email() : caller.email(),
                current.stripeCustomerId(), plan, interval, amount, "checkout-" + caller.id() + "-" + key,
                properties.checkout().successUrl(), properties.checkout().cancelUrl(), expiresAt));
        sessions.insert(new CheckoutSessionRecord(session.id(), caller.id(), plan.id(), interval, amount, session.url(), key,
                "open", expiresAt));
        return new CheckoutView(session.id(), session.url(), plan.name(), interval.value(), amount, "CLP", expiresAt);
    }

    private CheckoutView replay(CheckoutSessionRecord session, Plan plan, BillingInterval interval) {
        if (session.planId() != plan.id() || session.interval() != interval) {
            throw ApiProblem.conflict("idempotency_key_reused",
                    "La clave de idempotencia ya se usó para otra compra; usa una clave nueva.");
        }
        return new CheckoutView(session.id(), session.url(), plan.name(), interval.value(), session.amount(), "CLP",
                session.expiresAt());
    }
}
