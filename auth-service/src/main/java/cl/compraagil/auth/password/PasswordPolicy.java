package cl.compraagil.auth.password;

import cl.compraagil.problem.ApiProblem;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * OWASP ASVS-style password rules: length over composition, no well-known passwords, nothing derived from the
 * email. One Spanish message says all the rules at once.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    static final String RULES = "La contraseña debe tener entre " + MIN_LENGTH + " y " + MAX_LENGTH
            + " caracteres, al menos 5 caracteres distintos, no puede ser una contraseña común ni contener tu correo.";

    private static final Set<String> COMMON = Set.of("1234567890", "12345678910", "0123456789", "qwertyuiop",
            "contraseña", "contrasena", "contrasena1", "contraseña1", "password123", "password1234", "passw0rd123",
            "iloveyou12", "qwerty1234", "1q2w3e4r5t", "abcdefghij", "compraagil", "compraagil1", "mercadopublico",
            "chilecompra", "administrador", "superman123", "1111111111", "aaaaaaaaaa", "asdfghjkl1", "zxcvbnm123");

    public void check(String password, String email) {
        if (!acceptable(password, email)) {
            throw ApiProblem.badRequest("weak_password", RULES);
        }
    }

    boolean acceptable(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return false;
        }
        if (password.chars().distinct().count() < 5) {
            return false;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return false;
        }
        if (email != null && email.contains("@")) {
            String local = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
            return local.length() < 4 || !lower.contains(local);
        }
        return true;
    }
}
