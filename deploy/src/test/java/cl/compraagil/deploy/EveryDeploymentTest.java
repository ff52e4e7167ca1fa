package cl.compraagil.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The rules every Deployment must meet in the base and in both overlays: sized, unprivileged, probed on the actuator
 * groups, configured from a ConfigMap and a Secret, with its own ServiceAccount, Service, autoscaler and budget.
 */
class EveryDeploymentTest {

    private static final List<String> SERVICES = List.of("gateway", "auth-service", "subscription-service",
            "licitacion-service", "ml-service", "notification-service");

    @EveryKustomization
    void deploysTheSixServicesAndNotTheEurekaRegistry(String kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);

        assertThat(manifests.deployments()).map(RenderedManifests::name)
                .containsExactlyInAnyOrderElementsOf(SERVICES)
                .doesNotContain("discovery");
        assertThat(manifests.objects()).map(RenderedManifests::name).doesNotContain("discovery");
    }

    @EveryKustomization
    void everyContainerRequestsAndLimitsCpuAndMemory(String kustomization) {
        assertNoViolations(kustomization, (workload, violations) -> workload.containers().forEach(container -> {
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (container.path("resources", bound, resource).isMissing()) {
                        violations.add(workload.name() + " has no " + bound + "." + resource);
                    }
                }
            }
        }));
    }

    @EveryKustomization
    void everyContainerRunsAsNonRootOnAReadOnlyRootWithoutPrivilegeOrCapabilities(String kustomization) {
        assertNoViolations(kustomization, (workload, violations) -> workload.containers().forEach(container -> {
            expect(violations, workload, "runAsNonRoot", workload.effectiveSecurity(container, "runAsNonRoot"), "true");
            expect(violations, workload, "readOnlyRootFilesystem",
                    workload.effectiveSecurity(container, "readOnlyRootFilesystem"), "true");
            expect(violations, workload, "allowPrivilegeEscalation",
                    container.path("securityContext", "allowPrivilegeEscalation").text(), "false");
            boolean dropsAll = container.path("securityContext", "capabilities", "drop").items()
                    .anyMatch(capability -> "ALL".equals(capability.text()));
            if (!dropsAll) {
                violations.add(workload.name() + " does not drop ALL capabilities");
            }
            if (!workload.emptyDirMountPaths(container).contains("/tmp")) {
                violations.add(workload.name() + " has a read-only root but no writable emptyDir at /tmp");
            }
        }));
    }

    @EveryKustomization
    void everyContainerHasSeparateProbesOnTheActuatorHealthGroups(String kustomization) {
        assertNoViolations(kustomization, (workload, violations) -> workload.containers().forEach(container -> {
            expect(violations, workload, "livenessProbe path",
                    container.path("livenessProbe", "httpGet", "path").text(), "/actuator/health/liveness");
            expect(violations, workload, "readinessProbe path",
                    container.path("readinessProbe", "httpGet", "path").text(), "/actuator/health/readiness");
            if (container.get("startupProbe").isMissing()) {
                violations.add(workload.name() + " has no startupProbe to cover the JVM start");
            }
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                String port = container.path(probe, "httpGet", "port").text();
                if (!workload.containerPorts().contains(port)) {
                    violations.add(workload.name() + " " + probe + " targets port " + port + " it does not expose");
                }
            }
        }));
    }

    @EveryKustomization
    void everyContainerTakesConfigFromAConfigMapAndSecretsFromASecret(String kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        assertNoViolations(kustomization, (workload, violations) -> workload.containers().forEach(container -> {
            List<YamlNode> sources = container.get("envFrom").items().toList();
            List<String> configMaps = sources.stream().map(source -> source.path("configMapRef", "name").text())
                    .filter(name -> name != null).toList();
            boolean hasSecret = sources.stream().anyMatch(source -> !source.path("secretRef", "name").isMissing());
            if (configMaps.isEmpty() || !hasSecret) {
                violations.add(workload.name() + " does not take envFrom both a ConfigMap and a Secret");
            }
            configMaps.stream().filter(name -> manifests.find("ConfigMap", name).isMissing())
                    .forEach(name -> violations.add(workload.name() + " refers to missing ConfigMap " + name));
        }));
    }

    @EveryKustomization
    void everyDeploymentRunsUnderItsOwnServiceAccount(String kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        assertNoViolations(kustomization, (workload, violations) -> {
            String account = workload.podSpec().get("serviceAccountName").text();
            if (account == null || "default".equals(account) || manifests.find("ServiceAccount", account).isMissing()) {
                violations.add(workload.name() + " does not run under a ServiceAccount of its own: " + account);
            }
        });
    }

    @EveryKustomization
    void everyDeploymentIsReachableThroughAServiceOnItsContainerPort(String kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        assertNoViolations(kustomization, (workload, violations) -> {
            boolean served = manifests.ofKind("Service").stream()
                    .filter(service -> workload.selectedBy(service.path("spec", "selector")))
                    .flatMap(service -> service.path("spec", "ports").items())
                    .anyMatch(port -> workload.containerPorts().contains(port.get("targetPort").text()));
            if (!served) {
                violations.add(workload.name() + " has no Service selecting its pods on a container port");
            }
        });
    }

    @EveryKustomization
    void everyDeploymentHasAnAutoscalerAndADisruptionBudget(String kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        assertNoViolations(kustomization, (workload, violations) -> {
            boolean scaled = manifests.ofKind("HorizontalPodAutoscaler").stream()
                    .map(autoscaler -> autoscaler.path("spec", "scaleTargetRef"))
                    .anyMatch(target -> "Deployment".equals(target.get("kind").text())
                            && workload.name().equals(target.get("name").text()));
            boolean budgeted = manifests.ofKind("PodDisruptionBudget").stream()
                    .anyMatch(budget -> workload.selectedBy(budget.path("spec", "selector", "matchLabels")));
            if (!scaled || !budgeted) {
                violations.add(workload.name() + " autoscaler: " + scaled + ", disruption budget: " + budgeted);
            }
        });
    }

    private static void expect(List<String> violations, Workload workload, String field, String actual,
            String expected) {
        if (!expected.equals(actual)) {
            violations.add(workload.name() + " " + field + " is " + actual + ", expected " + expected);
        }
    }

    private static void assertNoViolations(String kustomization, BiConsumer<Workload, List<String>> rule) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        List<String> violations = new ArrayList<>();
        manifests.deployments().stream().map(Workload::new).forEach(workload -> rule.accept(workload, violations));
        assertThat(manifests.deployments()).as("Deployments rendered from %s", kustomization).isNotEmpty();
        assertThat(violations).as("rule violations in %s", kustomization).isEmpty();
    }
}
