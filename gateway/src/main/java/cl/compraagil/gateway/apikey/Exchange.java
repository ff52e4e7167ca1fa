package cl.compraagil.gateway.apikey;

import java.time.Duration;

/** The outcome of presenting an API key to auth-service. */
sealed interface Exchange {

    record Granted(String accessToken, Duration cacheFor) implements Exchange {
    }

    record Rejected() implements Exchange {
    }

    /** The key is valid but its owner's plan no longer includes API access. */
    record PlanRequired() implements Exchange {
    }

    record Unavailable(Throwable cause) implements Exchange {
    }
}
