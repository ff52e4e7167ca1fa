package cl.compraagil.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.notification.Fixtures;
import cl.compraagil.notification.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

class AlertRulesIT extends IntegrationTest {

    private ResultActions create(long userId, String body) throws Exception {
        return mvc.perform(post("/api/v1/alerts").header("Authorization", bearer(userId))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void freePlanHasNoAlertRules() throws Exception {
        long userId = newUserId();
        create(userId, Fixtures.rule("Notebooks", "notebook", "\"inbox\""))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("alert_rule_limit_reached"))
                .andExpect(jsonPath("$.current_plan").value("free"))
                .andExpect(jsonPath("$.upgrade_url").exists());
    }

    @Test
    void planLimitCapsTheNumberOfRules() throws Exception {
        long userId = newUserId();
        grantPlan(userId, "emprendedor", 2, false);
        create(userId, Fixtures.rule("Uno", "notebook", "\"inbox\"")).andExpect(status().isCreated());
        create(userId, Fixtures.rule("Dos", "silla", "\"inbox\"")).andExpect(status().isCreated());
        create(userId, Fixtures.rule("Tres", "toner", "\"inbox\""))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.limit").value(2));
        mvc.perform(get("/api/v1/alerts").header("Authorization", bearer(userId)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void createdRuleTakesChileanQuietHoursAndDefaultsWhenOmitted() throws Exception {
        long userId = newUserId();
        grantPlan(userId, "pyme", null, false);
        create(userId, """
                {"name": "Aseo", "keywords": ["artículos de aseo"], "regions": ["Metropolitana"], "min_amount": 100000,
                 "max_amount": 2000000, "tipo": "compra_agil", "channels": ["inbox", "email"]}
                """)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.quiet_start").value("21:00:00"))
                .andExpect(jsonPath("$.quiet_end").value("08:00:00"))
                .andExpect(jsonPath("$.timezone").value("America/Santiago"))
                .andExpect(jsonPath("$.daily_cap").value(20))
                .andExpect(jsonPath("$.delivery").value("instant"))
                .andExpect(jsonPath("$.active").value(true));
    }

    @Test
    void invalidRulesAreRejectedWithSpanishDetailsAndNothingIsStored() throws Exception {
        long userId = newUserId();
        grantPlan(userId, "pyme", null, false);
        create(userId, """
                {"name": "", "keywords": ["notebook"], "channels": ["fax"], "min_amount": 5, "max_amount": 1,
                 "quiet_hours_start": "25:00", "timezone": "Marte/Olympus", "unspsc_codes": ["abc"]}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("validation_failed"))
                .andExpect(jsonPath("$.errors.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(6)));
        create(userId, "{\"name\": \"Sin criterio\", \"channels\": [\"inbox\"]}").andExpect(status().isBadRequest());
        create(userId, "{not json").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("malformed_body"));
        mvc.perform(get("/api/v1/alerts").header("Authorization", bearer(userId)))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void webhookChannelNeedsAPlanWithCustomerWebhooks() throws Exception {
        long userId = newUserId();
        grantPlan(userId, "pyme", 10, false);
        create(userId, Fixtures.rule("Webhook", "notebook", "\"webhook\""))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("feature_not_in_plan"));
    }

    @Test
    void anotherUsersRuleAnswers404OnEveryVerbAndIsNotListed() throws Exception {
        long owner = newUserId();
        long stranger = newUserId();
        grantPlan(owner, "pyme", 10, false);
        grantPlan(stranger, "pyme", 10, false);
        long id = json(create(owner, Fixtures.rule("Mía", "notebook", "\"inbox\"")).andReturn().getResponse()
                .getContentAsString()).get("id").asLong();

        mvc.perform(get("/api/v1/alerts/{id}", id).header("Authorization", bearer(stranger)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("not_found"));
        mvc.perform(put("/api/v1/alerts/{id}", id).header("Authorization", bearer(stranger))
                .contentType(MediaType.APPLICATION_JSON).content(Fixtures.rule("Robada", "silla", "\"inbox\"")))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/alerts/{id}", id).header("Authorization", bearer(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/alerts").header("Authorization", bearer(stranger)))
                .andExpect(jsonPath("$.length()").value(0));

        mvc.perform(get("/api/v1/alerts/{id}", id).header("Authorization", bearer(owner)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Mía"));
        mvc.perform(put("/api/v1/alerts/{id}", id).header("Authorization", bearer(owner))
                .contentType(MediaType.APPLICATION_JSON).content(Fixtures.rule("Renombrada", "silla", "\"inbox\"")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.keywords[0]").value("silla"));
        mvc.perform(delete("/api/v1/alerts/{id}", id).header("Authorization", bearer(owner))).andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT count(*) FROM alert_rules WHERE id = " + id).query(Long.class).single()).isZero();
    }

    @Test
    void aRuleCreatedInAnOrganizationIsSharedWithItsMembersAndManagedByItsCreatorAndAdmins() throws Exception {
        long organization = 900_000 + newUserId();
        long otherOrganization = organization + 1;
        long creator = newUserId();
        long colleague = newUserId();
        long admin = newUserId();
        long outsider = newUserId();
        for (long user : new long[] {creator, colleague, admin, outsider}) {
            grantPlan(user, "pyme", 10, false);
        }
        String creatorToken = "Bearer " + tokens.member(creator, organization, "member");
        String colleagueToken = "Bearer " + tokens.member(colleague, organization, "member");
        String adminToken = "Bearer " + tokens.member(admin, organization, "admin");
        String outsiderToken = "Bearer " + tokens.member(outsider, otherOrganization, "owner");
        long id = json(mvc.perform(post("/api/v1/alerts").header("Authorization", creatorToken)
                        .contentType(MediaType.APPLICATION_JSON).content(Fixtures.rule("Del equipo", "notebook", "\"inbox\"")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();

        // every member sees it; a plain member may not change someone else's rule
        mvc.perform(get("/api/v1/alerts").header("Authorization", colleagueToken))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(get("/api/v1/alerts/{id}", id).header("Authorization", colleagueToken)).andExpect(status().isOk());
        mvc.perform(put("/api/v1/alerts/{id}", id).header("Authorization", colleagueToken)
                        .contentType(MediaType.APPLICATION_JSON).content(Fixtures.rule("Cambiada", "silla", "\"inbox\"")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("forbidden"));
        mvc.perform(delete("/api/v1/alerts/{id}", id).header("Authorization", colleagueToken))
                .andExpect(status().isForbidden());

        // another organization's owner, and the same colleague outside the organization, see nothing
        mvc.perform(get("/api/v1/alerts/{id}", id).header("Authorization", outsiderToken)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/alerts/{id}", id).header("Authorization", outsiderToken)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/alerts").header("Authorization", outsiderToken)).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/alerts/{id}", id).header("Authorization", bearer(colleague)))
                .andExpect(status().isNotFound());

        // an admin of the organization changes it; it stays its creator's, in the organization
        mvc.perform(put("/api/v1/alerts/{id}", id).header("Authorization", adminToken)
                        .contentType(MediaType.APPLICATION_JSON).content(Fixtures.rule("Ajustada", "silla", "\"inbox\"")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.keywords[0]").value("silla"));
        assertThat(jdbc.sql("SELECT user_id FROM alert_rules WHERE id = " + id).query(Long.class).single()).isEqualTo(creator);
        assertThat(jdbc.sql("SELECT organization_id FROM alert_rules WHERE id = " + id).query(Long.class).single())
                .isEqualTo(organization);
        assertThat(jdbc.sql("SELECT name FROM alert_rules WHERE id = " + id).query(String.class).single()).isEqualTo("Ajustada");

        mvc.perform(delete("/api/v1/alerts/{id}", id).header("Authorization", adminToken)).andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT count(*) FROM alert_rules WHERE id = " + id).query(Long.class).single()).isZero();
    }
}
