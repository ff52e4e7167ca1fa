package cl.compraagil.notification.outbound;

import cl.compraagil.notification.contact.UserContacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the send queue: leases due messages, sends each through its provider, and records the outcome.
 * Transient failures retry on a growing schedule (honouring Retry-After / retry_after); permanent ones stop.
 */
@Component
@ConditionalOnProperty(prefix = "notification.outbound", name = "dispatcher-enabled", havingValue = "true", matchIfMissing = true)
class OutboundDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboundDispatcher.class);

    private final OutboundMessages queue;
    private final EmailSender email;
    private final TelegramSender telegram;
    private final TelegramPacer pacer;
    private final UserContacts contacts;
    private final OutboundProperties properties;
    private final TransactionTemplate transactions;

    OutboundDispatcher(OutboundMessages queue, EmailSender email, TelegramSender telegram, TelegramPacer pacer,
            UserContacts contacts, OutboundProperties properties, TransactionTemplate transactions) {
        this.queue = queue;
        this.email = email;
        this.telegram = telegram;
        this.pacer = pacer;
        this.contacts = contacts;
        this.properties = properties;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${notification.outbound.poll-interval:1s}")
    void tick() {
        List<QueuedMessage> batch;
        do {
            batch = transactions.execute(status -> queue.claimDue(properties.batchSize(), properties.lease()));
            if (batch == null) {
                return;
            }
            batch.forEach(this::dispatchSafely);
        } while (batch.size() == properties.batchSize());
    }

    private void dispatchSafely(QueuedMessage message) {
        try {
            dispatch(message);
        } catch (RuntimeException e) {
            log.warn("Message {} could not be dispatched; its lease expires and it is retried: {}", message.id(), e.getMessage());
        }
    }

    private void dispatch(QueuedMessage message) {
        SendResult result;
        if (message.channel() == Channel.TELEGRAM) {
            long chat = Long.parseLong(message.recipient());
            Duration wait = pacer.reserve(chat);
            if (wait.isNegative() || wait.isZero()) {
                sleep(wait.negated());
            } else {
                queue.retryAt(message, Instant.now().plus(wait), "Esperando el ritmo permitido por Telegram", false);
                return;
            }
            result = telegram.send(message);
            if (result instanceof SendResult.Transient t && t.retryAfter() != null) {
                pacer.backOff(chat, t.retryAfter());
            }
        } else {
            result = email.send(message);
        }
        record(message, result);
    }

    private void record(QueuedMessage message, SendResult result) {
        if (result instanceof SendResult.Sent sent) {
            queue.markSent(message, sent.providerId());
        } else if (result instanceof SendResult.Permanent permanent) {
            log.info("Message {} ({}) failed permanently: {}", message.id(), message.channel(), permanent.error());
            queue.markFailed(message, permanent.error());
        } else if (result instanceof SendResult.Unreachable unreachable) {
            contacts.markTelegramUnreachable(Long.parseLong(message.recipient()));
            queue.markFailed(message, unreachable.error());
        } else if (result instanceof SendResult.Transient failure) {
            retry(message, failure);
        }
    }

    private void retry(QueuedMessage message, SendResult.Transient failure) {
        List<Duration> schedule = properties.retrySchedule();
        if (message.attempts() >= schedule.size()) {
            queue.markFailed(message, failure.error());
            return;
        }
        // A provider that says when to come back (Telegram's retry_after, SendGrid's Retry-After) is taken at its word.
        Duration delay = failure.retryAfter() != null ? failure.retryAfter() : schedule.get(message.attempts());
        queue.retryAt(message, Instant.now().plus(delay), failure.error(), true);
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
