package cl.compraagil.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.ORIGINAL_RESPONSE_CONTENT_TYPE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.PRESERVE_HOST_HEADER_ATTRIBUTE;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.isAlreadyRouted;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.setAlreadyRouted;

import cl.compraagil.gateway.support.NettyHeaders;
import io.netty.channel.ChannelOption;
import io.netty.util.AsciiString;
import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Sends a routed request to its service, with its route's time-out ({@link RouteTimeouts}), and leaves the answer
 * to {@link ProxyResponseWriter}, in place of Spring Cloud Gateway's {@link NettyRoutingFilter}: same order, same
 * exchange attributes, same header filters, same client (pool, TLS, customizers). What differs is only what it
 * costs per request:
 * <ul>
 * <li>the service's address reaches Reactor Netty as a {@link URI}, read with its getters; as a string, which is
 * what the stock filter passes, Reactor Netty parses it with a regular expression every time;</li>
 * <li>the filtered headers are written straight into the outgoing request; the stock filter copies them into a
 * Netty header map first and configures a new client around it, plus a second one for the connect time-out,
 * on every request (here one client per connect time-out value, made once);</li>
 * <li>the service's headers go to the header filters as a {@link NettyHeaders.View} of Netty's list; when the
 * filters hand back a Netty list (unchanged, or a trimmed copy), it reaches the client's response in one bulk
 * copy; the stock filter copies them into a map, then name by name into the response.</li>
 * </ul>
 * Not carried over: the stock filter's {@code response-timeout}, since the gateway's time-outs are
 * {@link RouteTimeouts}', and the attribute naming the service's headers, which only route filters this gateway
 * does not configure read.
 */
final class ProxyRoutingFilter implements GlobalFilter, Ordered {

    private final HttpClient client;
    private final RouteTimeouts timeouts;
    private final Integer connectTimeout;
    private final ProxyFilters.HeaderFilters headersFilters;
    private final Map<Integer, HttpClient> byConnectTimeout = new ConcurrentHashMap<>();

    ProxyRoutingFilter(HttpClient client, RouteTimeouts timeouts, HttpClientProperties properties,
            ProxyFilters.HeaderFilters headersFilters) {
        this.client = client;
        this.timeouts = timeouts;
        this.connectTimeout = properties.getConnectTimeout();
        this.headersFilters = headersFilters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI url = exchange.getRequiredAttribute(GATEWAY_REQUEST_URL_ATTR);
        String scheme = url.getScheme();
        if (isAlreadyRouted(exchange) || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            return chain.filter(exchange);
        }
        setAlreadyRouted(exchange);
        Route route = exchange.getRequiredAttribute(GATEWAY_ROUTE_ATTR);
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders forwarded = HttpHeadersFilter.filterRequest(headersFilters.get(), exchange);
        String host = exchange.getAttributeOrDefault(PRESERVE_HOST_HEADER_ATTRIBUTE, false)
                ? request.getHeaders().getFirst(HttpHeaders.HOST) : null;
        HttpClient.RequestSender sender = clientFor(route)
                .request(io.netty.handler.codec.http.HttpMethod.valueOf(request.getMethod().name()));
        return (isAscii(url) ? sender.uri(url) : sender.uri(url.toASCIIString()))
                .send((outgoing, body) -> {
                    outgoing.responseTimeout(timeouts.of(route));
                    writeHeaders(forwarded, host, outgoing.requestHeaders());
                    return body.send(request.getBody().map(NettyDataBufferFactory::toByteBuf));
                })
                .responseConnection((answer, connection) -> {
                    received(exchange, answer, connection);
                    return Mono.just(answer);
                })
                .then(chain.filter(exchange));
    }

    /**
     * The filtered headers over Reactor Netty's defaults: a client's {@code User-Agent} or {@code Accept} replaces
     * the default one, and {@code Host} stays the service's own unless the route preserves the client's.
     */
    static void writeHeaders(HttpHeaders forwarded, String preservedHost, io.netty.handler.codec.http.HttpHeaders outgoing) {
        io.netty.handler.codec.http.HttpHeaders lines = NettyHeaders.nativeOf(forwarded);
        if (lines != null) {
            // two passes over Netty's list: a name's values replace the default, and all of them are kept
            for (Iterator<Map.Entry<CharSequence, CharSequence>> each = lines.iteratorCharSequence(); each.hasNext(); ) {
                CharSequence name = each.next().getKey();
                if (!AsciiString.contentEqualsIgnoreCase(HttpHeaders.HOST, name)) {
                    outgoing.remove(name);
                }
            }
            for (Iterator<Map.Entry<CharSequence, CharSequence>> each = lines.iteratorCharSequence(); each.hasNext(); ) {
                Map.Entry<CharSequence, CharSequence> line = each.next();
                if (!AsciiString.contentEqualsIgnoreCase(HttpHeaders.HOST, line.getKey())) {
                    outgoing.add(line.getKey(), line.getValue());
                }
            }
        } else {
            forwarded.forEach((name, values) -> {
                if (!HttpHeaders.HOST.equalsIgnoreCase(name)) {
                    outgoing.set(name, values);
                }
            });
        }
        if (preservedHost != null) {
            outgoing.set(HttpHeaders.HOST, preservedHost);
        }
    }

    private void received(ServerWebExchange exchange, HttpClientResponse answer, Connection connection) {
        exchange.getAttributes().put(CLIENT_RESPONSE_ATTR, answer);
        exchange.getAttributes().put(CLIENT_RESPONSE_CONN_ATTR, connection);
        io.netty.handler.codec.http.HttpHeaders serviceHeaders = answer.responseHeaders();
        String contentType = serviceHeaders.get(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.isEmpty()) {
            exchange.getAttributes().put(ORIGINAL_RESPONSE_CONTENT_TYPE_ATTR, contentType);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(answer.status().code()));
        // the filters run after the status is set, so they can read it
        HttpHeaders filtered = HttpHeadersFilter.filter(headersFilters.get(), NettyHeaders.view(serviceHeaders), exchange,
                HttpHeadersFilter.Type.RESPONSE);
        if (!filtered.containsHeader(HttpHeaders.TRANSFER_ENCODING) && filtered.containsHeader(HttpHeaders.CONTENT_LENGTH)) {
            // a length and a chunked encoding together are invalid: the length is what the answer keeps
            response.getHeaders().remove(HttpHeaders.TRANSFER_ENCODING);
        }
        io.netty.handler.codec.http.HttpHeaders lines = NettyHeaders.nativeOf(filtered);
        io.netty.handler.codec.http.HttpHeaders responseHeaders = lines != null ? NettyHeaders.of(response) : null;
        if (responseHeaders != null) {
            responseHeaders.add(lines);
        } else {
            response.getHeaders().addAll(filtered);
        }
    }

    private HttpClient clientFor(Route route) {
        Object configured = route.getMetadata().get(CONNECT_TIMEOUT_ATTR);
        Integer millis = configured == null ? connectTimeout
                : configured instanceof Number number ? Integer.valueOf(number.intValue()) : Integer.valueOf(configured.toString());
        if (millis == null) {
            return client;
        }
        HttpClient known = byConnectTimeout.get(millis);
        return known != null ? known
                : byConnectTimeout.computeIfAbsent(millis, timeout -> client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeout));
    }

    /** A URI without characters outside ASCII, which Reactor Netty can take as it is. */
    private static boolean isAscii(URI url) {
        String text = url.toString();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int getOrder() {
        return NettyRoutingFilter.ORDER;
    }
}
