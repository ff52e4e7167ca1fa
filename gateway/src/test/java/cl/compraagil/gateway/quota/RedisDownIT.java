package cl.compraagil.gateway.quota;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import cl.compraagil.gateway.ExtraGatewayInstance;
import cl.compraagil.gateway.GatewayTestBase;
import cl.compraagil.testkit.EmbeddedEngines;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A gateway whose Redis is unreachable: paid quotas fail closed, burst limits and searches fail open. */
class RedisDownIT extends GatewayTestBase {

    @Test
    void paidQuotasFailClosedWhileSearchesAndOtherRequestsPassWithAMetric() {
        ML.stubFor(any(urlPathMatching("/.*")).atPriority(10).willReturn(okJson("{}")));
        LICITACION.stubFor(any(urlPathMatching("/.*")).atPriority(10).willReturn(okJson("{}")));
        String token = bearer(TOKENS.user(401));
        try (ExtraGatewayInstance gateway = ExtraGatewayInstance.start(
                Map.of("spring.data.redis.port", EmbeddedEngines.freePort()))) {
            WebTestClient direct = WebTestClient.bindToServer().baseUrl("http://localhost:" + gateway.port())
                    .responseTimeout(Duration.ofSeconds(10)).build();

            for (int i = 0; i < 6; i++) {
                long started = System.nanoTime();
                direct.post().uri("/api/v1/ml/predict/probability").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                        .expectStatus().isEqualTo(503)
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.error").isEqualTo("service_unavailable");
                if (i == 5) {
                    // the Redis circuit is open by now: no request waits for a connection attempt
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1000));
                }
            }

            direct.get().uri("/api/v1/licitaciones?q=notebook").header("Authorization", token).exchange()
                    .expectStatus().isOk();
            direct.get().uri("/api/v1/licitaciones/2048-540-COT26").header("Authorization", token).exchange()
                    .expectStatus().isOk();

            MeterRegistry meters = gateway.bean(MeterRegistry.class);
            assertThat(meters.counter("gateway.ratelimit.store.failures", "dependency", "redis", "outcome", "allowed")
                    .count()).isEqualTo(2);
            assertThat(meters.counter("gateway.ratelimit.store.failures", "dependency", "redis", "outcome", "rejected")
                    .count()).isEqualTo(6);
        }
    }
}
