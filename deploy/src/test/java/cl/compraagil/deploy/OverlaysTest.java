package cl.compraagil.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What distinguishes the environments: discovery, configuration, secrets, data stores, sizing and images. */
class OverlaysTest {

    private static final Set<String> MANDATORY_SECRETS =
            Set.of("DB_USER", "DB_PASSWORD", "AUTH_KEY_ENCRYPTION_SECRET", "AUTH_API_KEY_HMAC_SECRET",
                    "TELEGRAM_BOT_CLIENT_SECRET", "INTERNAL_CLIENT_SECRET", "WEBHOOK_SECRET_KEYS");
    private static final Map<String, String> DATABASES = Map.of("auth-service", "auth",
            "subscription-service", "subscription", "licitacion-service", "licitacion", "ml-service", "ml",
            "notification-service", "notification");

    @EveryKustomization
    void servicesRouteByServiceNameWithTheEurekaClientOff(String kustomization) {
        Map<String, String> config = config(RenderedManifests.of(kustomization));

        assertThat(config).containsEntry("SPRING_PROFILES_ACTIVE", "k8s")
                .containsEntry("EUREKA_CLIENT_ENABLED", "false")
                .containsEntry("JWKS_URI", "http://auth-service:8081/.well-known/jwks.json")
                .doesNotContainKey("EUREKA_URL");
        assertThat(config.get("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=");
    }

    @EveryKustomization
    void everyServiceWithADatabaseConnectsToItsOwn(String kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);

        for (YamlNode deployment : manifests.deployments()) {
            String service = RenderedManifests.name(deployment);
            Workload workload = new Workload(deployment);
            List<String> urls = workload.envValues(workload.containers().get(0), "DB_URL");
            if (DATABASES.containsKey(service)) {
                assertThat(urls).singleElement().asString()
                        .startsWith("jdbc:postgresql://$(DB_HOST):$(DB_PORT)/" + DATABASES.get(service) + "?");
            } else {
                assertThat(urls).as("%s has no database", service).isEmpty();
            }
        }
    }

    @Test
    void devGeneratesDevelopmentSecretsAndRunsItsOwnDataStores() {
        RenderedManifests dev = RenderedManifests.of("k8s/overlays/dev");

        assertThat(secretKeys(dev, "compra-agil-secrets")).containsAll(MANDATORY_SECRETS);
        assertThat(dev.ofKind("StatefulSet")).map(RenderedManifests::name)
                .containsExactlyInAnyOrder("postgres", "redis", "kafka");
        assertThat(image(dev.find("StatefulSet", "postgres"))).isEqualTo("postgres:17-alpine");
        assertThat(image(dev.find("StatefulSet", "kafka"))).isEqualTo("apache/kafka:4.1.0");
        YamlNode redis = container(dev.find("StatefulSet", "redis"));
        assertThat(redis.get("image").text()).isEqualTo("redis:7-alpine");
        assertThat(redis.get("args").items().map(YamlNode::text).toList()).containsSequence("--appendonly", "yes");
    }

    @Test
    void prodExpectsAnExternallyCreatedSecretAndManagedDataStores() {
        RenderedManifests prod = RenderedManifests.of("k8s/overlays/prod");

        assertThat(prod.ofKind("Secret")).as("secrets are never rendered into the prod manifests").isEmpty();
        assertThat(prod.ofKind("StatefulSet")).isEmpty();
        for (YamlNode deployment : prod.deployments()) {
            assertThat(container(deployment).get("envFrom").items()
                    .map(source -> source.path("secretRef", "name").text()))
                    .contains("compra-agil-secrets");
        }
        assertThat(config(prod)).containsEntry("DB_SSLMODE", "require");
    }

    @Test
    void theProdSecretTemplateListsEveryKeyTheDevOverlayGenerates() throws IOException {
        Set<String> templateKeys = Files.readAllLines(Repository.file("k8s/overlays/prod/secrets.env.example"))
                .stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf('=')))
                .collect(Collectors.toSet());

        assertThat(templateKeys).containsAll(MANDATORY_SECRETS)
                .containsAll(secretKeys(RenderedManifests.of("k8s/overlays/dev"), "compra-agil-secrets"));
    }

    @Test
    void prodRunsMoreReplicasWithLargerLimitsThanDev() {
        RenderedManifests dev = RenderedManifests.of("k8s/overlays/dev");
        RenderedManifests prod = RenderedManifests.of("k8s/overlays/prod");

        for (YamlNode autoscaler : prod.ofKind("HorizontalPodAutoscaler")) {
            String name = RenderedManifests.name(autoscaler);
            int prodMinimum = Integer.parseInt(autoscaler.path("spec", "minReplicas").text());
            int devMinimum = Integer.parseInt(dev.find("HorizontalPodAutoscaler", name)
                    .path("spec", "minReplicas").text());
            assertThat(prodMinimum).as("%s replicas", name).isGreaterThanOrEqualTo(2).isGreaterThan(devMinimum);
        }
        for (YamlNode deployment : prod.deployments()) {
            String name = RenderedManifests.name(deployment);
            for (String resource : List.of("cpu", "memory")) {
                assertThat(limit(deployment, resource)).as("%s %s limit", name, resource)
                        .isGreaterThan(limit(dev.find("Deployment", name), resource));
            }
        }
    }

    @Test
    void prodRunsReleaseImagesAndDevRunsTheLocalJibBuild() {
        for (YamlNode deployment : RenderedManifests.of("k8s/overlays/prod").deployments()) {
            assertThat(image(deployment)).startsWith("compraagil/" + RenderedManifests.name(deployment) + ":")
                    .doesNotEndWith("-SNAPSHOT");
        }
        for (YamlNode deployment : RenderedManifests.of("k8s/overlays/dev").deployments()) {
            assertThat(image(deployment))
                    .isEqualTo("compraagil/" + RenderedManifests.name(deployment) + ":0.1.0-SNAPSHOT");
        }
    }

    @Test
    void overlayNamespacesEnforceTheRestrictedPodSecurityStandard() {
        for (String overlay : List.of("k8s/overlays/dev", "k8s/overlays/prod")) {
            List<YamlNode> namespaces = RenderedManifests.of(overlay).ofKind("Namespace");
            assertThat(namespaces).as("namespaces of %s", overlay).hasSize(1);
            assertThat(namespaces.get(0).path("metadata", "labels").textFields())
                    .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        }
    }

    @Test
    void devPostgresCreatesTheDatabasesWithTheScriptComposeMounts() throws IOException {
        assertThat(Files.readString(Repository.file("k8s/overlays/dev/postgres/init-databases.sh")))
                .isEqualTo(Files.readString(Repository.file("deploy/postgres/init-databases.sh")))
                .contains("for database in auth subscription licitacion ml notification");
    }

    private static Map<String, String> config(RenderedManifests manifests) {
        List<YamlNode> configs = manifests.ofKind("ConfigMap").stream()
                .filter(config -> RenderedManifests.name(config).startsWith("compra-agil-config"))
                .toList();
        assertThat(configs).as("the compra-agil-config ConfigMap in %s", manifests).hasSize(1);
        return configs.get(0).get("data").textFields();
    }

    private static Set<String> secretKeys(RenderedManifests manifests, String prefix) {
        return manifests.ofKind("Secret").stream()
                .filter(secret -> RenderedManifests.name(secret).startsWith(prefix))
                .flatMap(secret -> secret.get("data").fields().keySet().stream())
                .collect(Collectors.toSet());
    }

    private static YamlNode container(YamlNode workload) {
        return workload.path("spec", "template", "spec", "containers").items().findFirst().orElseThrow();
    }

    private static String image(YamlNode workload) {
        return container(workload).get("image").text();
    }

    private static BigDecimal limit(YamlNode deployment, String resource) {
        return Quantity.parse(container(deployment).path("resources", "limits", resource).text());
    }
}
