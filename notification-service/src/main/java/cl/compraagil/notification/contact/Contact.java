package cl.compraagil.notification.contact;

/** How to reach a user: the address and Telegram chat auth-service told us about. */
public record Contact(long userId, String email, String fullName, String companyName, Long telegramId,
        boolean telegramReachable) {

    /** The name to greet the user with in messages. */
    public String greetingName() {
        if (fullName == null || fullName.isBlank()) {
            return "";
        }
        return fullName.trim().split("\\s+")[0];
    }

    public boolean hasTelegram() {
        return telegramId != null && telegramReachable;
    }
}
