package cl.compraagil.subscription.billing.webhook;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A verified Stripe event: its id, type, creation time and the object it carries (Stripe's JSON). */
record StripeEvent(String id, String type, Instant created, JsonNode object) {

    String text(String field) {
        return StripeJson.text(object, field);
    }
}
