package cl.compraagil.auth.throttle;

import cl.compraagil.auth.crypto.Digests;
import cl.compraagil.problem.ApiProblem;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Per-account and per-IP lockouts for credential checks. Accounts are keyed by the hash of the typed username,
 * whether or not such an account exists, so a lockout never tells an attacker which emails are registered.
 */
@Component
public class LoginThrottle {

    private final Throttle throttle;
    private final ThrottleProperties properties;

    LoginThrottle(Throttle throttle, ThrottleProperties properties) {
        this.throttle = throttle;
        this.properties = properties;
    }

    /** Throws 429 with Retry-After while the account or the address is locked. */
    public void checkAllowed(String username, String ip) {
        Duration wait = max(throttle.lockedFor(accountKey(username)), throttle.lockedFor(ipKey(ip)));
        if (!wait.isZero()) {
            throw tooManyAttempts(wait);
        }
    }

    /** @return the lock the failure caused, zero when none */
    public Duration failed(String username, String ip) {
        Duration account = throttle.recordFailure(accountKey(username), properties.accountFailures(),
                properties.waitIncrement(), properties.maxWait(), properties.failureReset());
        Duration address = throttle.recordFailure(ipKey(ip), properties.ipFailures(),
                properties.waitIncrement(), properties.maxWait(), properties.failureReset());
        return max(account, address);
    }

    public void succeeded(String username) {
        throttle.reset(accountKey(username));
    }

    /** Password-reset and verification emails: a few per hour per address and per account. */
    public void checkEmailRequest(String email, String ip) {
        Duration hour = Duration.ofHours(1);
        boolean allowed = throttle.tryAcquire("mail:acct:" + hash(email), properties.resetRequestsPerHour(), hour)
                & throttle.tryAcquire("mail:ip:" + ip, properties.resetRequestsPerHour() * 4, hour);
        if (!allowed) {
            throw tooMany(hour, "Ya enviamos varios correos a esta dirección. Espera antes de pedir otro.");
        }
    }

    /** Account creation from one address, a few dozen an hour at most. */
    public void checkRegistration(String ip) {
        if (!throttle.tryAcquire("register:ip:" + ip, properties.registrationsPerHourPerIp(), Duration.ofHours(1))) {
            throw tooMany(Duration.ofHours(1), "Se crearon demasiadas cuentas desde tu conexión. Intenta más tarde.");
        }
    }

    static ApiProblem tooManyAttempts(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return tooMany(wait, "Demasiados intentos fallidos. Espera " + seconds + " segundos antes de volver a intentarlo.");
    }

    static ApiProblem tooMany(Duration wait, String detail) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts", detail)
                .with("retry_after_seconds", seconds)
                .withHeader("Retry-After", Long.toString(seconds));
    }

    private static String accountKey(String username) {
        return "login:acct:" + hash(username);
    }

    private static String ipKey(String ip) {
        return "login:ip:" + ip;
    }

    private static String hash(String username) {
        return Digests.sha256Hex(username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
