package cl.compraagil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The foundation's acceptance, through the gateway on the packaged suite: registration reaches the other services by
 * Kafka, a stopped Kafka delays events without losing them, and a stopped service answers 503 problems while the
 * others keep working.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteThroughGatewayTest {

    private static final String PASSWORD = "Licitar-2026!seguro";
    private static RunningSuite suite;
    private static Gateway gateway;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        gateway = new Gateway(suite.gatewayUrl());
        // the gateway learns the instances from Eureka a few seconds after they are ready
        HttpResponse<String> plans = gateway.await("/api/v1/subscriptions/plans", null, r -> r.statusCode() == 200,
                Duration.ofSeconds(60));
        assertThat(plans.statusCode()).as(plans.body()).isEqualTo(200);
        gateway.await("/api/v1/auth/me", null, r -> r.statusCode() == 401, Duration.ofSeconds(60));
    }

    @Test
    @Order(1)
    void registeredUserGetsTheFreePlanAndAWelcomeMessage() {
        String token = gateway.registerAndLogin("ana+" + UUID.randomUUID() + "@pyme.cl", PASSWORD);

        HttpResponse<String> current = gateway.await("/api/v1/subscriptions/current", token,
                r -> r.statusCode() == 200, Duration.ofSeconds(30));
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        assertThat(current.body()).contains("\"free\"");

        HttpResponse<String> inbox = gateway.await("/api/v1/notifications", token,
                r -> r.statusCode() == 200 && r.body().contains("Bienvenid"), Duration.ofSeconds(30));
        assertThat(inbox.body()).contains("Bienvenid");
        assertThat(inbox.headers().firstValue("X-Correlation-Id")).isPresent();
    }

    @Test
    @Order(2)
    void anonymousRequestsAreRefusedWithAProblem() {
        HttpResponse<String> response = gateway.get("/api/v1/subscriptions/current", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    @Test
    @Order(3)
    void usersRegisteredWhileKafkaIsDownGetTheirFreePlanOnceKafkaIsBack() {
        suite.engines().stopKafka();
        List<String> tokens = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                tokens.add(gateway.registerAndLogin("kafka-down+" + i + "-" + UUID.randomUUID() + "@pyme.cl", PASSWORD));
            }
            Gateway.sleep(2_000);
            for (String token : tokens) {
                assertThat(gateway.get("/api/v1/subscriptions/current", token).statusCode())
                        .as("no event can arrive while Kafka is down").isEqualTo(404);
            }
        } finally {
            suite.engines().startKafka();
        }
        for (String token : tokens) {
            HttpResponse<String> current = gateway.await("/api/v1/subscriptions/current", token,
                    r -> r.statusCode() == 200, Duration.ofSeconds(90));
            assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
            assertThat((String) JsonPath.read(current.body(), "$.plan")).isEqualTo("free");
        }
    }

    @Test
    @Order(4)
    void stoppedServiceAnswers503WithinTheTimeoutWhileOthersKeepWorking() throws Exception {
        String token = gateway.registerAndLogin("stop+" + UUID.randomUUID() + "@pyme.cl", PASSWORD);
        gateway.await("/api/v1/notifications", token, r -> r.statusCode() == 200, Duration.ofSeconds(30));

        suite.stop("notification-service");
        long started = System.nanoTime();
        HttpResponse<String> down = gateway.get("/api/v1/notifications", token);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(down.body()).contains("service_unavailable");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(gateway.get("/api/v1/subscriptions/plans", null).statusCode()).isEqualTo(200);

        suite.start("notification-service");
        HttpResponse<String> back = gateway.await("/api/v1/notifications", token, r -> r.statusCode() == 200,
                Duration.ofSeconds(60));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);

        // the 503s while it restarted are still in the route's circuit window, and a few successes can tip it open
        // (the failure rate is checked on every call): the route counts as back once it answers 12 times in a row,
        // which leaves the tests after this one a closed circuit
        int inARow = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (inARow < 12 && System.nanoTime() < deadline) {
            if (gateway.get("/api/v1/notifications", token).statusCode() == 200) {
                inARow++;
            } else {
                inARow = 0;
                Thread.sleep(500);
            }
        }
        assertThat(inARow).as("consecutive 200s from the restarted service").isEqualTo(12);
    }
}
