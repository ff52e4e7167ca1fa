package cl.compraagil.gateway.routing;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service lives: {@code lb://<service>} through Eureka in local runs and compose, a Service DNS
 * name on Kubernetes, a stub server in tests. Routes and the gateway's own clients read the same map.
 */
@ConfigurationProperties("gateway")
public record ServiceTargets(Map<String, URI> services) {

    public URI of(String service) {
        URI uri = services == null ? null : services.get(service);
        if (uri == null) {
            throw new IllegalStateException("No target configured for gateway.services." + service);
        }
        return uri;
    }
}
