package cl.compraagil.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml as Debian's `docker-compose` validates and renders it: every container health-checked and
 * memory-limited, start order on healthy dependencies, secrets required rather than defaulted.
 */
class DockerComposeTest {

    private static final Set<String> MANDATORY_SECRETS =
            Set.of("POSTGRES_PASSWORD", "DB_PASSWORD", "AUTH_KEY_ENCRYPTION_SECRET", "AUTH_API_KEY_HMAC_SECRET",
                    "TELEGRAM_BOT_CLIENT_SECRET", "INTERNAL_CLIENT_SECRET", "WEBHOOK_SECRET_KEYS");
    private static final Set<String> OPTIONAL_SECRETS = Set.of("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET",
            "GEMINI_API_KEY", "SENDGRID_API_KEY", "TELEGRAM_BOT_TOKEN", "MERCADOPUBLICO_TICKET", "SMTP_PASSWORD");
    private static final Set<String> DATA_STORES = Set.of("postgres", "redis", "kafka");
    private static final Set<String> JAVA_SERVICES = Set.of("discovery", "gateway", "auth-service",
            "subscription-service", "licitacion-service", "ml-service", "notification-service");

    private static Map<String, YamlNode> services;

    @BeforeAll
    static void renderTheComposeFile() {
        ExternalTool.Result result = compose(testEnvFile(), "config");
        assertThat(result.exitCode()).as("docker-compose config failed:%n%s", result.stderr()).isZero();
        services = new YamlNode(new Yaml(new SafeConstructor(new LoaderOptions())).load(result.stdout()))
                .get("services").fields();
    }

    @Test
    void theValidatorAcceptsTheFile() {
        ExternalTool.Result result = compose(testEnvFile(), "config", "-q");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POSTGRES_PASSWORD", "DB_PASSWORD", "AUTH_KEY_ENCRYPTION_SECRET", "AUTH_API_KEY_HMAC_SECRET",
            "TELEGRAM_BOT_CLIENT_SECRET", "INTERNAL_CLIENT_SECRET", "WEBHOOK_SECRET_KEYS"})
    void refusesToStartWithoutAMandatorySecret(String secret, @TempDir Path directory) throws IOException {
        Path envFile = directory.resolve("without-" + secret + ".env");
        Files.write(envFile, Files.readAllLines(testEnvFile()).stream()
                .filter(line -> !line.startsWith(secret + "="))
                .toList());

        ExternalTool.Result result = compose(envFile, "config", "-q");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("set " + secret + " in .env");
    }

    @Test
    void runsEveryServiceAndTheThreeDataStores() {
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(union(JAVA_SERVICES, DATA_STORES));
    }

    @Test
    void everyContainerHasAHealthcheckAndAMemoryLimit() {
        services.forEach((name, service) -> {
            assertThat(service.path("healthcheck", "test").items()).as("%s healthcheck", name).isNotEmpty();
            assertThat(service.get("mem_limit").text()).as("%s mem_limit", name).isNotBlank();
        });
    }

    @Test
    void everyDependencyWaitsUntilItIsHealthy() {
        services.forEach((name, service) -> service.get("depends_on").fields().forEach((dependency, condition) ->
                assertThat(condition.get("condition").text()).as("%s -> %s", name, dependency)
                        .isEqualTo("service_healthy")));
        assertThat(services.get("gateway").get("depends_on").fields().keySet())
                .containsAll(union(Set.of("redis", "kafka", "discovery"), Set.of("auth-service",
                        "subscription-service", "licitacion-service", "ml-service", "notification-service")));
    }

    @Test
    void javaServicesSizeTheHeapFromTheLimitAndProbeReadiness() {
        for (String name : JAVA_SERVICES) {
            YamlNode service = services.get(name);
            assertThat(service.path("environment", "JAVA_TOOL_OPTIONS").text()).as(name)
                    .contains("-XX:MaxRAMPercentage=");
            assertThat(service.path("healthcheck", "test").items().map(YamlNode::text).toList()).as(name)
                    .contains("curl").anyMatch(argument -> argument.endsWith("/actuator/health/readiness"));
        }
    }

    @Test
    void theGatewaysYoungGenerationLeavesTheOldGenerationRoom() {
        YamlNode gateway = services.get("gateway");

        GatewayHeapTest.assertSized(new GatewayHeap(GatewayHeap.bytes(gateway.get("mem_limit").text()),
                gateway.path("environment", "JAVA_TOOL_OPTIONS").text()), "docker-compose.yml");
    }

    @Test
    void javaServicesRunOnAReadOnlyRootWithoutCapabilities() {
        for (String name : JAVA_SERVICES) {
            YamlNode service = services.get(name);
            assertThat(service.get("read_only").text()).as(name).isEqualTo("true");
            assertThat(service.get("tmpfs").items().map(YamlNode::text)).as(name).contains("/tmp");
            assertThat(service.get("cap_drop").items().map(YamlNode::text)).as(name).contains("ALL");
        }
    }

    @Test
    void onlyTheGatewayPublishesAPort() {
        services.forEach((name, service) -> assertThat(service.get("ports").items().toList().isEmpty())
                .as("%s publishes a port", name).isEqualTo(!name.equals("gateway")));
    }

    @Test
    void absentThirdPartyCredentialsStayUnsetSoTheLocalAdaptersRun() {
        services.forEach((name, service) -> service.get("environment").fields().forEach((variable, value) -> {
            if (OPTIONAL_SECRETS.contains(variable)) {
                assertThat(value.isMissing()).as("%s %s is passed as %s", name, variable, value).isTrue();
            }
        }));
    }

    @Test
    void dataStoresKeepTheirDataAndRedisWritesItsAppendOnlyFile() {
        for (String store : DATA_STORES) {
            assertThat(services.get(store).get("volumes").items()).as(store).isNotEmpty();
        }
        assertThat(services.get("postgres").get("image").text()).isEqualTo("postgres:17-alpine");
        assertThat(services.get("kafka").get("image").text()).isEqualTo("apache/kafka:4.1.0");
        assertThat(services.get("redis").get("command").items().map(YamlNode::text).toList())
                .containsSequence("--appendonly", "yes");
    }

    private static ExternalTool.Result compose(Path envFile, String... arguments) {
        List<String> all = new ArrayList<>(List.of("--env-file", envFile.toString(), "-f", "docker-compose.yml"));
        all.addAll(List.of(arguments));
        return ExternalTool.DOCKER_COMPOSE.run(Repository.root(), secretNames(), all.toArray(String[]::new));
    }

    private static Set<String> secretNames() {
        return union(MANDATORY_SECRETS, OPTIONAL_SECRETS);
    }

    private static Path testEnvFile() {
        try {
            return Path.of(DockerComposeTest.class.getResource("/compose-test.env").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        return all;
    }
}
