package cl.compraagil.gateway.routing;

import java.util.List;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.resources.ConnectionProvider;

/**
 * Spring Cloud Gateway's proxy client as its auto-configuration builds it (pool, time-outs, TLS, proxy and the
 * customizers from {@code spring.cloud.gateway.server.webflux.httpclient}), with one pool per event loop
 * ({@link LoopAffineConnectionProvider}).
 */
@Configuration(proxyBeanMethods = false)
class ProxyClientConfiguration {

    @Bean
    HttpClientFactory gatewayHttpClientFactory(HttpClientProperties properties, ServerProperties server,
            HttpClientSslConfigurer ssl, List<HttpClientCustomizer> customizers) {
        return new LoopAffineClientFactory(properties, server, ssl, customizers);
    }

    static final class LoopAffineClientFactory extends HttpClientFactory {

        LoopAffineClientFactory(HttpClientProperties properties, ServerProperties server, HttpClientSslConfigurer ssl,
                List<HttpClientCustomizer> customizers) {
            super(properties, server, ssl, customizers);
        }

        @Override
        protected ConnectionProvider buildConnectionProvider(HttpClientProperties properties) {
            return new LoopAffineConnectionProvider(() -> super.buildConnectionProvider(properties));
        }
    }
}
