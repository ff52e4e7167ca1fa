package cl.compraagil.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

class GatewayFoundationIT extends GatewayTestBase {

    @Autowired
    private ApplicationContext context;

    @Test
    void exposesLivenessAndReadinessProbes() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetrics() {
        String body = scrape();
        assertThat(body).contains("jvm_memory_used_bytes").contains("application=\"gateway\"")
                .contains("jvm_threads_live_threads", "jvm_classes_loaded_classes")
                .contains("jvm_gc_collections_total{", "jvm_gc_collection_time_seconds_total{");
    }

    @Test
    void servesOnIoUringWhereTheKernelOffersItAndOnEpollWhereNot() {
        String expected = IoUring.isAvailable() ? "io_uring" : Epoll.isAvailable() ? "epoll" : "nio";
        assertThat(scrape().lines().filter(line -> line.startsWith("gateway_event_loops{")))
                .singleElement().asString().contains("transport=\"" + expected + "\"");
    }

    @Test
    void readsCollectorMetricsWithoutSubscribingToCollections() {
        // a subscriber to GC notifications stretches every collection's pause (metrics.JvmMetricsConfiguration)
        assertThat(context.getBeanNamesForType(JvmGcMetrics.class)).isEmpty();
        assertThat(context.getBeanNamesForType(JvmHeapPressureMetrics.class)).isEmpty();
        String body = scrape();
        assertThat(body).doesNotContain("jvm_gc_pause_seconds", "jvm_gc_overhead");
    }

    @Test
    void timesEveryAnswerByRouteMethodAndStatus() {
        client.get().uri("/api/v1/subscriptions/current").exchange().expectStatus().isUnauthorized();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        String body = scrape();
        assertThat(body.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")))
                .anySatisfy(line -> assertThat(line).contains("method=\"GET\"", "outcome=\"CLIENT_ERROR\"",
                        "route=\"none\"", "status=\"401\""))
                .anySatisfy(line -> assertThat(line).contains("outcome=\"SUCCESS\"", "status=\"200\""))
                // one metric with one set of tags: Spring's own server observation is off
                .allSatisfy(line -> assertThat(line).doesNotContain("uri=", "exception="));
    }

    @Test
    void servesItsOpenApiDocumentAndTheAggregatedSwaggerUi() {
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").exists();
        client.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.urls[?(@.name == 'auth-service')].url").isEqualTo("/v3/api-docs/auth-service");
    }

    @Test
    void anonymousRequestToProtectedPathGets401Problem() {
        client.get().uri("/api/v1/subscriptions/current").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.error").isEqualTo("unauthorized")
                .jsonPath("$.detail").isEqualTo("Debes iniciar sesión con un token válido.");
    }

    private String scrape() {
        return client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
