package cl.compraagil.gateway.security;

import cl.compraagil.gateway.correlation.CorrelationId;
import cl.compraagil.gateway.support.StockBeans;
import java.util.ArrayList;
import java.util.List;
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

    private static boolean isHopByHop(String name) {
        for (String hop : HOP_BY_HOP) {
            if (hop.length() == name.length() && hop.equalsIgnoreCase(name)) {
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
    private static boolean hopByHop(String name, List<String> connectionOptions) {
        if (isHopByHop(name)) {
            return true;
        }
        for (int i = 0; i < connectionOptions.size(); i++) {
            if (connectionOptions.get(i).equalsIgnoreCase(name)) {
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
            HttpHeaders forwarded = new HttpHeaders();
            input.forEach((name, values) -> {
                if (!hopByHop(name, options) && !isIdentity(name)) {
                    forwarded.put(name, values);
                }
            });
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

        private boolean isIdentity(String name) {
            if (name.equalsIgnoreCase(API_KEY)) {
                return true;
            }
            for (String prefix : identityPrefixes) {
                if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
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
            HttpHeaders kept = new HttpHeaders();
            input.forEach((name, values) -> {
                if (!hopByHop(name, options)) {
                    kept.put(name, values);
                }
            });
            return kept;
        }

        private static boolean anyDropped(HttpHeaders headers, List<String> options) {
            for (String name : headers.headerNames()) {
                if (hopByHop(name, options)) {
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
