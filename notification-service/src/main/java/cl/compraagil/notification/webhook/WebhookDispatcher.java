package cl.compraagil.notification.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued webhook messages in parallel: leases a batch, checks each destination against the SSRF guard
 * again (DNS may have changed since registration), signs and posts it, and records the outcome.
 */
@Component
@ConditionalOnProperty(prefix = "notification.webhooks", name = "dispatcher-enabled", havingValue = "true", matchIfMissing = true)
class WebhookDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookMessageRepository messages;
    private final WebhookSender sender;
    private final SsrfGuard guard;
    private final DeliveryOutcomes outcomes;
    private final WebhookProperties properties;
    private final TransactionTemplate transactions;
    private final ExecutorService pool;

    WebhookDispatcher(WebhookMessageRepository messages, WebhookSender sender,
            SsrfGuard guard, DeliveryOutcomes outcomes, WebhookProperties properties, TransactionTemplate transactions) {
        this.messages = messages;
        this.sender = sender;
        this.guard = guard;
        this.outcomes = outcomes;
        this.properties = properties;
        this.transactions = transactions;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-delivery-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(fixedDelayString = "${notification.webhooks.poll-interval:1s}")
    void tick() throws InterruptedException {
        List<WebhookMessage> batch;
        do {
            batch = transactions.execute(status -> messages.claimDue(properties.batchSize(), properties.lease()));
            if (batch == null || batch.isEmpty()) {
                return;
            }
            List<Callable<DeliveryOutcomes.Outcome>> tasks = batch.stream()
                    .map(message -> (Callable<DeliveryOutcomes.Outcome>) () -> deliver(message)).toList();
            List<DeliveryOutcomes.Outcome> results = new ArrayList<>(batch.size());
            for (Future<DeliveryOutcomes.Outcome> future : pool.invokeAll(tasks)) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    log.warn("A webhook delivery failed unexpectedly; its lease expires and it is retried: {}", e.getCause().getMessage());
                }
            }
            outcomes.recordAll(results);
        } while (batch.size() == properties.batchSize());
    }

    /** Sends one message; the SSRF guard runs again because the name may resolve elsewhere since registration. */
    DeliveryOutcomes.Outcome deliver(WebhookMessage message) {
        URI url = URI.create(message.url());
        String refusal = guard.refusal(url);
        DeliveryAttempt attempt = refusal == null
                ? sender.send(url, message.signingSecrets(Instant.now()), message.msgId(), message.payload())
                : DeliveryAttempt.blocked(refusal);
        return new DeliveryOutcomes.Outcome(message, attempt);
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
