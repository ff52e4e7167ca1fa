package cl.compraagil.security;

import cl.compraagil.problem.Problems;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a servlet service a resource server: every request but health, docs and the service's declared
 * public paths needs a valid access token, verified here against the issuer's JWKS, even when the
 * gateway already checked it.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(TokenProperties.class)
@EnableMethodSecurity
public class ServiceSecurityAutoConfiguration {

    static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error");

    static final Duration JWKS_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration JWKS_READ_TIMEOUT = Duration.ofSeconds(3);

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder accessTokenDecoder(TokenProperties properties) {
        // Nimbus's own JWKS fetch gives up after 500 ms, which a busy auth-service can exceed; the keys are cached,
        // so only a cold start or a new kid waits for this read
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(JWKS_CONNECT_TIMEOUT);
        requests.setReadTimeout(JWKS_READ_TIMEOUT);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
                .restOperations(new RestTemplate(requests))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(AccessTokenValidators.<SecurityContext>typeVerifier()))
                .build();
        decoder.setJwtValidator(AccessTokenValidators.create(properties));
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain serviceSecurityFilterChain(HttpSecurity http, JwtDecoder decoder, TokenProperties properties)
            throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new TokenAuthorities());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ALWAYS_PUBLIC.toArray(String[]::new)).permitAll()
                        .requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((request, response, e) -> write(response, 401, "unauthorized",
                                "Debes iniciar sesión con un token válido."))
                        .accessDeniedHandler((request, response, e) -> write(response, 403, "forbidden",
                                "No tienes permiso para realizar esta acción.")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> write(response, 401, "unauthorized",
                                "Debes iniciar sesión con un token válido."))
                        .accessDeniedHandler((request, response, e) -> write(response, 403, "forbidden",
                                "No tienes permiso para realizar esta acción.")));
        return http.build();
    }

    @Bean
    WebMvcConfigurer authenticatedUserArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new AuthenticatedUserResolver());
            }
        };
    }

    static void write(HttpServletResponse response, int status, String error, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getOutputStream().write(Problems.json(status, error, detail).getBytes(StandardCharsets.UTF_8));
    }

    /** Resolves an {@link AuthenticatedUser} controller parameter from the verified token. */
    static final class AuthenticatedUserResolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return AuthenticatedUser.class.equals(parameter.getParameterType());
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binderFactory) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
                return AuthenticatedUser.of(jwt);
            }
            throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException("no token");
        }
    }
}
