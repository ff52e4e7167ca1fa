package cl.compraagil.licitacion.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.licitacion.OpportunityBuilder;
import cl.compraagil.licitacion.ServiceTest;
import cl.compraagil.licitacion.catalog.OpportunityIngest;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest extends ServiceTest {

    private static final String BUYER = "HOSPITAL DE PRUEBAS DE BUSQUEDA";

    @Autowired
    OpportunityIngest ingest;

    @BeforeAll
    void opportunities() {
        Instant now = Instant.now();
        ingest.ingest(OpportunityBuilder.compraAgil("9100-1-COT26").organismo(BUYER)
                .nombre("Adquisición de computadores portátiles para el CESFAM")
                .descripcion("Se requieren equipos con 16 GB de memoria.").monto(3_000_000L).region(13)
                .cierre(now.plus(Duration.ofDays(2))).item("43211503", "Computadores portátiles", "Notebook 14 pulgadas")
                .build());
        ingest.ingest(OpportunityBuilder.compraAgil("9100-2-COT26").organismo(BUYER)
                .nombre("Insumos para pabellón").descripcion("Compra mensual de insumos clínicos.")
                .monto(800_000L).region(5).cierre(now.plus(Duration.ofDays(1)))
                .item("42132203", "Guantes médicos de examen", "Guantes de nitrilo talla M").build());
        ingest.ingest(OpportunityBuilder.licitacion("9100-3-LE26").organismo(BUYER)
                .nombre("Servicio de mantención de computador central")
                .descripcion("Mantención preventiva del servidor y computadores del hospital.")
                .monto(12_000_000L).region(13).cierre(now.plus(Duration.ofDays(5))).build());
        ingest.ingest(OpportunityBuilder.compraAgil("9100-4-COT26").organismo(BUYER)
                .nombre("Compra de computadores de escritorio").estado("cerrada").monto(4_000_000L)
                .cierre(now.minus(Duration.ofDays(1))).item("43211507", "Computadores de escritorio", "All in one").build());
    }

    @Test
    void fullTextIgnoresAccentsCaseAndPluralsAndRanks() throws Exception {
        mvc.perform(get("/api/v1/licitaciones").param("q", "ADQUISICION computador").param("organismo", BUYER)
                        .header("Authorization", bearer(501)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].codigo").value("9100-1-COT26"))
                .andExpect(jsonPath("$.items[0].relevancia").isNumber());
        String body = mvc.perform(get("/api/v1/licitaciones").param("q", "computadores").param("organismo", BUYER).param("estado", "todos")
                        .header("Authorization", bearer(501)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andReturn().getResponse().getContentAsString();
        List<Double> ranks = JsonPath.read(body, "$.items[*].relevancia");
        assertThat(ranks).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void withoutAnEstadoOnlyOpenOpportunitiesAreSearched() throws Exception {
        mvc.perform(get("/api/v1/licitaciones").param("q", "computadores").param("organismo", BUYER)
                        .header("Authorization", bearer(501)))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.total_exact").value(true))
                .andExpect(jsonPath("$.items[*].estado", not(hasItem("cerrada"))));
        mvc.perform(get("/api/v1/licitaciones").param("q", "computadores").param("organismo", BUYER)
                        .param("estado", "cerrada").header("Authorization", bearer(501)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].codigo").value("9100-4-COT26"));
    }

    @Test
    void requestedProductsAreSearchedToo() throws Exception {
        mvc.perform(get("/api/v1/licitaciones").param("q", "nitrilo").param("organismo", BUYER)
                        .header("Authorization", bearer(501)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].codigo").value("9100-2-COT26"));
    }

    @Test
    void filtersCombine() throws Exception {
        mvc.perform(get("/api/v1/licitaciones").param("organismo", BUYER).param("tipo", "compra_agil")
                        .param("estado", "publicada").param("region", "13").header("Authorization", bearer(501)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].codigo").value("9100-1-COT26"));
        mvc.perform(get("/api/v1/licitaciones").param("organismo", BUYER).param("estado", "todos").param("monto_min", "1000000")
                        .param("monto_max", "5000000").header("Authorization", bearer(501)))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/v1/licitaciones").param("organismo", BUYER).param("estado", "todos").param("unspsc", "43211500")
                        .header("Authorization", bearer(501)))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].codigo", not(hasItem("9100-2-COT26"))));
        mvc.perform(get("/api/v1/licitaciones").param("organismo", BUYER)
                        .param("cierre_desde", Instant.now().toString().substring(0, 19) + "Z")
                        .param("cierre_hasta", Instant.now().plus(Duration.ofDays(3)).toString())
                        .param("sort", "fecha_cierre").header("Authorization", bearer(501)))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].codigo").value("9100-2-COT26"))
                .andExpect(jsonPath("$.items[1].codigo").value("9100-1-COT26"));
    }

    @Test
    void cursorPagesCoverEveryMatchOnceWithStableTotals() throws Exception {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = get("/api/v1/licitaciones").param("organismo", BUYER).param("estado", "todos").param("sort", "-monto")
                    .param("limit", "1").header("Authorization", bearer(501));
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            String body = mvc.perform(request).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(4))
                    .andReturn().getResponse().getContentAsString();
            seen.addAll(JsonPath.read(body, "$.items[*].codigo"));
            cursor = JsonPath.read(body, "$.next_cursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactly("9100-3-LE26", "9100-4-COT26", "9100-1-COT26", "9100-2-COT26");
    }

    @Test
    void relevancePagesByCursorAndBroadQueriesRankOnlyTheNewestMatchesWithAnEstimatedTotal() {
        Instant now = Instant.now();
        for (int i = 1; i <= 6; i++) {
            ingest.ingest(OpportunityBuilder.compraAgil("9101-" + i + "-COT26").organismo("CENTRO DE CANDIDATOS")
                    .nombre(i % 2 == 0 ? "Motobombas de riego" : "Repuestos varios")
                    .descripcion("Repuestos de motobombas para la planta " + i)
                    .publicacion(now.minus(Duration.ofHours(10 - i))).build());
        }
        SearchCriteria all = new SearchCriteria("motobombas", null, List.of("publicada"), null, "candidatos", null, null,
                null, null, null, SortOrder.RELEVANCE, 2, null);
        LicitacionSearch exact = new LicitacionSearch(jdbc);
        List<String> seen = new ArrayList<>();
        SearchPage page = exact.search(all);
        assertThat(page.total()).isEqualTo(6);
        assertThat(page.totalExact()).isTrue();
        while (true) {
            seen.addAll(page.items().stream().map(LicitacionSummary::codigo).toList());
            if (page.nextCursor() == null) {
                break;
            }
            page = exact.search(new SearchCriteria("motobombas", null, List.of("publicada"), null, "candidatos", null,
                    null, null, null, null, SortOrder.RELEVANCE, 2, Cursor.decode(page.nextCursor(), SortOrder.RELEVANCE)));
        }
        // name matches (weight A) first, each match exactly once
        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 3)).containsExactlyInAnyOrder("9101-2-COT26", "9101-4-COT26", "9101-6-COT26");

        LicitacionSearch bounded = new LicitacionSearch(jdbc, 4);
        SearchCriteria broad = new SearchCriteria("motobombas", null, List.of("publicada"), null, "candidatos", null,
                null, null, null, null, SortOrder.RELEVANCE, 3, null);
        SearchPage first = bounded.search(broad);
        // only the 4 newest matches are ranked; the total is then PostgreSQL's estimate, never below the cap
        assertThat(first.totalExact()).isFalse();
        assertThat(first.total()).isGreaterThanOrEqualTo(4);
        SearchPage second = bounded.search(new SearchCriteria("motobombas", null, List.of("publicada"), null,
                "candidatos", null, null, null, null, null, SortOrder.RELEVANCE, 3,
                Cursor.decode(first.nextCursor(), SortOrder.RELEVANCE)));
        assertThat(second.nextCursor()).isNull();
        assertThat(java.util.stream.Stream.concat(first.items().stream(), second.items().stream())
                .map(LicitacionSummary::codigo))
                .containsExactlyInAnyOrder("9101-3-COT26", "9101-4-COT26", "9101-5-COT26", "9101-6-COT26");
    }

    @Test
    void invalidParametersAnswer400ProblemsInSpanish() throws Exception {
        mvc.perform(get("/api/v1/licitaciones").param("region", "99").header("Authorization", bearer(501)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.error").value("validation_failed"));
        mvc.perform(get("/api/v1/licitaciones").param("sort", "relevancia").header("Authorization", bearer(501)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_sort"));
        mvc.perform(get("/api/v1/licitaciones").param("cursor", "no-es-un-cursor").header("Authorization", bearer(501)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_cursor"));
        mvc.perform(get("/api/v1/licitaciones").param("monto_min", "10").param("monto_max", "1")
                        .header("Authorization", bearer(501)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_range"));
        mvc.perform(get("/api/v1/licitaciones").param("cierre_desde", "ayer").header("Authorization", bearer(501)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("fecha")));
    }

    @Test
    void detailCarriesBuyerDatesAndItems() throws Exception {
        mvc.perform(get("/api/v1/licitaciones/9100-2-COT26").header("Authorization", bearer(501)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.comprador.organismo").value(BUYER))
                .andExpect(jsonPath("$.fechas.cierre").isString())
                .andExpect(jsonPath("$.items[0].codigo_producto").value("42132203"))
                .andExpect(jsonPath("$.detalle_completo").value(true));
        mvc.perform(get("/api/v1/licitaciones/0000-0-COT00").header("Authorization", bearer(501)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("not_found"));
    }
}
