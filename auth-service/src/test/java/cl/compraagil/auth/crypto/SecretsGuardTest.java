package cl.compraagil.auth.crypto;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SecretsGuardTest {

    private static final String STRONG = "x".repeat(32);

    @Test
    void productionProfilesRefuseToStartWithoutSecrets() {
        for (String profile : new String[] {"prod", "k8s"}) {
            MockEnvironment environment = new MockEnvironment();
            environment.setActiveProfiles(profile);
            assertThatThrownBy(() -> new SecretsGuard(new AuthSecrets(null, STRONG, STRONG), environment))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("AUTH_KEY_ENCRYPTION_SECRET");
            assertThatThrownBy(() -> new SecretsGuard(new AuthSecrets(STRONG, "corto", STRONG), environment))
                    .hasMessageContaining("AUTH_API_KEY_HMAC_SECRET");
        }
    }

    @Test
    void productionStartsWithStrongSecretsAndLocalRunsWithDevelopmentOnes() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        assertThatCode(() -> new SecretsGuard(new AuthSecrets(STRONG, STRONG, STRONG), production)).doesNotThrowAnyException();
        assertThatCode(() -> new SecretsGuard(new AuthSecrets(null, null, null), new MockEnvironment()))
                .doesNotThrowAnyException();
    }
}
