package cl.compraagil.licitacion.saved;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.licitacion.OpportunityBuilder;
import cl.compraagil.licitacion.ServiceTest;
import cl.compraagil.licitacion.catalog.OpportunityIngest;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SavedLicitacionesApiTest extends ServiceTest {

    @Autowired
    OpportunityIngest ingest;

    @BeforeAll
    void opportunities() {
        for (int i = 1; i <= 7; i++) {
            ingest.ingest(OpportunityBuilder.compraAgil("9300-" + i + "-COT26").nombre("Oportunidad guardable " + i).build());
        }
    }

    @Test
    void saveAnnotateListAndUnsave() throws Exception {
        String token = bearer(601);
        mvc.perform(post("/api/v1/licitaciones/saved").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"codigo\":\"9300-1-COT26\",\"nota\":\"cotizar lunes\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.codigo").value("9300-1-COT26"))
                .andExpect(jsonPath("$.nota").value("cotizar lunes"))
                .andExpect(jsonPath("$.nombre").value("Oportunidad guardable 1"));
        mvc.perform(post("/api/v1/licitaciones/saved").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"codigo\":\"9300-1-COT26\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("already_saved"));
        mvc.perform(patch("/api/v1/licitaciones/saved/9300-1-COT26").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"nota\":\"pedir ficha técnica\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.nota").value("pedir ficha técnica"));
        mvc.perform(get("/api/v1/licitaciones/saved").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].codigo").value("9300-1-COT26"));
        mvc.perform(delete("/api/v1/licitaciones/saved/9300-1-COT26").header("Authorization", token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/licitaciones/saved").header("Authorization", token))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void anotherUsersSavedLicitacionIsInvisible() throws Exception {
        mvc.perform(post("/api/v1/licitaciones/saved").header("Authorization", bearer(602))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"codigo\":\"9300-2-COT26\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/licitaciones/saved").header("Authorization", bearer(603)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(patch("/api/v1/licitaciones/saved/9300-2-COT26").header("Authorization", bearer(603))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"nota\":\"x\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("not_found"));
        mvc.perform(delete("/api/v1/licitaciones/saved/9300-2-COT26").header("Authorization", bearer(603)))
                .andExpect(status().isNotFound());
    }

    @Test
    void freePlanStopsAtFiveWithTheUpgradeDetails() throws Exception {
        String token = bearer(604);
        for (int i = 1; i <= 5; i++) {
            mvc.perform(post("/api/v1/licitaciones/saved").header("Authorization", token)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"codigo\":\"9300-" + i + "-COT26\"}"))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/licitaciones/saved").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"codigo\":\"9300-6-COT26\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("plan_limit_reached"))
                .andExpect(jsonPath("$.current_plan").value("free"))
                .andExpect(jsonPath("$.limit").value(5))
                .andExpect(jsonPath("$.resource").value("saved_licitaciones"))
                .andExpect(jsonPath("$.upgrade_url").isString());
    }

    @Test
    void cachedPlanRaisesTheLimit() throws Exception {
        jdbc.sql("INSERT INTO user_entitlements (user_id, plan, status, saved_licitaciones, exports_per_month, changed_at) "
                + "VALUES (605, 'pyme', 'active', NULL, NULL, :at)").param("at", Timestamp.from(Instant.now())).update();
        for (int i = 1; i <= 7; i++) {
            mvc.perform(post("/api/v1/licitaciones/saved").header("Authorization", bearer(605))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"codigo\":\"9300-" + i + "-COT26\"}"))
                    .andExpect(status().isCreated());
        }
    }

    @Test
    void invalidOrUnknownCodigoIsRefused() throws Exception {
        mvc.perform(post("/api/v1/licitaciones/saved").header("Authorization", bearer(606))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"codigo\":\"<script>\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("validation_failed"));
        mvc.perform(post("/api/v1/licitaciones/saved").header("Authorization", bearer(606))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"codigo\":\"1-1-COT00\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/licitaciones/saved").header("Authorization", bearer(606))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"codigo\":\"9300-7-COT26\",\"nota\":\""
                                + "x".repeat(1001) + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/licitaciones/saved").header("Authorization", bearer(606)))
                .andExpect(jsonPath("$.total").value(0));
    }
}
