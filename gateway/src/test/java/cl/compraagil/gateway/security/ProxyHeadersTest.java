package cl.compraagil.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import cl.compraagil.gateway.support.NettyHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

class ProxyHeadersTest {

    private static final List<String> PREFIXES = List.of("X-User-", "X-Organization-", "X-Roles");
    private static final List<String> NAMES = List.of("Connection", "connection", "Keep-Alive", "Transfer-Encoding",
            "TE", "te", "Trailer", "Proxy-Authorization", "Proxy-Authenticate", "X-Application-Context", "Upgrade",
            "Proxy-Connection", "Accept", "Content-Type", "Content-Length", "X-Private", "x-private", "X-Other",
            "Authorization", "X-User-Id", "X-Organization-Id", "X-Roles", "X-API-Key", "Cookie");
    private static final List<String> CONNECTION_VALUES = List.of("keep-alive", "close", "X-Private",
            "x-private, X-Other", " Keep-Alive ,TE", "upgrade", ",,", "X-Other, Cookie");

    private final ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/x"));
    private final RemoveHopByHopHeadersFilter stock = new RemoveHopByHopHeadersFilter();
    private final ProxyHeaders.ToService toService = new ProxyHeaders.ToService(PREFIXES);
    private final ProxyHeaders.ToClient toClient = new ProxyHeaders.ToClient();

    @Test
    void dropsWhatSpringCloudGatewaysHopByHopFilterDropsOnThousandsOfHeaderSets() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            HttpHeaders input = randomHeaders(random);
            Set<String> expectedToClient = names(stock.filter(input, exchange));
            Set<String> expectedToService = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            expectedToService.addAll(expectedToClient);
            expectedToService.removeIf(name -> name.equalsIgnoreCase("X-API-Key")
                    || PREFIXES.stream().anyMatch(prefix -> name.regionMatches(true, 0, prefix, 0, prefix.length())));

            assertThat(names(toClient.filter(input, exchange))).as(input.toString()).isEqualTo(expectedToClient);
            assertThat(names(toService.filter(input, exchange))).as(input.toString()).isEqualTo(expectedToService);
        }
    }

    @Test
    void headersOverANettyListComeOutAsSpringsMapDoesOnThousandsOfHeaderSets() {
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            HttpHeaders input = randomHeaders(random);
            HttpHeaders overNetty = overNetty(input);

            HttpHeaders toClientNative = toClient.filter(overNetty, exchange);
            HttpHeaders toServiceNative = toService.filter(overNetty, exchange);

            assertThat(contents(toClientNative)).as(input.toString()).isEqualTo(contents(toClient.filter(input, exchange)));
            assertThat(contents(toServiceNative)).as(input.toString()).isEqualTo(contents(toService.filter(input, exchange)));
            assertThat(toServiceNative).isInstanceOf(NettyHeaders.View.class);
            assertThat(toClientNative).isInstanceOf(NettyHeaders.View.class);
            assertThat(contents(overNetty)).as("the service's own list is not changed").isEqualTo(contents(input));
        }
    }

    @Test
    void keepsEveryValueOfAForwardedHeader() {
        HttpHeaders input = new HttpHeaders();
        input.addAll("Accept", List.of("application/json", "text/plain"));
        input.add("Connection", "X-Private");
        input.add("X-Private", "secret");

        HttpHeaders forwarded = toService.filter(input, exchange);

        assertThat(forwarded.get("Accept")).containsExactly("application/json", "text/plain");
        assertThat(forwarded.containsHeader("X-Private")).isFalse();
    }

    @Test
    void anAnswerWithoutHopByHopHeadersPassesWithoutACopy() {
        HttpHeaders answer = new HttpHeaders();
        answer.add("Content-Type", "application/json");
        answer.add("Content-Length", "2");

        assertThat(toClient.filter(answer, exchange)).isSameAs(answer);
        HttpHeaders overNetty = overNetty(answer);
        assertThat(toClient.filter(overNetty, exchange)).isSameAs(overNetty);
    }

    @Test
    void setsTheVerifiedUserAndNothingTheClientClaimed() {
        exchange.getAttributes().put(Caller.ATTRIBUTE, new Caller(42, false, null, null, "token"));
        HttpHeaders input = new HttpHeaders();
        input.add("X-User-Id", "1");
        input.add("x-user-roles", "admin");

        HttpHeaders forwarded = toService.filter(input, exchange);

        assertThat(forwarded.get(ProxyHeaders.USER_ID)).containsExactly("42");
        assertThat(forwarded.containsHeader("X-User-Roles")).isFalse();
    }

    private static HttpHeaders randomHeaders(Random random) {
        HttpHeaders headers = new HttpHeaders();
        int count = random.nextInt(8);
        for (int i = 0; i < count; i++) {
            String name = NAMES.get(random.nextInt(NAMES.size()));
            String value = name.equalsIgnoreCase("Connection")
                    ? CONNECTION_VALUES.get(random.nextInt(CONNECTION_VALUES.size()))
                    : "v" + random.nextInt(3);
            headers.add(name, value);
        }
        return headers;
    }

    /** The same lines in a Netty list; its values unchecked, as test data has a leading space Netty's decoder trims. */
    private static HttpHeaders overNetty(HttpHeaders headers) {
        io.netty.handler.codec.http.HttpHeaders lines = DefaultHttpHeadersFactory.headersFactory()
                .withValueValidation(false).newHeaders();
        headers.forEach((name, values) -> values.forEach(value -> lines.add(name, value)));
        return NettyHeaders.view(lines);
    }

    /** Every name (in any case) with its values in order. */
    private static Map<String, List<String>> contents(HttpHeaders headers) {
        Map<String, List<String>> contents = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> contents.computeIfAbsent(name, any -> new ArrayList<>()).addAll(values));
        return contents;
    }

    private static Set<String> names(HttpHeaders headers) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(new ArrayList<>(headers.headerNames()));
        return names;
    }
}
