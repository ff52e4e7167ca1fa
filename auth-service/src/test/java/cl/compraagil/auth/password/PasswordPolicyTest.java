package cl.compraagil.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.compraagil.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void longPassphrasesPassWithoutCompositionRules() {
        assertThat(policy.acceptable("caballo correcto batería grapa", "ana@pyme.cl")).isTrue();
        assertThat(policy.acceptable("Licitar-con-calma-2026", "ana@pyme.cl")).isTrue();
    }

    @Test
    void shortCommonRepetitiveOrEmailDerivedPasswordsFail() {
        assertThat(policy.acceptable("corta1", "ana@pyme.cl")).isFalse();
        assertThat(policy.acceptable("1234567890", "ana@pyme.cl")).isFalse();
        assertThat(policy.acceptable("abababababab", "ana@pyme.cl")).isFalse();
        assertThat(policy.acceptable("soyanaperez2026", "anaperez@pyme.cl")).isFalse();
        assertThat(policy.acceptable("x".repeat(129) + "abcde", "ana@pyme.cl")).isFalse();
    }

    @Test
    void rejectionExplainsEveryRuleInSpanish() {
        assertThatThrownBy(() -> policy.check("corta", "ana@pyme.cl"))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("entre 10 y 128 caracteres")
                .extracting(e -> ((ApiProblem) e).error()).isEqualTo("weak_password");
    }
}
