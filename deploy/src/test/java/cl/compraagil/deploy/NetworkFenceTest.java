package cl.compraagil.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Only the gateway is reachable from other pods; a backend service accepts the gateway, and auth-service also
 * accepts the services that fetch its JWKS. Tokens are still verified by every service.
 */
class NetworkFenceTest {

    private static final Map<String, String> INTRUDER = Map.of("app.kubernetes.io/name", "intruder");
    private static final List<String> BACKENDS = List.of("auth-service", "subscription-service",
            "licitacion-service", "ml-service", "notification-service");

    @EveryKustomization
    void anyPodMayReachTheGateway(String kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);

        assertThat(NetworkFence.of(manifests).admits(INTRUDER, podLabels(manifests).get("gateway"))).isTrue();
    }

    @EveryKustomization
    void backendServicesAcceptTheGatewayButNoOtherPod(String kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        NetworkFence fence = NetworkFence.of(manifests);
        Map<String, Map<String, String>> pods = podLabels(manifests);

        for (String backend : BACKENDS) {
            assertThat(fence.admits(pods.get("gateway"), pods.get(backend))).as("gateway -> %s", backend).isTrue();
            assertThat(fence.admits(INTRUDER, pods.get(backend))).as("intruder -> %s", backend).isFalse();
        }
        assertThat(fence.admits(pods.get("notification-service"), pods.get("ml-service"))).isFalse();
        assertThat(fence.admits(pods.get("ml-service"), pods.get("licitacion-service"))).isFalse();
    }

    @EveryKustomization
    void everyServiceMayFetchTheSigningKeysFromAuthService(String kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        NetworkFence fence = NetworkFence.of(manifests);
        Map<String, Map<String, String>> pods = podLabels(manifests);

        pods.keySet().stream().filter(service -> !service.equals("auth-service")).forEach(service ->
                assertThat(fence.admits(pods.get(service), pods.get("auth-service")))
                        .as("%s -> auth-service", service).isTrue());
    }

    @Test
    void developmentDataStoresAcceptTheServicesOnly() {
        RenderedManifests manifests = RenderedManifests.of("k8s/overlays/dev");
        NetworkFence fence = NetworkFence.of(manifests);
        Map<String, Map<String, String>> pods = podLabels(manifests);

        for (String store : List.of("postgres", "redis", "kafka")) {
            Map<String, String> storeLabels = manifests.find("StatefulSet", store)
                    .path("spec", "template", "metadata", "labels").textFields();
            assertThat(fence.admits(pods.get("auth-service"), storeLabels)).as("auth-service -> %s", store).isTrue();
            assertThat(fence.admits(INTRUDER, storeLabels)).as("intruder -> %s", store).isFalse();
        }
    }

    private static Map<String, Map<String, String>> podLabels(RenderedManifests manifests) {
        return manifests.deployments().stream().map(Workload::new)
                .collect(Collectors.toMap(Workload::name, Workload::podLabels));
    }
}
