package cl.compraagil.licitacion.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.licitacion.OpportunityBuilder;
import cl.compraagil.licitacion.ServiceTest;
import cl.compraagil.licitacion.catalog.OpportunityIngest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportApiTest extends ServiceTest {

    private static final String BUYER = "ORGANISMO DE PRUEBA DE EXPORTACION";

    @Autowired
    OpportunityIngest ingest;

    @BeforeAll
    void data() {
        ingest.ingest(OpportunityBuilder.compraAgil("9500-1-COT26").organismo(BUYER)
                .nombre("=HYPERLINK(\"http://malo\") resmas de papel").monto(250_000L).build());
        ingest.ingest(OpportunityBuilder.compraAgil("9500-2-COT26").organismo(BUYER).nombre("Tóner para impresoras")
                .monto(480_000L).build());
        for (long user : new long[] {801, 802, 803}) {
            jdbc.sql("INSERT INTO user_entitlements (user_id, plan, status, saved_licitaciones, exports_per_month, changed_at) "
                    + "VALUES (:u, 'emprendedor', 'active', 30, 2, :at)").param("u", user)
                    .param("at", Timestamp.from(Instant.now())).update();
        }
        jdbc.sql("INSERT INTO saved_licitaciones (user_id, codigo, note) VALUES (802, '9500-2-COT26', 'ojo plazo')").update();
    }

    @Test
    void searchResultsExportAsCsvWithFormulasNeutralised() throws Exception {
        byte[] csv = mvc.perform(get("/api/v1/licitaciones/export").param("format", "csv").param("organismo", BUYER)
                        .param("sort", "monto").header("Authorization", bearer(801)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".csv")))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"Código\";\"Tipo\"");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://malo\"\") resmas de papel\"").contains("\"Tóner para impresoras\"");
        assertThat(text.lines()).hasSize(3);
    }

    @Test
    void savedExportAsXlsxOpensWithItsNote() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/v1/licitaciones/saved/export").param("format", "xlsx")
                        .header("Authorization", bearer(802)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Código");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("9500-2-COT26");
            assertThat(sheet.getRow(1).getCell(10).getStringCellValue()).isEqualTo("ojo plazo");
            assertThat(sheet.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(480_000d);
        }
    }

    @Test
    void monthlyExportsStopAtThePlanLimitWith429() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/api/v1/licitaciones/saved/export").header("Authorization", bearer(803)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/licitaciones/saved/export").header("Authorization", bearer(803)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error").value("quota_exceeded"))
                .andExpect(jsonPath("$.current_plan").value("emprendedor"))
                .andExpect(jsonPath("$.limit").value(2))
                .andExpect(jsonPath("$.resource").value("exports_per_month"));
    }

    @Test
    void freePlanHasNoExports() throws Exception {
        mvc.perform(get("/api/v1/licitaciones/export").header("Authorization", bearer(804)))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.current_plan").value("free"))
                .andExpect(jsonPath("$.limit").value(0));
    }

    @Test
    void unknownFormatIsRefused() throws Exception {
        mvc.perform(get("/api/v1/licitaciones/export").param("format", "pdf").header("Authorization", bearer(801)))
                .andExpect(status().isBadRequest());
    }
}
