package cl.compraagil.ml.entitlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.compraagil.ml.MlIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

class SubscriptionChangedListenerTest extends MlIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    Entitlements entitlements;

    private String event(UUID id, long user, boolean competitors, Instant changedAt) {
        return """
                {"id": "%s", "type": "subscription.changed", "occurred_at": "%s", "version": 1,
                 "data": {"user_id": %d, "plan": "pyme", "status": "active",
                          "limits": {"ai_analysis": 50}, "features": {"competitor_analysis": %s},
                          "current_period_end": "2026-12-26T00:00:00Z", "changed_at": "%s"}}
                """.formatted(id, changedAt, user, competitors, changedAt);
    }

    @Test
    void subscriptionChangedEnablesCompetitorAnalysisAndAnOlderChangeDoesNotOverwriteIt() {
        long user = 501;
        Instant now = Instant.now();
        UUID first = UUID.randomUUID();
        kafka.send("subscription.changed", Long.toString(user), event(first, user, true, now));
        await().atMost(Duration.ofSeconds(30)).until(() -> entitlements.allows(user, "competitor_analysis"));

        kafka.send("subscription.changed", Long.toString(user), event(UUID.randomUUID(), user, false, now.minusSeconds(60)));
        kafka.send("subscription.changed", Long.toString(user), event(first, user, false, now.plusSeconds(60)));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);

        assertThat(entitlements.allows(user, "competitor_analysis")).isTrue();
        assertThat(entitlements.plan(user)).get().extracting(Entitlements.Plan::plan).isEqualTo("pyme");
    }
}
