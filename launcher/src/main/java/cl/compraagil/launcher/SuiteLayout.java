package cl.compraagil.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The services of the suite in start order, discovery first, wired to the engines and to each other through the
 * environment variables of docs/development.md. Tests build their own layout with other ports or fewer services.
 */
public record SuiteLayout(List<ServiceSpec> services) {

    public static final String DISCOVERY = "discovery";
    public static final String GATEWAY = "gateway";

    private static final String READINESS = "/actuator/health/readiness";

    public SuiteLayout {
        services = List.copyOf(services);
    }

    /** The whole suite on its documented ports, using the given engines. */
    public static SuiteLayout standard(Workspace workspace, EngineSettings engines) {
        String eurekaUrl = "http://localhost:8761/eureka/";
        String jwksUri = "http://localhost:8081/.well-known/jwks.json";
        List<ServiceSpec> services = new ArrayList<>();
        // Eureka's own health is enough: it has no dependencies to wait for
        services.add(new ServiceSpec(DISCOVERY, 8761, "/actuator/health", workspace.jarOf(DISCOVERY), Map.of()));
        services.add(spec(workspace, GATEWAY, 8080, eurekaUrl, jwksUri));
        String[][] withDatabase = {
            {"auth-service", "8081", "auth"}, {"subscription-service", "8082", "subscription"},
            {"licitacion-service", "8083", "licitacion"}, {"ml-service", "8084", "ml"},
            {"notification-service", "8085", "notification"}};
        for (String[] service : withDatabase) {
            services.add(spec(workspace, service[0], Integer.parseInt(service[1]), eurekaUrl, jwksUri)
                    .withEnvironment("DB_URL", engines.jdbcUrl(service[2])));
        }
        return new SuiteLayout(services);
    }

    private static ServiceSpec spec(Workspace workspace, String module, int port, String eurekaUrl, String jwksUri) {
        return new ServiceSpec(module, port, READINESS, workspace.jarOf(module),
                Map.of("EUREKA_URL", eurekaUrl, "JWKS_URI", jwksUri));
    }

    /** Only the services whose module exists in this checkout, for a suite that is still being written. */
    public SuiteLayout presentIn(Workspace workspace) {
        return new SuiteLayout(services.stream().filter(service -> workspace.hasModule(service.module())).toList());
    }

    public List<ServiceSpec> discovery() {
        return services.stream().filter(service -> service.module().equals(DISCOVERY)).toList();
    }

    public List<ServiceSpec> afterDiscovery() {
        return services.stream().filter(service -> !service.module().equals(DISCOVERY)).toList();
    }

    public List<NamedPort> ports() {
        return services.stream().map(service -> new NamedPort(service.port(), service.module())).toList();
    }
}
