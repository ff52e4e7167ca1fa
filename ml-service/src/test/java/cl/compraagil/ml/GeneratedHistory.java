package cl.compraagil.ml;

import cl.compraagil.ml.history.generator.SyntheticHistoryGenerator;
import cl.compraagil.ml.history.importer.HistoryImporter;
import cl.compraagil.ml.history.importer.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** A synthetic history loaded once per test JVM: 12 months up to last month, seeded, so tests are stable. */
public final class GeneratedHistory {

    public static final int MONTHS = 12;
    public static final int QUOTATIONS_PER_MONTH = 600;
    private static List<ImportReport> reports;

    private GeneratedHistory() {
    }

    public static synchronized List<ImportReport> ensureLoaded(HistoryImporter importer) throws IOException {
        if (reports == null) {
            Path folder = Files.createTempDirectory("generated-history");
            List<Path> files = new SyntheticHistoryGenerator(7).writeMonths(folder, first(), MONTHS, QUOTATIONS_PER_MONTH);
            List<ImportReport> loaded = new ArrayList<>();
            for (Path file : files) {
                loaded.addAll(importer.importFile(file, null));
            }
            org.springframework.util.FileSystemUtils.deleteRecursively(folder);
            reports = loaded;
        }
        return reports;
    }

    public static YearMonth first() {
        return YearMonth.now().minusMonths(MONTHS);
    }
}
