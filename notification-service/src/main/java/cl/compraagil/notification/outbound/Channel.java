package cl.compraagil.notification.outbound;

/** Channels whose messages leave the service through a provider and therefore go through the send queue. */
public enum Channel {
    EMAIL, TELEGRAM;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
