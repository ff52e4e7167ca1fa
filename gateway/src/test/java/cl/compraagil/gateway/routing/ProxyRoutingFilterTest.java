package cl.compraagil.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import cl.compraagil.gateway.support.NettyHeaders;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;

/** Each case twice: the filtered headers as Spring's own map, and as a view of a Netty list (the proxy's form). */
class ProxyRoutingFilterTest {

    private static HttpHeaders forwarded(boolean overNetty) {
        return overNetty ? NettyHeaders.view(new DefaultHttpHeaders()) : new HttpHeaders();
    }

    /** What Reactor Netty puts in a request before the gateway's headers are written. */
    private static DefaultHttpHeaders defaults() {
        DefaultHttpHeaders headers = new DefaultHttpHeaders();
        headers.set("User-Agent", "ReactorNetty/1.3");
        headers.set("Host", "licitacion-service:8083");
        headers.set("Accept", "*/*");
        return headers;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theClientsHeadersReplaceTheDefaultsButNotTheServicesHost(boolean overNetty) {
        HttpHeaders forwarded = forwarded(overNetty);
        forwarded.add("User-Agent", "CompraAgilBot/2.1");
        forwarded.add("Accept", "application/json");
        forwarded.add("Host", "api.compraagil.cl");
        forwarded.add("X-User-Id", "42");
        DefaultHttpHeaders outgoing = defaults();

        ProxyRoutingFilter.writeHeaders(forwarded, null, outgoing);

        assertThat(outgoing.getAll("User-Agent")).containsExactly("CompraAgilBot/2.1");
        assertThat(outgoing.getAll("Accept")).containsExactly("application/json");
        assertThat(outgoing.getAll("Host")).containsExactly("licitacion-service:8083");
        assertThat(outgoing.get("X-User-Id")).isEqualTo("42");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void defaultsStayWhereTheClientSentNoneAndEveryValueOfAHeaderTravels(boolean overNetty) {
        HttpHeaders forwarded = forwarded(overNetty);
        forwarded.addAll("Accept-Language", List.of("es-CL", "es;q=0.8"));
        DefaultHttpHeaders outgoing = defaults();

        ProxyRoutingFilter.writeHeaders(forwarded, null, outgoing);

        assertThat(outgoing.getAll("User-Agent")).containsExactly("ReactorNetty/1.3");
        assertThat(outgoing.getAll("Accept")).containsExactly("*/*");
        assertThat(outgoing.getAll("Accept-Language")).containsExactly("es-CL", "es;q=0.8");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRouteThatPreservesTheHostSendsTheClientsOne(boolean overNetty) {
        HttpHeaders forwarded = forwarded(overNetty);
        forwarded.add("Host", "api.compraagil.cl");
        DefaultHttpHeaders outgoing = defaults();

        ProxyRoutingFilter.writeHeaders(forwarded, "api.compraagil.cl", outgoing);

        assertThat(outgoing.getAll("Host")).containsExactly("api.compraagil.cl");
    }
}
