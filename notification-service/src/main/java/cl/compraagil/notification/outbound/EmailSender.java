package cl.compraagil.notification.outbound;

/** Sends one queued email through the provider {@code EMAIL_PROVIDER} chose. */
interface EmailSender {

    SendResult send(QueuedMessage message);
}
