package cl.compraagil.gateway.security;

import cl.compraagil.gateway.edge.EdgeFilter;
import cl.compraagil.security.AccessTokenValidators;
import cl.compraagil.security.TokenProperties;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The gateway as an OAuth2 resource server: RS256 access tokens of type {@code at+jwt} from the suite's
 * issuer, verified against its JWKS; the contract's public paths open, everything else 401 problem+json. The
 * checks run in {@link TokenAuthenticationFilter}, not in Spring Security's reactive filter chain (whose web
 * auto-configuration is excluded in application.yml); Spring Security still provides the JWT decoding and the
 * strict firewall's block-lists ({@link EdgeFirewall}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
class SecurityConfiguration {

    static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
            "/webjars/**", "/.well-known/jwks.json");

    /** Before the API-key exchange and the token check, so their 401s reach a browser with CORS headers. */
    static final int CORS_ORDER = -300;

    @Bean
    VerifiedTokens accessTokenDecoder(TokenProperties tokens, GatewaySecurityProperties properties) {
        AtomicReference<VerifiedTokens> verified = new AtomicReference<>();
        CachedJwkSource keys = new CachedJwkSource(WebClient.create(), tokens.jwksUri(),
                properties.jwksRefetchCooldown(), properties.jwksMaxAge(), Clock.systemUTC(),
                () -> verified.get().forgetAll());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(AccessTokenValidators.typeVerifier()))
                .build();
        decoder.setJwtValidator(AccessTokenValidators.create(tokens));
        verified.set(new VerifiedTokens(decoder, properties.verifiedTokenCacheSize(), properties.jwksMaxAge(),
                Clock.systemUTC(), Ticker.systemTicker()));
        return verified.get();
    }

    @Bean
    TokenAuthenticationFilter tokenAuthentication(VerifiedTokens decoder, GatewaySecurityProperties properties) {
        return new TokenAuthenticationFilter(new EdgeFirewall(), decoder,
                Stream.concat(ALWAYS_PUBLIC.stream(), properties.publicPaths().stream()).toList());
    }

    @Bean
    OrderedCorsFilter corsFilter(GatewaySecurityProperties properties) {
        return new OrderedCorsFilter(cors(properties));
    }

    private static CorsConfigurationSource cors(GatewaySecurityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "X-API-Key", "X-Correlation-Id",
                "Idempotency-Key"));
        cors.setExposedHeaders(List.of("X-Correlation-Id", "RateLimit", "RateLimit-Policy", "Retry-After", "Location"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /** CORS for every answer of the gateway, its own 401s and 429s included. */
    static final class OrderedCorsFilter implements EdgeFilter {

        private final CorsWebFilter cors;

        OrderedCorsFilter(CorsConfigurationSource source) {
            this.cors = new CorsWebFilter(source);
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return cors.filter(exchange, chain);
        }

        @Override
        public int getOrder() {
            return CORS_ORDER;
        }
    }
}
