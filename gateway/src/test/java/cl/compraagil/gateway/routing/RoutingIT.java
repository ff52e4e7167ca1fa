package cl.compraagil.gateway.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import cl.compraagil.gateway.GatewayTestBase;
import cl.compraagil.gateway.edge.EdgeFilter;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.server.WebFilter;

class RoutingIT extends GatewayTestBase {

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Autowired
    List<RoutePredicateHandlerMapping> routeMappings;

    @BeforeAll
    static void backendsAnswer() {
        for (WireMockServer backend : List.of(AUTH, SUBSCRIPTION, LICITACION, ML)) {
            backend.stubFor(any(urlPathMatching("/.*")).atPriority(10).willReturn(okJson("{\"ok\":true}")));
        }
        LICITACION.stubFor(get(urlPathEqualTo("/api/v1/licitaciones/slow"))
                .willReturn(okJson("{}").withFixedDelay(10_000)));
        LICITACION.stubFor(get(urlPathEqualTo("/api/v1/licitaciones/broken"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ML.stubFor(get(urlPathEqualTo("/api/v1/ml/market/broken"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    @Test
    void routesAreLookedUpByTheGatewaysOwnMappingAlone() {
        assertThat(routeMappings).singleElement().isInstanceOf(RouteLookup.class);
    }

    @Test
    void routesEveryContractPathToItsService() {
        Map<String, WireMockServer> routes = Map.ofEntries(
                Map.entry("/api/v1/auth/me", AUTH), Map.entry("/api/v1/users/me", AUTH),
                Map.entry("/api/v1/organizations/3", AUTH), Map.entry("/api/v1/api-keys", AUTH),
                Map.entry("/.well-known/jwks.json", AUTH),
                Map.entry("/api/v1/subscriptions/current", SUBSCRIPTION), Map.entry("/api/v1/usage", SUBSCRIPTION),
                Map.entry("/api/v1/licitaciones/2048-540-COT26", LICITACION),
                Map.entry("/api/v1/ml/market/history", ML));
        String token = bearer(TOKENS.user(101));
        routes.forEach((path, backend) -> {
            client.get().uri(path).header("Authorization", token).exchange().expectStatus().isOk();
            backend.verify(getRequestedFor(urlPathEqualTo(path)));
        });
        client.post().uri("/api/v1/ml/predict/probability").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isOk();
        ML.verify(postRequestedFor(urlPathEqualTo("/api/v1/ml/predict/probability")));
    }

    @Test
    void validTokenReachesTheServiceUnchangedWithTheVerifiedUserId() {
        String token = TOKENS.user(102);
        client.get().uri("/api/v1/licitaciones/valid-token").header("Authorization", bearer(token))
                .exchange().expectStatus().isOk();
        LoggedRequest forwarded = only("/api/v1/licitaciones/valid-token");
        assertThat(forwarded.getHeader("Authorization")).isEqualTo(bearer(token));
        assertThat(forwarded.getHeader("X-User-Id")).isEqualTo("102");
    }

    @Test
    void identityHeadersSentByTheClientNeverReachAService() {
        client.get().uri("/api/v1/licitaciones/forged").header("Authorization", bearer(TOKENS.user(103)))
                .header("X-User-Id", "1").header("X-User-Roles", "admin").header("X-Organization-Id", "9")
                .header("X-Api-Key-Id", "5").exchange().expectStatus().isOk();
        LoggedRequest forwarded = only("/api/v1/licitaciones/forged");
        assertThat(forwarded.getHeader("X-User-Id")).isEqualTo("103");
        assertThat(forwarded.containsHeader("X-User-Roles")).isFalse();
        assertThat(forwarded.containsHeader("X-Organization-Id")).isFalse();
        assertThat(forwarded.containsHeader("X-Api-Key-Id")).isFalse();

        client.post().uri("/api/v1/auth/login").header("X-User-Id", "1").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=ana%40pyme.cl&password=x").exchange().expectStatus().isOk();
        assertThat(AUTH.findAll(postRequestedFor(urlPathEqualTo("/api/v1/auth/login"))))
                .allSatisfy(login -> assertThat(login.containsHeader("X-User-Id")).isFalse());
    }

    @Test
    void correlationIdIsKeptWhenWellFormedAndCreatedOtherwise() {
        client.get().uri("/api/v1/licitaciones/correlated").header("Authorization", bearer(TOKENS.user(104)))
                .header("X-Correlation-Id", "client-id-12345").exchange()
                .expectStatus().isOk().expectHeader().valueEquals("X-Correlation-Id", "client-id-12345");
        assertThat(only("/api/v1/licitaciones/correlated").getHeader("X-Correlation-Id")).isEqualTo("client-id-12345");

        String created = client.get().uri("/api/v1/subscriptions/current").header("X-Correlation-Id", "bad id <script>")
                .exchange().expectStatus().isUnauthorized()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(created).matches("[0-9a-f-]{36}");
    }

    @Test
    void hopByHopHeadersStayOnTheirOwnConnection() {
        LICITACION.stubFor(get(urlPathEqualTo("/api/v1/licitaciones/hop")).willReturn(okJson("{}")
                .withHeader("Keep-Alive", "timeout=5").withHeader("Proxy-Authenticate", "Basic realm=\"svc\"")
                .withHeader("X-Application-Context", "licitacion-service:8083").withHeader("X-Kept", "yes")));

        client.get().uri("/api/v1/licitaciones/hop").header("Authorization", bearer(TOKENS.user(109)))
                .header("Connection", "keep-alive, X-Private").header("X-Private", "only for the gateway")
                .header("Keep-Alive", "timeout=30").header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .header("TE", "trailers").header("X-Kept", "yes").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Keep-Alive")
                .expectHeader().doesNotExist("Proxy-Authenticate")
                .expectHeader().doesNotExist("X-Application-Context")
                .expectHeader().valueEquals("X-Kept", "yes");

        LoggedRequest forwarded = only("/api/v1/licitaciones/hop");
        assertThat(forwarded.getHeader("X-Kept")).isEqualTo("yes");
        assertThat(forwarded.getHeader("X-User-Id")).isEqualTo("109");
        for (String hopByHop : List.of("X-Private", "Keep-Alive", "Proxy-Authorization", "TE")) {
            assertThat(forwarded.containsHeader(hopByHop)).as(hopByHop).isFalse();
        }
    }

    @Test
    void theProxyRunsOnlyTheGatewaysHeaderFilters(@Autowired List<HttpHeadersFilter> headerFilters) {
        assertThat(headerFilters).extracting(filter -> filter.getClass().getSimpleName())
                .containsExactlyInAnyOrder("TransferEncodingNormalizationHeadersFilter", "ToService", "ToClient");
    }

    @Test
    void everyRequestCrossesOneWebFilterThatRunsTheGatewaysStepsInOrder(@Autowired List<WebFilter> webFilters,
            @Autowired List<EdgeFilter> steps) {
        assertThat(webFilters).extracting(filter -> filter.getClass().getSimpleName()).containsExactly("EdgeFilters");
        List<EdgeFilter> sorted = new ArrayList<>(steps);
        AnnotationAwareOrderComparator.sort(sorted);
        assertThat(sorted).extracting(step -> step.getClass().getSimpleName()).containsExactly("RequestMetricsFilter",
                "CorrelationIdFilter", "RequestLimitsFilter", "OrderedCorsFilter", "ApiKeyExchangeFilter",
                "TokenAuthenticationFilter");
    }

    @Test
    void requestsAreAddressedSentAndAnsweredByTheGatewaysOwnFiltersOnly(@Autowired List<GlobalFilter> globalFilters) {
        assertThat(globalFilters).extracting(filter -> filter.getClass().getSimpleName())
                .contains("RequestUrlFilter", "ProxyRoutingFilter", "ProxyResponseWriter")
                .doesNotContain("RouteToRequestUrlFilter", "NettyRoutingFilter", "NettyWriteResponseFilter",
                        "WebsocketRoutingFilter", "ForwardRoutingFilter", "ForwardPathFilter", "RemoveCachedBodyFilter",
                        "AdaptCachedBodyGlobalFilter");
    }

    @Test
    void encodedPathsAndQueriesAndTheServicesStatusPassUnchanged() {
        String path = "/api/v1/licitaciones/Biob%C3%ADo%20Sur/items";
        String query = "q=cotizaci%C3%B3n+m%C3%A9dica&region=%C3%91uble&tags=a%2Cb";
        LICITACION.stubFor(get(urlPathMatching("/api/v1/licitaciones/teapot")).willReturn(aResponse().withStatus(418)));
        LICITACION.stubFor(get(urlPathMatching("/api/v1/licitaciones/unusual")).willReturn(aResponse().withStatus(299)));
        String token = bearer(TOKENS.user(111));

        client.get().uri(base -> URI.create(base.build() + path + "?" + query)).header("Authorization", token)
                .header("User-Agent", "CompraAgilBot/2.1").exchange().expectStatus().isOk();
        LoggedRequest forwarded = LICITACION.findAll(anyRequestedFor(urlPathMatching("/api/v1/licitaciones/Biob.*")))
                .get(0);
        assertThat(forwarded.getUrl()).isEqualTo(path + "?" + query);
        assertThat(forwarded.getHeader("User-Agent")).isEqualTo("CompraAgilBot/2.1");
        assertThat(forwarded.getHeader("Host")).isEqualTo("localhost:" + LICITACION.port());

        client.get().uri("/api/v1/licitaciones/teapot").header("Authorization", token).exchange()
                .expectStatus().isEqualTo(418);
        client.get().uri("/api/v1/licitaciones/unusual").header("Authorization", token).exchange()
                .expectStatus().isEqualTo(299);
    }

    @Test
    void answersReachTheClientWholeHoweverTheServiceFramedThem() {
        String small = "{\"items\":[" + "\"cotización\",".repeat(200) + "\"fin\"]}";
        String large = "{\"items\":\"" + "y".repeat(ProxyResponseWriter.GATHER_UP_TO + 1000) + "\"}";
        String chunked = "{\"items\":\"" + "z".repeat(5000) + "\"}";
        String events = "data: {\"n\":1}\n\ndata: {\"n\":2}\n\n";
        LICITACION.stubFor(get(urlPathEqualTo("/api/v1/licitaciones/framing/small")).willReturn(okJson(small)
                .withHeader("Content-Length", Integer.toString(small.getBytes(StandardCharsets.UTF_8).length))));
        LICITACION.stubFor(get(urlPathEqualTo("/api/v1/licitaciones/framing/large")).willReturn(okJson(large)
                .withHeader("Content-Length", Integer.toString(large.length()))));
        LICITACION.stubFor(get(urlPathEqualTo("/api/v1/licitaciones/framing/chunked"))
                .willReturn(okJson(chunked).withChunkedDribbleDelay(4, 200)));
        LICITACION.stubFor(get(urlPathEqualTo("/api/v1/licitaciones/framing/events")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(events)
                .withHeader("Content-Length", Integer.toString(events.length()))));
        LICITACION.stubFor(get(urlPathEqualTo("/api/v1/licitaciones/framing/none")).willReturn(aResponse().withStatus(204)));
        LICITACION.stubFor(head(urlPathEqualTo("/api/v1/licitaciones/framing/small")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withHeader("Content-Length", "2000")));
        String token = bearer(TOKENS.user(110));

        Map<String, String> bodies = Map.of("small", small, "large", large, "chunked", chunked, "events", events);
        bodies.forEach((framing, body) -> assertThat(client.get().uri("/api/v1/licitaciones/framing/" + framing)
                .header("Authorization", token).header("Accept-Encoding", "identity").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).as(framing).isEqualTo(body));
        client.get().uri("/api/v1/licitaciones/framing/small").header("Authorization", token).header("Accept-Encoding", "identity").exchange()
                .expectHeader().contentLength(small.getBytes(StandardCharsets.UTF_8).length);
        client.get().uri("/api/v1/licitaciones/framing/chunked").header("Authorization", token).header("Accept-Encoding", "identity").exchange()
                .expectHeader().doesNotExist("Content-Length");
        client.get().uri("/api/v1/licitaciones/framing/none").header("Authorization", token).header("Accept-Encoding", "identity").exchange()
                .expectStatus().isNoContent().expectBody().isEmpty();
        client.head().uri("/api/v1/licitaciones/framing/small").header("Authorization", token).header("Accept-Encoding", "identity").exchange()
                .expectStatus().isOk().expectHeader().contentLength(2000).expectBody().isEmpty();
    }

    @Test
    void tokensForAnotherAudienceOrMalformedAreRefused() {
        String otherAudience = TOKENS.token(TOKENS.claims(105, List.of("user")).audience("another-api").build());
        for (String token : List.of(otherAudience, "not.a.jwt", TOKENS.user(105) + "x")) {
            client.get().uri("/api/v1/licitaciones/refused").header("Authorization", bearer(token)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.error").isEqualTo("unauthorized");
        }
        LICITACION.verify(0, anyRequestedFor(urlPathEqualTo("/api/v1/licitaciones/refused")));
    }

    @Test
    void publicPathsNeedNoTokenAndTheStripeWebhookBodyArrivesUntouched() {
        client.get().uri("/api/v1/subscriptions/plans").exchange().expectStatus().isOk();
        client.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();
        String event = "{\"id\": \"evt_1\",\n  \"type\":\"invoice.paid\" }";
        client.post().uri("/api/v1/webhooks/stripe").header("Stripe-Signature", "t=1,v1=abc")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(event).exchange().expectStatus().isOk();
        SUBSCRIPTION.verify(postRequestedFor(urlPathEqualTo("/api/v1/webhooks/stripe"))
                .withHeader("Stripe-Signature", equalTo("t=1,v1=abc")).withRequestBody(equalTo(event)));
    }

    @Test
    void hangingServiceAnswers503ProblemWithinTheRouteTimeout() {
        long started = System.nanoTime();
        client.get().uri("/api/v1/licitaciones/slow").header("Authorization", bearer(TOKENS.user(106))).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.error").isEqualTo("service_unavailable")
                .jsonPath("$.detail").isEqualTo("El servicio de licitaciones no está disponible en este momento. "
                        + "Intenta nuevamente en unos segundos.");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(8000));
    }

    @Test
    void serviceThatDropsConnectionsAnswers503Problem() {
        client.get().uri("/api/v1/licitaciones/broken").header("Authorization", bearer(TOKENS.user(107))).exchange()
                .expectStatus().isEqualTo(503).expectBody().jsonPath("$.error").isEqualTo("service_unavailable");
    }

    @Test
    void serviceWithoutAnyRegisteredInstanceAnswers503ProblemNot500() {
        client.get().uri("/api/v1/alerts").header("Authorization", bearer(TOKENS.user(108))).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.detail").isEqualTo("El servicio de notificaciones no está disponible en este "
                        + "momento. Intenta nuevamente en unos segundos.");
    }

    @Test
    void circuitOpensAfterRepeatedFailuresAndStopsCallingTheService() {
        String token = bearer(TOKENS.user(109));
        for (int i = 0; i < 4; i++) {
            client.get().uri("/api/v1/ml/market/broken").header("Authorization", token).exchange()
                    .expectStatus().isEqualTo(503);
        }
        assertThat(circuitBreakers.circuitBreaker("ml-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int calls = ML.findAll(getRequestedFor(urlPathEqualTo("/api/v1/ml/market/broken"))).size();
        client.get().uri("/api/v1/ml/market/broken").header("Authorization", token).exchange()
                .expectStatus().isEqualTo(503);
        assertThat(ML.findAll(getRequestedFor(urlPathEqualTo("/api/v1/ml/market/broken")))).hasSize(calls);
    }

    @Test
    void oversizedBodyGets413AndOversizedHeadersGet431Problems() {
        client.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("x".repeat(1024 * 1024 + 1)).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.error").isEqualTo("payload_too_large");
        client.get().uri("/api/v1/subscriptions/plans").header("X-Padding", "y".repeat(17 * 1024)).exchange()
                .expectStatus().isEqualTo(431)
                .expectBody().jsonPath("$.error").isEqualTo("headers_too_large");
    }

    @Test
    void corsPreflightFromAConfiguredOriginIsAllowedAndOthersAreNot() {
        client.method(HttpMethod.OPTIONS).uri("/api/v1/licitaciones").header("Origin", "https://app.compraagil.cl")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "Authorization").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://app.compraagil.cl");
        client.method(HttpMethod.OPTIONS).uri("/api/v1/licitaciones").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET").exchange()
                .expectStatus().isForbidden();
    }

    private static LoggedRequest only(String path) {
        List<LoggedRequest> requests = LICITACION.findAll(anyRequestedFor(urlPathEqualTo(path)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
