package cl.compraagil.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * {@link EdgeFirewall} against Spring Security's {@link StrictServerWebExchangeFirewall}: on thousands of
 * generated requests (paths built from every block-listed token, dot segments and ordinary text, methods,
 * header names and values) both must accept and refuse the same ones. The stock firewall checks a header
 * when it is read, so its verdict here is "passes the up-front checks and every header can be read".
 */
class EdgeFirewallTest {

    private static final List<String> SEGMENTS = List.of("a", "licitaciones", "search", ".", "..", "...", ".a", "a.",
            "%2e", "%2E", "%2e%2e", "%2f", "%2F", "%25", "%5c", "%5C", "%00", "%0a", "%0A", "%0d", "%0D", ";", "%3b",
            "%3B", "x;y", "", "%e2%80%a8", "%e2%80%a9", "%C3%B1", "%20", "a%2fb", "%2f%2f", "v1", "1234-5-LE24");
    private static final List<String> ORDINARY = List.of("api", "v1", "licitaciones", "search", "1234-5-LE24", ".a",
            "a.", "...", "%C3%B1", "%20", "x-y_z~");
    private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE,
            HttpMethod.valueOf("PROPFIND"));
    private static final List<String> HEADER_NAMES = List.of("Accept", "X-Correlation-Id", "X\u0001Control",
            "X-\u0085", "X-Tab\t", "X-ñ", "X-\u0378");
    private static final List<String> HEADER_VALUES = List.of("application/json", "tab\there", "ñandú ☃",
            "emoji 😀", "nul\u0000", "del\u007f", "c1\u0085control", "unassigned\u0378", "lone\uD800surrogate",
            "x".repeat(900), "");

    private final EdgeFirewall edge = new EdgeFirewall();
    private final StrictServerWebExchangeFirewall stock = new StrictServerWebExchangeFirewall();

    @Test
    void refusesExactlyWhatTheStockFirewallRefuses() {
        Random random = new Random(20261126);
        int refused = 0;
        int total = 0;
        for (String path : paths(random)) {
            for (int variant = 0; variant < 3; variant++) {
                HttpMethod method = variant == 0 ? HttpMethod.GET : METHODS.get(random.nextInt(METHODS.size()));
                MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.method(method,
                        URI.create("http://localhost:8080" + path + (random.nextBoolean() ? "?q=notebook&page=2" : "")));
                if (variant == 2) {
                    builder.header(HEADER_NAMES.get(random.nextInt(HEADER_NAMES.size())),
                            HEADER_VALUES.get(random.nextInt(HEADER_VALUES.size())));
                }
                builder.header("Authorization", "Bearer abc.def.ghi");
                MockServerHttpRequest request = builder.build();
                boolean stockRefuses = stockRefuses(MockServerWebExchange.from(request));
                boolean edgeRefuses = edge.rejection(request) != null;
                assertThat(edgeRefuses).as("%s %s %s", method, path, request.getHeaders()).isEqualTo(stockRefuses);
                refused += edgeRefuses ? 1 : 0;
                total++;
            }
        }
        // the corpus exercises both answers, many times
        assertThat(refused).isBetween(total / 5, total * 4 / 5);
    }

    @Test
    void dotSegmentsAreFoundAnywhere() {
        for (String path : List.of("/.", "/..", "/a/.", "/a/..", "/./a", "/../a", "/a/./b", "/a/../b", ".", "..", "../a")) {
            assertThat(EdgeFirewall.isNormalized(path)).as(path).isFalse();
        }
        for (String path : List.of("", "/", "/a", "/a/", "/.a", "/a.", "/...", "/a..b/c", "a/b")) {
            assertThat(EdgeFirewall.isNormalized(path)).as(path).isTrue();
        }
    }

    /**
     * What the stock firewall's response hook guarded against, a header value that splits the answer, cannot
     * leave the gateway's server: Reactor Netty validates response headers and refuses to write it.
     */
    @Test
    void theServerRefusesAResponseHeaderWithALineBreak() {
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> response.header("X-Echo", "a\r\nSet-Cookie: session=stolen").send())
                .bindNow();
        try {
            Map.Entry<Integer, String> answer = HttpClient.create()
                    .get().uri("http://127.0.0.1:" + server.port() + "/")
                    .response((response, body) -> reactor.core.publisher.Mono.just(Map.entry(response.status().code(),
                            String.valueOf(response.responseHeaders().get("Set-Cookie")))))
                    .onErrorResume(closed -> reactor.core.publisher.Mono.just(Map.entry(-1, "null")))
                    .blockLast(Duration.ofSeconds(10));
            assertThat(answer.getValue()).isEqualTo("null");
            assertThat(answer.getKey()).isNotEqualTo(200);
        } finally {
            server.disposeNow();
        }
    }

    private boolean stockRefuses(ServerWebExchange exchange) {
        try {
            ServerWebExchange checked = stock.getFirewalledExchange(exchange).block();
            for (String name : exchange.getRequest().getHeaders().headerNames()) {
                checked.getRequest().getHeaders().get(name);
            }
            return false;
        } catch (ServerExchangeRejectedException | IllegalArgumentException rejected) {
            return true;
        }
    }

    private static List<String> paths(Random random) {
        List<String> paths = new ArrayList<>();
        for (String segment : SEGMENTS) {
            paths.add("/api/v1/" + segment);
            paths.add("/api/v1/" + segment + "/");
            paths.add("/" + segment);
        }
        for (int i = 0; i < 2500; i++) {
            StringBuilder path = new StringBuilder();
            int segments = 1 + random.nextInt(5);
            for (int s = 0; s < segments; s++) {
                List<String> from = random.nextInt(10) < 8 ? ORDINARY : SEGMENTS;
                path.append('/').append(from.get(random.nextInt(from.size())));
            }
            if (random.nextInt(4) == 0) {
                path.append('/');
            }
            paths.add(path.toString());
        }
        return paths;
    }
}
