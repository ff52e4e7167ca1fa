package cl.compraagil.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where each service lives: {@code lb://<service>} through Eureka in local runs and compose, a Service DNS
 * name on Kubernetes, a stub server in tests. Routes and the gateway's own clients read the same map. Also the
 * time a route waits for its service's answer, unless its metadata says otherwise ({@link RouteTimeouts}).
 */
@ConfigurationProperties("gateway")
public record ServiceTargets(Map<String, URI> services, @DefaultValue("10s") Duration routeTimeout) {

    public URI of(String service) {
        URI uri = services == null ? null : services.get(service);
        if (uri == null) {
            throw new IllegalStateException("No target configured for gateway.services." + service);
        }
        return uri;
    }
}
