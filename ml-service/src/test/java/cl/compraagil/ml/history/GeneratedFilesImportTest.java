package cl.compraagil.ml.history;

import static org.assertj.core.api.Assertions.assertThat;

import cl.compraagil.ml.MlIntegrationTest;
import cl.compraagil.ml.history.generator.SyntheticHistoryGenerator;
import cl.compraagil.ml.history.importer.HistoryImporter;
import cl.compraagil.ml.history.importer.ImportReport;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class GeneratedFilesImportTest extends MlIntegrationTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @Autowired
    HistoryImporter importer;

    private static String month(long seed, YearMonth month, int quotations, long[] rows) throws Exception {
        StringWriter out = new StringWriter();
        rows[0] = new SyntheticHistoryGenerator(seed).writeMonth(month, quotations, out);
        return out.toString();
    }

    @Test
    void everyGeneratedRowLoadsAndUnitPricesExistOnlyForSingleProductQuotes() throws Exception {
        long[] rows = new long[1];
        String csv = month(11, YearMonth.of(2020, 3), 200, rows);

        ImportReport report = importer.importStream(new ByteArrayInputStream(csv.getBytes(CP1252)), "COT_2020-03.csv", null);

        assertThat(report.rowsRead()).isEqualTo(rows[0]);
        assertThat(report.rowsLoaded()).isEqualTo(rows[0]);
        assertThat(report.rowsRejected()).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM cot_quotes WHERE import_run_id = :run
                AND (unit_price IS NOT NULL) <> (products_in_quote = 1)""")
                .param("run", report.runId()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(DISTINCT codigo_cotizacion) FROM cot_quotes WHERE import_run_id = :run")
                .param("run", report.runId()).query(Long.class).single()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM cot_quotes WHERE import_run_id = :run AND detalle LIKE '%\n%'")
                .param("run", report.runId()).query(Long.class).single()).isPositive();
    }

    @Test
    void badValuesAreRejectedWithTheirLineNumbersAndTheRestLoads() throws Exception {
        long[] rows = new long[1];
        String[] lines = month(12, YearMonth.of(2020, 4), 30, rows).split("\n", -1);
        // corrupt the amount of the first record that sits on a single line
        int target = 1;
        while (lines[target].chars().filter(c -> c == '"').count() % 2 != 0 || !lines[target].startsWith("\"")) {
            target++;
        }
        String[] fields = lines[target].split(";", -1);
        fields[26] = "12,3,4";
        lines[target] = String.join(";", fields);
        String csv = String.join("\n", lines);
        long expectedLine = target + 1;

        ImportReport report = importer.importStream(new ByteArrayInputStream(csv.getBytes(CP1252)), "COT_2020-04.csv", null);

        assertThat(report.rowsRejected()).isEqualTo(1);
        assertThat(report.rowsLoaded()).isEqualTo(rows[0] - 1);
        assertThat(report.rejects()).singleElement().satisfies(reject -> {
            assertThat(reject.lineNo()).isEqualTo(expectedLine);
            assertThat(reject.reason()).contains("12,3,4");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM import_rejects WHERE import_run_id = :run")
                .param("run", report.runId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void zipWithSeveralCotFilesImportsEachAsItsOwnFileOfTheMonth() throws Exception {
        Path zip = Files.createTempFile("COT_2020-05", ".zip");
        long[] first = new long[1];
        long[] second = new long[1];
        String a = month(13, YearMonth.of(2020, 5), 20, first);
        String b = month(14, YearMonth.of(2020, 5), 25, second);
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (String[] entry : List.of(new String[] {"COT1_2020-05.csv", a}, new String[] {"COT2_2020-05.csv", b})) {
                out.putNextEntry(new ZipEntry(entry[0]));
                OutputStreamWriter writer = new OutputStreamWriter(out, CP1252);
                writer.write(entry[1]);
                writer.flush();
                out.closeEntry();
            }
        }
        Path named = zip.resolveSibling("COT_2020-05.zip");
        Files.move(zip, named, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        List<ImportReport> reports = importer.importFile(named, null);

        assertThat(reports).extracting(ImportReport::fileName)
                .containsExactly("COT_2020-05.zip!COT1_2020-05.csv", "COT_2020-05.zip!COT2_2020-05.csv");
        assertThat(reports).extracting(ImportReport::period).containsOnly("2020-05");
        assertThat(reports).extracting(ImportReport::rowsLoaded).containsExactly(first[0], second[0]);
    }
}
