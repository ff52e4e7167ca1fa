package cl.compraagil.gateway.quota;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import cl.compraagil.gateway.ExtraGatewayInstance;
import cl.compraagil.gateway.GatewayTestBase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class QuotaRaceIT extends GatewayTestBase {

    @LocalServerPort
    int port;

    @Autowired
    PlanStore plans;

    @Autowired
    org.springframework.data.redis.core.ReactiveStringRedisTemplate redis;

    @Test
    void twoHundredConcurrentSearchesAcrossTwoGatewaysWithFiftyLeftLetExactlyFiftyThrough() {
        LICITACION.stubFor(any(urlPathMatching("/api/v1/licitaciones.*")).atPriority(10).willReturn(okJson("{\"items\":[]}")));
        Map<String, Long> limits = new LinkedHashMap<>();
        limits.put("searches", 50L);
        limits.put("ai_analysis", 2L);
        limits.put("api_calls", 0L);
        assertThat(plans.save(new PlanLimits(301, "free", limits, Instant.now())).block()).isTrue();
        String token = bearer(TOKENS.user(301));

        try (ExtraGatewayInstance second = ExtraGatewayInstance.start(Map.of())) {
            List<WebClient> gateways = List.of(WebClient.create("http://localhost:" + port),
                    WebClient.create("http://localhost:" + second.port()));
            List<Integer> statuses = Flux.range(0, 200)
                    .flatMap(i -> gateways.get(i % 2).get().uri("/api/v1/licitaciones?q=" + i)
                            .header("Authorization", token)
                            .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                            .onErrorResume(failure -> Mono.just(-1)), 40)
                    .collectList().block();

            assertThat(statuses).hasSize(200);
            String seen = "statuses seen: " + statuses.stream()
                    .collect(Collectors.groupingBy(status -> status, TreeMap::new, Collectors.counting()));
            // admitted requests are 200, or 503 when the stub backend is too slow on a saturated machine
            assertThat(statuses.stream().filter(status -> status == 200 || status == 503).count()).as(seen).isEqualTo(50);
            assertThat(statuses.stream().filter(status -> status == 429).count()).as(seen).isEqualTo(150);
            assertThat(redis.opsForValue().get(QuotaKeys.counter(301, "searches",
                    new ChileCalendar(java.time.ZoneId.of("America/Santiago"), java.time.Clock.systemUTC()).today()))
                    .block()).isEqualTo("50");
        }
    }
}
