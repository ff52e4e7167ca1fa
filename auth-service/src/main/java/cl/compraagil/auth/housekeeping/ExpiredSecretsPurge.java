package cl.compraagil.auth.housekeeping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes dead secrets hourly so the token tables stay small: refresh tokens past their absolute end, used or
 * expired one-time tokens, old invitations, and signing keys no longer published. Idempotent, so every replica
 * may run it.
 */
@Component
class ExpiredSecretsPurge {

    private static final Logger log = LoggerFactory.getLogger(ExpiredSecretsPurge.class);

    private final JdbcClient jdbc;

    ExpiredSecretsPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void purge() {
        try {
            int refresh = jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day'").update();
            int oneTime = jdbc.sql("""
                    DELETE FROM one_time_tokens
                    WHERE expires_at < now() - interval '1 day' OR used_at < now() - interval '1 day'
                    """).update();
            int invitations = jdbc.sql("DELETE FROM organization_invitations WHERE expires_at < now() - interval '30 days'")
                    .update();
            int keys = jdbc.sql("DELETE FROM signing_keys WHERE published_until < now() - interval '1 day'").update();
            log.info("Purged {} refresh tokens, {} one-time tokens, {} invitations, {} signing keys",
                    refresh, oneTime, invitations, keys);
        } catch (RuntimeException e) {
            log.warn("Purge of expired secrets failed, retried next hour: {}", e.getMessage());
        }
    }
}
