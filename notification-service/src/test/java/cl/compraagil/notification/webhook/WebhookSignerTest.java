package cl.compraagil.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void signatureMatchesTheStandardWebhooksReferenceVector() {
        String signature = WebhookSigner.signatureHeader(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void newSecretsAreWhsecPrefixedAndCarry32RandomBytes() {
        String secret = WebhookSigner.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSigner.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void duringRotationBothSecretsSignSpaceSeparated() {
        String header = WebhookSigner.signatureHeader(List.of(WebhookSigner.newSecret(), WebhookSigner.newSecret()), "msg_1", 1L, "{}");
        assertThat(header.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
    }
}
