package cl.compraagil.licitacion.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.licitacion.OpportunityBuilder;
import cl.compraagil.licitacion.ServiceTest;
import cl.compraagil.licitacion.catalog.OpportunityIngest;
import cl.compraagil.testkit.TestTokens;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileAndViewsApiTest extends ServiceTest {

    private static final String PROFILE = """
            {"nombre_empresa": "Guantes del Sur SpA", "tipo_negocio": "productos",
             "productos_servicios": "guantes de nitrilo, mascarillas", "palabras_clave": ["xilófono"],
             "region_codigo": 10, "capacidad_entrega_dias": 5, "monto_minimo": 100000, "monto_maximo": 2000000,
             "pesos": {"palabras_clave": 3, "competencia": 2, "monto": 1}}""";

    @Autowired
    OpportunityIngest ingest;

    @BeforeAll
    void opportunities() {
        Instant now = Instant.now();
        ingest.ingest(OpportunityBuilder.compraAgil("9400-1-COT26").nombre("Compra de insumos clínicos")
                .descripcion("Para el hospital base.").region(10).monto(900_000L).ofertas(0).plazo(7)
                .cierre(now.plus(Duration.ofDays(2))).item("42132203", "Guantes médicos", "Guantes de nitrilo talla M").build());
        ingest.ingest(OpportunityBuilder.compraAgil("9400-2-COT26").nombre("Adquisición de xilófonos para escuela")
                .region(13).monto(9_000_000L).ofertas(8).cierre(now.plus(Duration.ofDays(6))).build());
        ingest.ingest(OpportunityBuilder.compraAgil("9400-3-COT26").nombre("Mascarillas y guantes de nitrilo")
                .region(10).monto(500_000L).ofertas(1).cierre(now.plus(Duration.ofHours(20))).build());
        ingest.ingest(OpportunityBuilder.compraAgil("9400-4-COT26").nombre("Guantes de nitrilo ya cerrada")
                .estado("cerrada").cierre(now.minus(Duration.ofDays(1))).build());
    }

    @Test
    void profileIsCreatedReplacedAndValidated() throws Exception {
        String token = bearer(701);
        mvc.perform(get("/api/v1/licitaciones/profile").header("Authorization", token)).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/licitaciones/profile").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content(PROFILE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.palabras_clave[0]").value("xilófono"))
                .andExpect(jsonPath("$.pesos.palabras_clave").value(3));
        mvc.perform(put("/api/v1/licitaciones/profile").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content(PROFILE)).andExpect(status().isOk());
        mvc.perform(put("/api/v1/licitaciones/profile").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nombre_empresa\": \"X\", \"tipo_negocio\": \"otro\", \"monto_minimo\": 5, \"monto_maximo\": 1}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("validation_failed"))
                .andExpect(jsonPath("$.errors.length()").value(3));
    }

    @Test
    void organizationProfileIsSharedButOnlyAdminsChangeIt() throws Exception {
        String owner = "Bearer " + TestTokens.shared().member(711, 55, "owner");
        String member = "Bearer " + TestTokens.shared().member(712, 55, "member");
        mvc.perform(put("/api/v1/licitaciones/profile").header("Authorization", member)
                        .contentType(MediaType.APPLICATION_JSON).content(PROFILE)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/licitaciones/profile").header("Authorization", owner)
                        .contentType(MediaType.APPLICATION_JSON).content(PROFILE)).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/licitaciones/profile").header("Authorization", member))
                .andExpect(status().isOk()).andExpect(jsonPath("$.owner_type").value("organization"));
    }

    @Test
    void oportunidadesPutsTheBestFitFirstWithReasons() throws Exception {
        String token = bearer(702);
        mvc.perform(get("/api/v1/licitaciones/views/oportunidades").header("Authorization", token))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("profile_required"));
        mvc.perform(put("/api/v1/licitaciones/profile").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(PROFILE)).andExpect(status().isCreated());
        String body = mvc.perform(get("/api/v1/licitaciones/views/oportunidades").header("Authorization", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> codigos = JsonPath.read(body, "$.items[*].codigo");
        List<Integer> scores = JsonPath.read(body, "$.items[*].compatibilidad.score");
        assertThat(codigos).contains("9400-1-COT26", "9400-2-COT26", "9400-3-COT26").doesNotContain("9400-4-COT26");
        assertThat(scores).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        // matched only through its requested products, which the bot never looked at
        int productOnly = codigos.indexOf("9400-1-COT26");
        assertThat(scores.get(productOnly)).isGreaterThanOrEqualTo(70);
        assertThat(JsonPath.<List<String>>read(body, "$.items[" + productOnly + "].compatibilidad.razones").toString())
                .contains("productos");
        int farAndCrowded = codigos.indexOf("9400-2-COT26");
        assertThat(scores.get(farAndCrowded)).isLessThan(scores.get(productOnly));
    }

    @Test
    void searchAndDetailCarryTheCompatibilityOfCallersWithAProfile() throws Exception {
        String token = bearer(703);
        mvc.perform(put("/api/v1/licitaciones/profile").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(PROFILE)).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/licitaciones/9400-3-COT26").header("Authorization", token))
                .andExpect(jsonPath("$.compatibilidad.score").isNumber())
                .andExpect(jsonPath("$.compatibilidad.nivel").value("alta"));
        mvc.perform(get("/api/v1/licitaciones").param("q", "nitrilo").header("Authorization", token))
                .andExpect(jsonPath("$.items[0].compatibilidad.score").isNumber());
        mvc.perform(get("/api/v1/licitaciones/9400-3-COT26").header("Authorization", bearer(704)))
                .andExpect(jsonPath("$.compatibilidad").doesNotExist());
    }

    @Test
    void urgentesAndPorMontoOnlyShowOpenOnes() throws Exception {
        String body = mvc.perform(get("/api/v1/licitaciones/views/urgentes").param("dias", "1")
                        .header("Authorization", bearer(705)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].codigo")).contains("9400-3-COT26")
                .doesNotContain("9400-1-COT26", "9400-4-COT26");
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].estado")).containsOnly("publicada");
        String byAmount = mvc.perform(get("/api/v1/licitaciones/views/por-monto").param("min", "8000000")
                        .param("max", "9500000").header("Authorization", bearer(705)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(byAmount, "$.items[*].codigo")).contains("9400-2-COT26");
        mvc.perform(get("/api/v1/licitaciones/views/por-monto").header("Authorization", bearer(705)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/licitaciones/views/urgentes").param("dias", "0").header("Authorization", bearer(705)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void recomendadasLeaveOutWhatIsAlreadySaved() throws Exception {
        String token = bearer(706);
        mvc.perform(put("/api/v1/licitaciones/profile").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(PROFILE)).andExpect(status().isCreated());
        jdbc.sql("INSERT INTO saved_licitaciones (user_id, codigo) VALUES (706, '9400-3-COT26')").update();
        String body = mvc.perform(get("/api/v1/licitaciones/views/recomendadas").param("limit", "50")
                        .header("Authorization", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].codigo")).contains("9400-1-COT26")
                .doesNotContain("9400-3-COT26");
        assertThat(JsonPath.<List<Integer>>read(body, "$.items[*].compatibilidad.score")).allMatch(s -> s >= 60);
    }
}
