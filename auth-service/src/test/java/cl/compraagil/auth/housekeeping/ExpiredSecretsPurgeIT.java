package cl.compraagil.auth.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import cl.compraagil.auth.AuthServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ExpiredSecretsPurgeIT extends AuthServiceTest {

    @Autowired ExpiredSecretsPurge purge;

    private long refreshTokens(long userId) {
        return jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE user_id = :id").param("id", userId).query(Long.class).single();
    }

    @Test
    void deadRefreshTokensAreDeletedAndLiveOnesKept() throws Exception {
        Registered ana = newUser();
        Registered bruno = newUser();
        jdbc.sql("UPDATE refresh_tokens SET expires_at = now() - interval '2 days', idle_expires_at = now() - interval '2 days'"
                + " WHERE user_id = :id").param("id", ana.id()).update();
        purge.purge();
        assertThat(refreshTokens(ana.id())).isZero();
        assertThat(refreshTokens(bruno.id())).isEqualTo(1);
    }
}
