package cl.compraagil.gateway.security;

import cl.compraagil.gateway.correlation.CorrelationId;
import cl.compraagil.gateway.support.NettyHeaders;
import cl.compraagil.gateway.support.StockBeans;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers that cross the gateway, each way in one pass.
 *
 * <p>To a service: the hop-by-hop headers of the client's connection stay behind (the fixed list Spring Cloud
 * Gateway removes, and every header the {@code Connection} header names); any identity header a client sent is
 * dropped, because services trust only identity the gateway derived from a verified token; {@code X-User-Id} is
 * set from the token's subject and {@code X-Correlation-Id} from the request's id. The Authorization header
 * travels unchanged, so each service verifies the token again.
 *
 * <p>To the client: the service's own hop-by-hop headers stay behind; when it sent none, its headers pass as they
 * are, without a copy.
 *
 * <p>When the headers are over a Netty list (the client's request as received, or the service's answer, which
 * the proxy hands over as a {@link NettyHeaders.View}), both directions read and build Netty lists: Spring's
 * {@code HttpHeaders.forEach} and {@code headerNames()} copy every name into a case-insensitive map on each call,
 * a quarter of what the gateway allocated per request.
 *
 * <p>Spring Cloud Gateway's {@link RemoveHopByHopHeadersFilter} did the hop-by-hop part with a set, a lower-cased
 * copy of every name and a copy of the headers per request and per answer, and the identity part needed a
 * second copy: together 7 % of the gateway's CPU per request in the profile. Its bean definition is therefore
 * dropped ({@link #dropStockHopByHopFilter()}); {@code ProxyHeadersTest} pins the same removals.
 */
final class ProxyHeaders {

    static final String USER_ID = "X-User-Id";
    private static final String API_KEY = "X-API-Key";
    private static final String STOCK_HOP_BY_HOP_BEAN = "removeHopByHopHeadersFilter";

    /** The stock filter's own list, also removed from answers; an array, for a length check before each compare. */
    private static final String[] HOP_BY_HOP =
            RemoveHopByHopHeadersFilter.HEADERS_REMOVED_ON_REQUEST.toArray(new String[0]);

    private ProxyHeaders() {
    }

    private static boolean isHopByHop(CharSequence name) {
        for (String hop : HOP_BY_HOP) {
            if (hop.length() == name.length() && AsciiString.contentEqualsIgnoreCase(hop, name)) {
                return true;
            }
        }
        return false;
    }

    /** The header names a {@code Connection} header lists (RFC 9110, 7.6.1); empty without one. */
    static List<String> connectionOptions(HttpHeaders headers) {
        List<String> values = headers.get(HttpHeaders.CONNECTION);
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<String> options = new ArrayList<>(2);
        for (String value : values) {
            for (String option : value.split(",")) {
                String name = option.trim();
                if (!name.isEmpty()) {
                    options.add(name);
                }
            }
        }
        return options;
    }

    /** Whether {@code name} belongs to one connection only: on the fixed list, or named by its Connection header. */
    private static boolean hopByHop(CharSequence name, List<String> connectionOptions) {
        if (isHopByHop(name)) {
            return true;
        }
        for (int i = 0; i < connectionOptions.size(); i++) {
            if (AsciiString.contentEqualsIgnoreCase(connectionOptions.get(i), name)) {
                return true;
            }
        }
        return false;
    }

    /** What a service receives. */
    static final class ToService implements HttpHeadersFilter, Ordered {

        private final List<String> identityPrefixes;

        ToService(List<String> identityPrefixes) {
            this.identityPrefixes = List.copyOf(identityPrefixes);
        }

        @Override
        public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
            List<String> options = connectionOptions(input);
            io.netty.handler.codec.http.HttpHeaders received = NettyHeaders.nativeOf(input, exchange.getRequest());
            HttpHeaders forwarded;
            if (received != null) {
                io.netty.handler.codec.http.HttpHeaders kept = new DefaultHttpHeaders();
                for (Iterator<Map.Entry<CharSequence, CharSequence>> lines = received.iteratorCharSequence(); lines.hasNext(); ) {
                    Map.Entry<CharSequence, CharSequence> line = lines.next();
                    if (forwards(line.getKey(), options)) {
                        kept.add(line.getKey(), line.getValue());
                    }
                }
                forwarded = NettyHeaders.view(kept);
            } else {
                forwarded = new HttpHeaders();
                input.forEach((name, values) -> {
                    if (forwards(name, options)) {
                        forwarded.put(name, values);
                    }
                });
            }
            Caller caller = Caller.of(exchange);
            if (caller != null) {
                forwarded.set(USER_ID, Long.toString(caller.userId()));
            }
            String correlationId = CorrelationId.of(exchange);
            if (correlationId != null) {
                forwarded.set(CorrelationId.HEADER, correlationId);
            }
            return forwarded;
        }

        /** Whether a service receives the client's header {@code name}: not hop-by-hop, and not an identity claim. */
        private boolean forwards(CharSequence name, List<String> connectionOptions) {
            return !hopByHop(name, connectionOptions) && !isIdentity(name);
        }

        private boolean isIdentity(CharSequence name) {
            if (AsciiString.contentEqualsIgnoreCase(API_KEY, name)) {
                return true;
            }
            for (String prefix : identityPrefixes) {
                if (AsciiString.regionMatches(name, true, 0, prefix, 0, prefix.length())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean supports(Type type) {
            return type == Type.REQUEST;
        }

        /** After Spring Cloud Gateway's transfer-encoding normalisation, which reads Transfer-Encoding. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** What the client receives of a service's answer. */
    static final class ToClient implements HttpHeadersFilter, Ordered {

        @Override
        public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
            List<String> options = connectionOptions(input);
            if (!anyDropped(input, options)) {
                return input;
            }
            io.netty.handler.codec.http.HttpHeaders answered = NettyHeaders.nativeOf(input);
            if (answered != null) {
                io.netty.handler.codec.http.HttpHeaders kept = answered.copy();
                for (String hop : HOP_BY_HOP) {
                    kept.remove(hop);
                }
                for (String option : options) {
                    kept.remove(option);
                }
                return NettyHeaders.view(kept);
            }
            HttpHeaders kept = new HttpHeaders();
            input.forEach((name, values) -> {
                if (!hopByHop(name, options)) {
                    kept.put(name, values);
                }
            });
            return kept;
        }

        /** Looked up name by name: a walk over Spring's header names would copy them all first. */
        private static boolean anyDropped(HttpHeaders headers, List<String> options) {
            for (String hop : HOP_BY_HOP) {
                if (headers.containsHeader(hop)) {
                    return true;
                }
            }
            for (String option : options) {
                if (headers.containsHeader(option)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean supports(Type type) {
            return type == Type.RESPONSE;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Filters {

        @Bean
        ToService serviceRequestHeaders(GatewaySecurityProperties properties) {
            return new ToService(properties.identityHeaderPrefixes());
        }

        @Bean
        ToClient clientResponseHeaders() {
            return new ToClient();
        }

        /**
         * Removes Spring Cloud Gateway's hop-by-hop filter, whose work {@link ToService} and {@link ToClient} do:
         * its bean has no condition to switch it off, and left in place it would copy the headers again.
         */
        @Bean
        static BeanDefinitionRegistryPostProcessor dropStockHopByHopFilter() {
            return StockBeans.removing(STOCK_HOP_BY_HOP_BEAN);
        }
    }
}
