package cl.compraagil.notification.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway V2: encrypts the signing secrets that V1 stored as issued ({@code whsec_...}) with the current key of
 * {@code WEBHOOK_SECRET_KEYS}. A Java migration because the key comes from the environment, never from SQL.
 */
@Component
class EncryptWebhookSecretsMigration implements JavaMigration {

    private final SecretCipher cipher;

    EncryptWebhookSecretsMigration(SecretCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "encrypt webhook secrets";
    }

    @Override
    public Integer getChecksum() {
        return 2;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement(
                     "SELECT id, secret, previous_secret FROM webhook_endpoints WHERE secret LIKE 'whsec\\_%' OR previous_secret LIKE 'whsec\\_%'");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE webhook_endpoints SET secret = ?, previous_secret = ? WHERE id = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                update.setString(1, encrypted(rows.getString("secret")));
                update.setString(2, encrypted(rows.getString("previous_secret")));
                update.setLong(3, rows.getLong("id"));
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private String encrypted(String value) {
        return value != null && value.startsWith(WebhookSigner.PREFIX) ? cipher.encrypt(value) : value;
    }
}
