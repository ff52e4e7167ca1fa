package cl.compraagil.subscription.billing.local;

import cl.compraagil.problem.ApiProblem;
import com.stripe.net.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Posts a Stripe-format event, signed as Stripe signs it, to the webhook endpoint through the gateway. */
final class LocalWebhookSender {

    private final RestClient http;
    private final URI endpoint;
    private final String secret;

    LocalWebhookSender(URI gatewayUrl, String secret) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        factory.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(factory).build();
        this.endpoint = gatewayUrl.resolve("/api/v1/webhooks/stripe");
        this.secret = secret;
    }

    void send(String payload) {
        String signature;
        try {
            signature = Webhook.Signature.generateSignatureHeader(payload, secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
        try {
            http.post().uri(endpoint).contentType(MediaType.APPLICATION_JSON).header("Stripe-Signature", signature)
                    .body(payload).retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            throw ApiProblem.unavailable("billing_unavailable",
                    "No se pudo confirmar el pago local: el endpoint de webhooks no respondió. Intenta nuevamente.");
        }
    }
}
