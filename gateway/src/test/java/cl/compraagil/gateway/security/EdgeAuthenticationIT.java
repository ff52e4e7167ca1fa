package cl.compraagil.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import cl.compraagil.gateway.GatewayTestBase;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * What Spring Security's filter chain did for the gateway and {@link TokenAuthenticationFilter} now does: the
 * bearer rules, the firewall, the security headers on proxied and refused answers, CORS on a 401.
 */
class EdgeAuthenticationIT extends GatewayTestBase {

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    /** Other test classes share this context and leave route circuits open on purpose. */
    @BeforeEach
    void closeCircuits() {
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @BeforeAll
    static void backendsAnswer() {
        AUTH.stubFor(any(urlPathMatching("/.*")).atPriority(10).willReturn(okJson("{\"ok\":true}")));
        LICITACION.stubFor(any(urlPathMatching("/.*")).atPriority(10).willReturn(okJson("{\"ok\":true}")));
        LICITACION.stubFor(get(urlPathEqualTo("/api/v1/licitaciones/cached")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Cache-Control", "max-age=60")
                .withBody("{}")));
    }

    @Test
    void proxiedAnswersCarryTheSecurityHeadersUnlessTheServiceSetItsOwnCaching() {
        client.get().uri("/api/v1/licitaciones/x").header("Authorization", bearer(TOKENS.user(601))).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        client.get().uri("/api/v1/licitaciones/cached").header("Authorization", bearer(TOKENS.user(601))).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "max-age=60")
                .expectHeader().doesNotExist("Pragma")
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
    }

    @Test
    void aRefusedRequestFromAnAllowedBrowserOriginCarriesCorsAndSecurityHeaders() {
        client.get().uri("/api/v1/licitaciones").header("Origin", "https://app.compraagil.cl").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://app.compraagil.cl")
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aBearerTokenMustBeWellFormedAndAloneWhileOtherSchemesAreLeftToPublicServices() {
        String token = TOKENS.user(602);
        client.get().uri("/api/v1/licitaciones/x").header("Authorization", "bearer " + token).exchange()
                .expectStatus().isOk();
        for (String malformed : new String[] {"Bearer", "Bearer ", "Bearer  " + token, "Bearer " + token + " extra",
                "Bearer to{ken", "Bearer ==="}) {
            client.get().uri("/api/v1/licitaciones/x").header("Authorization", malformed).exchange()
                    .expectStatus().isUnauthorized().expectBody().jsonPath("$.error").isEqualTo("unauthorized");
        }
        // a malformed or invalid bearer token is refused on a public path too
        client.post().uri("/api/v1/auth/login").header("Authorization", "Bearer not.a.jwt")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("username=a&password=b").exchange()
                .expectStatus().isUnauthorized();
        // a client's Basic credentials on the token endpoint are auth-service's business
        client.post().uri("/api/v1/auth/login").header("Authorization", "Basic Ym90OnNlY3JldA==")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("username=a&password=b").exchange()
                .expectStatus().isOk();
        AUTH.verify(postRequestedFor(urlPathEqualTo("/api/v1/auth/login"))
                .withHeader("Authorization", equalTo("Basic Ym90OnNlY3JldA==")));
        // and the same on a protected path is no token at all
        client.get().uri("/api/v1/licitaciones/x").header("Authorization", "Basic Ym90OnNlY3JldA==").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void theStrictFirewallRefusesAmbiguousPathsWithA400Problem() {
        String token = bearer(TOKENS.user(603));
        for (String path : new String[] {"/api/v1/licitaciones/a%2F..%2Fadmin", "/api/v1/licitaciones/x;jsessionid=1",
                "/api/v1/licitaciones/%2e%2e/users"}) {
            client.get().uri(URI.create("http://localhost:" + port + path)).header("Authorization", token).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.error").isEqualTo("bad_request");
        }
        assertThat(LICITACION.findAll(anyRequestedFor(
                urlPathMatching(".*(admin|jsessionid|users).*")))).isEmpty();
    }
}
