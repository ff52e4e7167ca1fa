package cl.compraagil.subscription.billing.local;

import cl.compraagil.subscription.account.Subscription;
import cl.compraagil.subscription.account.SubscriptionRepository;
import cl.compraagil.subscription.billing.BillingProperties;
import cl.compraagil.subscription.billing.CheckoutSessionRecord;
import cl.compraagil.subscription.billing.CheckoutSessions;
import cl.compraagil.subscription.billing.LocalBillingCondition;
import cl.compraagil.subscription.plan.Plan;
import cl.compraagil.subscription.plan.PlanCatalog;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** The local checkout page (no Stripe credentials): shows the purchase and, on "Pagar", emits Stripe's events. */
@RestController
@Hidden
@Conditional(LocalBillingCondition.class)
class LocalCheckoutController {

    private final CheckoutSessions sessions;
    private final PlanCatalog plans;
    private final SubscriptionRepository subscriptions;
    private final BillingProperties properties;
    private final LocalStripeEvents events;
    private final LocalWebhookSender sender;
    private final Clock clock;

    LocalCheckoutController(CheckoutSessions sessions, PlanCatalog plans, SubscriptionRepository subscriptions,
            BillingProperties properties, ObjectMapper mapper, Clock clock) {
        this.sessions = sessions;
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.events = new LocalStripeEvents(mapper);
        this.sender = new LocalWebhookSender(properties.gatewayUrl(), properties.webhookSecret());
        this.clock = clock;
    }

    @GetMapping(path = LocalBillingProvider.CHECKOUT_PATH + "{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String id) {
        Optional<CheckoutSessionRecord> session = sessions.byId(id).filter(s -> s.open(clock.instant()));
        if (session.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, LocalPages.message("Sesión de pago no encontrada",
                    "Esta sesión de pago no existe, ya fue pagada o expiró."));
        }
        Plan plan = plans.byId(session.get().planId());
        return html(HttpStatus.OK, LocalPages.checkout(session.get(), plan, properties.checkout().cancelUrl()));
    }

    @PostMapping(path = LocalBillingProvider.CHECKOUT_PATH + "{id}/pay", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> pay(@PathVariable String id) {
        Optional<CheckoutSessionRecord> found = sessions.byId(id);
        if (found.isEmpty() || !sessions.claimForPayment(id)) {
            return html(HttpStatus.NOT_FOUND, LocalPages.message("Sesión de pago no disponible",
                    "Esta sesión de pago no existe, ya fue pagada o expiró."));
        }
        CheckoutSessionRecord session = found.get();
        String customer = subscriptions.byUser(session.userId()).map(Subscription::stripeCustomerId)
                .orElse(null);
        if (customer == null) {
            customer = "cus_local_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        }
        List<String> stripeEvents = events.afterPayment(session, plans.byId(session.planId()), customer, clock.instant());
        try {
            stripeEvents.forEach(sender::send);
        } catch (RuntimeException e) {
            sessions.reopen(id);
            throw e;
        }
        String success = properties.checkout().successUrl().replace("{CHECKOUT_SESSION_ID}", id);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(success)).build();
    }

    @GetMapping(path = LocalBillingProvider.PORTAL_PATH + "{customer}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> portal(@PathVariable String customer) {
        return html(HttpStatus.OK, LocalPages.portal(properties.checkout().portalReturnUrl()));
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(body);
    }
}
