package cl.compraagil.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an attempt and decides what comes next: done on 2xx; endpoint disabled on 410 or after failing for
 * days; otherwise another try on the retry schedule with jitter, never sooner than the receiver's Retry-After.
 */
@Component
class DeliveryOutcomes {

    private final WebhookMessageRepository messages;
    private final WebhookEndpointRepository endpoints;
    private final EndpointNotices notices;
    private final WebhookProperties properties;

    DeliveryOutcomes(WebhookMessageRepository messages, WebhookEndpointRepository endpoints, EndpointNotices notices,
            WebhookProperties properties) {
        this.messages = messages;
        this.endpoints = endpoints;
        this.notices = notices;
        this.properties = properties;
    }

    /** One attempt's outcome, as the dispatcher hands it over. */
    record Outcome(WebhookMessage message, DeliveryAttempt attempt) {
    }

    /** Records a batch of attempts in one transaction: successes in bulk, failures one by one. */
    @Transactional
    public void recordAll(List<Outcome> outcomes) {
        List<WebhookMessage> delivered = new java.util.ArrayList<>();
        List<DeliveryAttempt> successes = new java.util.ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.attempt().success()) {
                delivered.add(outcome.message());
                successes.add(outcome.attempt());
                if (outcome.message().endpointFailing()) {
                    endpoints.markHealthy(outcome.message().endpointId());
                }
            } else {
                recordFailure(outcome.message(), outcome.attempt());
            }
        }
        if (!delivered.isEmpty()) {
            messages.succeededAll(delivered, successes);
        }
    }

    private void recordFailure(WebhookMessage message, DeliveryAttempt attempt) {
        messages.logAttempt(message, attempt);
        if (attempt.blocked()) {
            messages.failed(message);
            return;
        }
        if (attempt.gone()) {
            messages.failed(message);
            disable(message, "gone");
            return;
        }
        Instant failingSince = endpoints.markFailing(message.endpointId());
        if (failingSince.isBefore(Instant.now().minus(properties.disableAfter()))) {
            messages.failed(message);
            disable(message, "failing");
            return;
        }
        List<Duration> schedule = properties.retrySchedule();
        if (message.attempts() >= schedule.size()) {
            messages.failed(message);
            return;
        }
        messages.retryAt(message, Instant.now().plus(nextDelay(schedule.get(message.attempts()), attempt.retryAfter())));
    }

    private void disable(WebhookMessage message, String reason) {
        endpoints.disable(message.endpointId(), reason);
        notices.disabled(message.userId(), message.endpointId(), message.url(), reason);
    }

    Duration nextDelay(Duration scheduled, Duration retryAfter) {
        double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * properties.jitter();
        Duration delay = Duration.ofMillis(Math.max(0, Math.round(scheduled.toMillis() * factor)));
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
}
