package cl.compraagil.auth.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Brute-force defence after Keycloak's model: after {@code accountFailures} failed logins on one account (or
 * {@code ipFailures} from one address) every further failure locks for a doubling wait, starting at
 * {@code waitIncrement} and capped at {@code maxWait}; counters forget after {@code failureReset}. Sign-ups and
 * emails sent on request are limited per hour, against automated abuse of those flows (OWASP API6).
 */
@ConfigurationProperties("auth.throttle")
public record ThrottleProperties(
        @DefaultValue("5") int accountFailures,
        @DefaultValue("20") int ipFailures,
        @DefaultValue("30s") Duration waitIncrement,
        @DefaultValue("15m") Duration maxWait,
        @DefaultValue("12h") Duration failureReset,
        @DefaultValue("5") int resetRequestsPerHour,
        @DefaultValue("20") int registrationsPerHourPerIp) {
}
