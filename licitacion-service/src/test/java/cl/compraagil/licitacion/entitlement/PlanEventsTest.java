package cl.compraagil.licitacion.entitlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.compraagil.licitacion.ServiceTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** subscription.changed and user.deleted arrive through the real broker and are applied once. */
class PlanEventsTest extends ServiceTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    Entitlements entitlements;

    @Test
    void subscriptionChangedIsCachedWithNullMeaningUnlimited() {
        String id = UUID.randomUUID().toString();
        String event = """
                {"id": "%s", "type": "subscription.changed", "occurred_at": "2026-11-26T05:00:00Z", "version": 1,
                 "data": {"user_id": 901, "plan": "pyme", "status": "active",
                          "limits": {"ai_analysis": 10, "searches": null, "saved_licitaciones": null, "exports_per_month": 7},
                          "features": {"web_dashboard": true}, "current_period_end": "2026-12-26T00:00:00Z",
                          "changed_at": "2026-11-26T05:00:00Z"}}""".formatted(id);
        kafka.send("subscription.changed", "901", event);
        kafka.send("subscription.changed", "901", event);
        await().atMost(Duration.ofSeconds(30)).until(() -> entitlements.of(901).plan().equals("pyme"));
        assertThat(entitlements.of(901)).isEqualTo(new PlanLimits("pyme", "active", null, 7));
        assertThat(entitlements.of(999_999)).isEqualTo(PlanLimits.FREE);
    }

    @Test
    void olderSubscriptionEventNeverOverwritesANewerOne() {
        UUID newer = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        kafka.send("subscription.changed", "902", event(newer, 902, "profesional", "2026-11-26T06:00:00Z"));
        kafka.send("subscription.changed", "902", event(older, 902, "emprendedor", "2026-11-26T05:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM processed_events WHERE event_id IN (:a, :b)")
                .param("a", newer).param("b", older).query(Long.class).single() == 2);
        assertThat(entitlements.of(902).plan()).isEqualTo("profesional");
    }

    @Test
    void userDeletedErasesSavedLicitacionesAndTheirProfile() {
        jdbc.sql("INSERT INTO licitaciones (codigo, tipo, nombre, estado, source, search) "
                + "VALUES ('9600-1-COT26', 'compra_agil', 'x', 'publicada', 'test', ''::tsvector) ON CONFLICT DO NOTHING").update();
        jdbc.sql("INSERT INTO saved_licitaciones (user_id, codigo) VALUES (903, '9600-1-COT26')").update();
        jdbc.sql("INSERT INTO company_profiles (owner_type, owner_id, nombre_empresa, tipo_negocio) "
                + "VALUES ('user', 903, 'Borrable', 'productos')").update();
        kafka.send("user.deleted", "903", """
                {"id": "%s", "type": "user.deleted", "occurred_at": "2026-11-26T05:00:00Z", "version": 1,
                 "data": {"user_id": 903}}""".formatted(UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("saved_licitaciones") == 0 && count("company_profiles") == 0);
    }

    private long count(String table) {
        Map<String, Object> row = jdbc.sql("SELECT count(*) AS n FROM " + table + " WHERE "
                + (table.equals("company_profiles") ? "owner_id" : "user_id") + " = 903").query().singleRow();
        return ((Number) row.get("n")).longValue();
    }

    private static String event(UUID id, long userId, String plan, String changedAt) {
        return """
                {"id": "%s", "type": "subscription.changed", "occurred_at": "%s", "version": 1,
                 "data": {"user_id": %d, "plan": "%s", "status": "active",
                          "limits": {"saved_licitaciones": 30, "exports_per_month": 5}, "changed_at": "%s"}}"""
                .formatted(id, changedAt, userId, plan, changedAt);
    }
}
