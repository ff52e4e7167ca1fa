package cl.compraagil.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SsrfGuardTest {

    private static SsrfGuard guard(List<String> allowed) {
        return new SsrfGuard(new WebhookProperties(allowed, List.of(Duration.ofSeconds(5)), 0.2, false, Duration.ofSeconds(1),
                10, 1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofDays(5),
                Duration.ofHours(24), 10, "http://localhost/precios"));
    }

    @Test
    void loopbackMetadataAndPrivateAddressesAreRefusedWithoutAllowList() {
        SsrfGuard guard = guard(List.of());
        assertThat(guard.refusal(URI.create("http://127.0.0.1/hook"))).isNotNull();
        assertThat(guard.refusal(URI.create("https://127.0.0.1/hook"))).contains("interna");
        assertThat(guard.refusal(URI.create("https://169.254.169.254/latest/meta-data/"))).contains("interna");
        assertThat(guard.refusal(URI.create("https://10.1.2.3/hook"))).contains("interna");
        assertThat(guard.refusal(URI.create("https://192.168.0.10/hook"))).contains("interna");
        assertThat(guard.refusal(URI.create("https://100.64.0.1/hook"))).contains("interna");
        assertThat(guard.refusal(URI.create("https://[::1]/hook"))).contains("interna");
        assertThat(guard.refusal(URI.create("https://[::ffff:127.0.0.1]/hook"))).contains("interna");
        assertThat(guard.refusal(URI.create("https://[fd00::1]/hook"))).contains("interna");
        assertThat(guard.refusal(URI.create("https://0.0.0.0/hook"))).contains("interna");
        assertThat(guard.refusal(URI.create("https://localhost/hook"))).contains("interna");
    }

    @Test
    void publicHttpsIsAcceptedButPlainHttpAndOtherSchemesAreNot() {
        SsrfGuard guard = guard(List.of());
        assertThat(guard.refusal(URI.create("https://8.8.8.8/hook"))).isNull();
        assertThat(guard.refusal(URI.create("http://8.8.8.8/hook"))).contains("https");
        assertThat(guard.refusal(URI.create("ftp://8.8.8.8/hook"))).contains("https");
        assertThat(guard.refusal(URI.create("https://user:pw@8.8.8.8/hook"))).isNotNull();
    }

    @Test
    void operatorAllowListOpensAnAddressBlockOrAHost() {
        assertThat(guard(List.of("127.0.0.1/32")).refusal(URI.create("http://127.0.0.1:9000/hook"))).isNull();
        assertThat(guard(List.of("10.0.0.0/8")).refusal(URI.create("https://10.20.30.40/hook"))).isNull();
        assertThat(guard(List.of("10.0.0.0/8")).refusal(URI.create("https://169.254.169.254/"))).isNotNull();
        assertThat(guard(List.of("127.0.0.1")).refusal(URI.create("http://127.0.0.1/hook"))).isNull();
    }
}
