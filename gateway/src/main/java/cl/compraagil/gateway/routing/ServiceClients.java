package cl.compraagil.gateway.routing;

import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * HTTP clients for the gateway's own calls to services (API-key exchange, entitlements): load balanced for
 * {@code lb://} targets, plain for DNS or fixed URLs, always with connect and response time-outs.
 */
@Component
public class ServiceClients {

    private final ServiceTargets targets;
    private final ObjectProvider<ReactorLoadBalancerExchangeFilterFunction> loadBalancer;

    ServiceClients(ServiceTargets targets, ObjectProvider<ReactorLoadBalancerExchangeFilterFunction> loadBalancer) {
        this.targets = targets;
        this.loadBalancer = loadBalancer;
    }

    public WebClient forService(String service, Duration timeout) {
        URI target = targets.of(service);
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 2000))
                .responseTimeout(timeout);
        WebClient.Builder builder = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http));
        if ("lb".equals(target.getScheme())) {
            ReactorLoadBalancerExchangeFilterFunction balancer = loadBalancer.getIfAvailable();
            if (balancer == null) {
                throw new IllegalStateException("lb:// target " + target + " needs Spring Cloud LoadBalancer");
            }
            return builder.filter(balancer).baseUrl("http://" + target.getHost()).build();
        }
        return builder.baseUrl(target.toString()).build();
    }
}
