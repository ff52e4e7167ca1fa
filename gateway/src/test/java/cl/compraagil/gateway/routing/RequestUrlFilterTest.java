package cl.compraagil.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RequestUrlFilterTest {

    @Test
    void theRoutesAddressTakesTheRequestsPathAndQueryAsSent() {
        URI incoming = URI.create("http://api.compraagil.cl/api/v1/licitaciones/Biob%C3%ADo%20Sur?q=cotizaci%C3%B3n+m%C3%A9dica&tags=a%2Cb");

        assertThat(RequestUrlFilter.merge(URI.create("http://licitacion-service:8083"), incoming)).hasToString(
                "http://licitacion-service:8083/api/v1/licitaciones/Biob%C3%ADo%20Sur?q=cotizaci%C3%B3n+m%C3%A9dica&tags=a%2Cb");
        assertThat(RequestUrlFilter.merge(URI.create("lb://licitacion-service"), incoming).getRawQuery())
                .isEqualTo("q=cotizaci%C3%B3n+m%C3%A9dica&tags=a%2Cb");
    }

    @Test
    void aRequestWithoutQueryOrPathKeepsNone() {
        assertThat(RequestUrlFilter.merge(URI.create("https://auth-service"), URI.create("http://gw:8080/.well-known/jwks.json")))
                .hasToString("https://auth-service/.well-known/jwks.json");
        assertThat(RequestUrlFilter.merge(URI.create("http://[::1]:8081"), URI.create("http://gw:8080")))
                .hasToString("http://[::1]:8081");
    }

    @Test
    void unusualRouteAddressesAreLeftToTheStockRules() {
        assertThat(RequestUrlFilter.covers(URI.create("lb://auth-service"))).isTrue();
        assertThat(RequestUrlFilter.covers(URI.create("http://localhost:8081"))).isTrue();
        assertThat(RequestUrlFilter.covers(URI.create("lb:ws://notification-service"))).isFalse();
        assertThat(RequestUrlFilter.covers(URI.create("lb://bad_host"))).isFalse();
        assertThat(RequestUrlFilter.covers(URI.create("forward:/fallback"))).isFalse();
    }
}
