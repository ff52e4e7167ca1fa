package cl.compraagil.notification.outbound;

/** A leased row of the send queue. */
record QueuedMessage(long id, Long userId, Channel channel, String recipient, String subject, String body, boolean sensitive,
        int attempts) {
}
