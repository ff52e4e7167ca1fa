package cl.compraagil.gateway.routing;

import cl.compraagil.gateway.support.StockBeans;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.client.HttpClient;

/**
 * The proxy's two halves, {@link ProxyRoutingFilter} and {@link ProxyResponseWriter}, in place of Spring Cloud
 * Gateway's {@link NettyRoutingFilter} and {@link NettyWriteResponseFilter}. The stock pair's beans have no switch
 * of their own, so they are removed from the registry: left in place, both would route and write.
 */
@Configuration(proxyBeanMethods = false)
class ProxyFilters {

    private static final String[] STOCK_BEANS = {"routingFilter", "nettyWriteResponseFilter"};

    @Bean
    HeaderFilters proxyHeaderFilters(ObjectProvider<List<HttpHeadersFilter>> filters) {
        return new HeaderFilters(filters);
    }

    @Bean
    ProxyRoutingFilter proxyRoutingFilter(HttpClient gatewayHttpClient, RouteTimeouts timeouts,
            HttpClientProperties properties, HeaderFilters proxyHeaderFilters) {
        return new ProxyRoutingFilter(gatewayHttpClient, timeouts, properties, proxyHeaderFilters);
    }

    @Bean
    ProxyResponseWriter proxyResponseWriter(GatewayProperties properties, HeaderFilters proxyHeaderFilters) {
        return new ProxyResponseWriter(properties.getStreamingMediaTypes(), proxyHeaderFilters);
    }

    @Bean
    static BeanDefinitionRegistryPostProcessor dropStockProxyFilters() {
        return StockBeans.removing(STOCK_BEANS);
    }

    /**
     * Spring Cloud Gateway's header filters, looked up at the first request as its own proxy filters do, so that a
     * header filter may depend on beans that are made after the proxy's.
     */
    static final class HeaderFilters {

        private final ObjectProvider<List<HttpHeadersFilter>> provider;
        private volatile List<HttpHeadersFilter> filters;

        HeaderFilters(ObjectProvider<List<HttpHeadersFilter>> provider) {
            this.provider = provider;
        }

        List<HttpHeadersFilter> get() {
            List<HttpHeadersFilter> known = filters;
            if (known == null) {
                known = provider.getIfAvailable(List::of);
                filters = known;
            }
            return known;
        }
    }
}
