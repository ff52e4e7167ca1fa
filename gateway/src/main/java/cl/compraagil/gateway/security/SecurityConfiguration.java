package cl.compraagil.gateway.security;

import cl.compraagil.gateway.problem.ProblemResponses;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway as an OAuth2 resource server: RS256 access tokens of type {@code at+jwt} from the suite's
 * issuer, verified against its JWKS; the contract's public paths open, everything else 401 problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(TokenProperties.class)
class SecurityConfiguration {

    static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
            "/webjars/**", "/.well-known/jwks.json");

    @Bean
    ReactiveJwtDecoder accessTokenDecoder(TokenProperties tokens, GatewaySecurityProperties properties) {
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

    /**
     * No observation per security filter, authentication and authorization: http.server.requests already times
     * each request, and these would add several timers and long-task timers to every proxied call.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The strict firewall, with its header-value rule checked without a regular expression. */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderValues(HeaderValues::allowed);
        return firewall;
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            GatewaySecurityProperties properties) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(cors -> cors.configurationSource(cors(properties)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .matchers(new PublicPaths(Stream.concat(ALWAYS_PUBLIC.stream(),
                                properties.publicPaths().stream()).toList())).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder))
                        .authenticationEntryPoint((exchange, e) -> unauthorized(exchange))
                        .accessDeniedHandler((exchange, e) -> forbidden(exchange)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> unauthorized(exchange))
                        .accessDeniedHandler((exchange, e) -> forbidden(exchange)))
                .build();
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange) {
        return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized",
                "Debes iniciar sesión con un token válido.");
    }

    private static Mono<Void> forbidden(ServerWebExchange exchange) {
        return ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, "forbidden",
                "No tienes permiso para realizar esta acción.");
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
}
