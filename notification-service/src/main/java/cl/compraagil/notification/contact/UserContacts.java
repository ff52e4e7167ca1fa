package cl.compraagil.notification.contact;

import cl.compraagil.notification.events.UserErasure;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The contact book of this service, kept up to date from auth-service events. */
@Repository
public class UserContacts implements UserErasure {

    private final JdbcClient jdbc;

    public UserContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Contact> find(long userId) {
        return jdbc.sql("""
                SELECT user_id, email, full_name, company_name, telegram_id, telegram_unreachable_at IS NULL AS reachable
                FROM user_contacts WHERE user_id = :id
                """)
                .param("id", userId)
                .query((rs, n) -> new Contact(rs.getLong("user_id"), rs.getString("email"), rs.getString("full_name"),
                        rs.getString("company_name"), (Long) rs.getObject("telegram_id", Long.class), rs.getBoolean("reachable")))
                .optional();
    }

    void saveRegistered(long userId, String email, String fullName, String companyName) {
        jdbc.sql("""
                INSERT INTO user_contacts (user_id, email, full_name, company_name)
                VALUES (:id, :email, :name, :company)
                ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, full_name = EXCLUDED.full_name,
                    company_name = EXCLUDED.company_name, updated_at = now()
                """)
                .param("id", userId).param("email", email).param("name", fullName).param("company", companyName)
                .update();
    }

    /** Updates the address an auth event carries, creating the contact if registration was never seen. */
    void saveEmail(long userId, String email, String fullName) {
        jdbc.sql("""
                INSERT INTO user_contacts (user_id, email, full_name) VALUES (:id, :email, :name)
                ON CONFLICT (user_id) DO UPDATE SET email = COALESCE(EXCLUDED.email, user_contacts.email),
                    full_name = COALESCE(EXCLUDED.full_name, user_contacts.full_name), updated_at = now()
                """)
                .param("id", userId).param("email", email).param("name", fullName)
                .update();
    }

    void linkTelegram(long userId, long telegramId) {
        jdbc.sql("""
                INSERT INTO user_contacts (user_id, telegram_id) VALUES (:id, :telegram)
                ON CONFLICT (user_id) DO UPDATE SET telegram_id = EXCLUDED.telegram_id,
                    telegram_unreachable_at = NULL, updated_at = now()
                """)
                .param("id", userId).param("telegram", telegramId)
                .update();
    }

    void unlinkTelegram(long userId) {
        jdbc.sql("UPDATE user_contacts SET telegram_id = NULL, telegram_unreachable_at = NULL, updated_at = now() WHERE user_id = :id")
                .param("id", userId).update();
    }

    /** The user blocked the bot (Telegram answered 403): stop sending until the chat is linked again. */
    public void markTelegramUnreachable(long telegramId) {
        jdbc.sql("UPDATE user_contacts SET telegram_unreachable_at = now(), updated_at = now() WHERE telegram_id = :telegram")
                .param("telegram", telegramId).update();
    }

    @Override
    public void eraseUser(long userId) {
        jdbc.sql("DELETE FROM user_contacts WHERE user_id = :id").param("id", userId).update();
    }
}
