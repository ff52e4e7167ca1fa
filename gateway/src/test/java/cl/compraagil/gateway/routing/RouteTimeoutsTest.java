package cl.compraagil.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;

class RouteTimeoutsTest {

    private final RouteTimeouts timeouts = new RouteTimeouts(
            new ServiceTargets(Map.of("ml-service", URI.create("http://ml:8084")), Duration.ofSeconds(10)));

    @Test
    void aRouteWaitsTheDefaultUnlessItsMetadataSaysOtherwise() {
        Route plain = route("licitacion-service", Map.of());
        Route analysis = route("ml-analysis", Map.of(RouteTimeouts.METADATA_KEY, 60000));
        assertThat(timeouts.of(plain)).isEqualTo(Duration.ofSeconds(10));
        assertThat(timeouts.of(analysis)).isEqualTo(Duration.ofMinutes(1));
    }

    private static Route route(String id, Map<String, Object> metadata) {
        return Route.async().id(id).uri(URI.create("http://localhost:1")).predicate(exchange -> true)
                .metadata(metadata).build();
    }
}
