package cl.compraagil.ml.history.importer;

import cl.compraagil.ml.history.parse.HeaderIndex;
import cl.compraagil.ml.history.parse.OpenDataCsvReader;
import cl.compraagil.ml.history.parse.OpenDataCsvReader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports open-data files (csv, or zip of csv) into the history: streams records, loads them with COPY in
 * one transaction that also replaces any earlier import of the same file and month, and reports progress,
 * speed and rejected lines.
 */
@Service
public class HistoryImporter {

    private static final Logger log = LoggerFactory.getLogger(HistoryImporter.class);
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})-(\\d{1,2})(?!\\d)");

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final ImportRuns runs;
    private final HistoryProperties properties;
    private final CurrencyRates rates;

    HistoryImporter(DataSource dataSource, TransactionTemplate transactions, ImportRuns runs,
            HistoryProperties properties) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.runs = runs;
        this.properties = properties;
        this.rates = new CurrencyRates(properties.currencyRates());
    }

    /** Imports a csv file or every csv inside a zip; the period comes from the name unless given. */
    public List<ImportReport> importFile(Path file, String period) throws IOException {
        String name = file.getFileName().toString();
        if (!name.toLowerCase().endsWith(".zip")) {
            try (InputStream in = Files.newInputStream(file)) {
                return List.of(importStream(in, name, period));
            }
        }
        List<ImportReport> reports = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory() && entry.getName().toLowerCase().endsWith(".csv")) {
                    reports.add(importStream(nonClosing(zip), name + "!" + entry.getName(),
                            period != null ? period : periodOf(name)));
                }
            }
        }
        return reports;
    }

    /** Imports one csv stream; the stream is read to its end but not closed. */
    public ImportReport importStream(InputStream input, String fileName, String period) throws IOException {
        BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
        OpenDataCsvReader reader = new OpenDataCsvReader(new InputStreamReader(in, charsetOf(in)));
        CsvRecord header = reader.next();
        if (header == null) {
            throw new IllegalArgumentException("Archivo vacío: " + fileName);
        }
        HeaderIndex index = new HeaderIndex(header.fields());
        Dataset dataset = Dataset.detect(index);
        DatasetFormat format = dataset.format(rates);
        format.start(index);
        String resolvedPeriod = period != null ? period : periodOf(fileName);
        if (resolvedPeriod == null) {
            throw new IllegalArgumentException("No se pudo deducir el mes (yyyy-MM) del nombre " + fileName);
        }
        long runId = runs.start(dataset, resolvedPeriod, fileName);
        try {
            return transactions.execute(status -> load(reader, format, dataset, runId, resolvedPeriod, fileName));
        } catch (RuntimeException e) {
            runs.fail(runId, String.valueOf(e.getMessage()));
            throw e;
        }
    }

    private ImportReport load(OpenDataCsvReader reader, DatasetFormat format, Dataset dataset, long runId,
            String period, String fileName) {
        runs.lock(dataset, period, fileName);
        List<Long> previous = runs.previous(dataset, period, fileName);
        runs.tuneLoadSession();
        String partition = runs.createRunPartition(format.table(), runId);
        ImportProgress progress = new ImportProgress(runId, properties.maxStoredRejects(), fileName);
        copy(reader, format, partition, progress);
        runs.attachRunPartition(format.table(), runId);
        runs.refreshCatalog(format.catalogSql(), runId);
        runs.dropRunPartitions(format.table(), previous);
        runs.markReplaced(previous);
        runs.saveRejects(runId, progress.stored());
        double seconds = progress.seconds();
        double rate = progress.read() / Math.max(seconds, 1e-3);
        runs.complete(runId, progress.read(), progress.loaded(), progress.rejected(), progress.excluded(), rate);
        log.info("Imported {} ({} {}): {} rows read, {} loaded, {} rejected, {} excluded by currency, {} rows/s",
                fileName, dataset.code(), period, progress.read(), progress.loaded(), progress.rejected(),
                progress.excluded(), Math.round(rate));
        return new ImportReport(runId, dataset.code(), period, fileName, progress.read(), progress.loaded(),
                progress.rejected(), progress.excluded(), previous.size(), seconds, rate,
                List.copyOf(progress.stored()));
    }

    /** Streams the file's rows into COPY; the run's table, created in this transaction, takes them already frozen. */
    private void copy(OpenDataCsvReader reader, DatasetFormat format, String table, ImportProgress progress) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        String copy = "COPY " + table + " (import_run_id, line_no, " + String.join(", ", format.columns())
                + ") FROM STDIN (FORMAT text, FREEZE)";
        try {
            PGCopyOutputStream stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copy, 1 << 16);
            try (Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
                progress.writeTo(new CopyRowWriter(writer));
                for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                    progress.countRead();
                    if (record.malformed()) {
                        progress.reject(record.lineNo(), "comillas sin cerrar al final del archivo");
                    } else {
                        format.accept(record, progress);
                    }
                }
                format.finish(progress);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY falló: " + e.getMessage(), e);
        }
    }

    static String periodOf(String fileName) {
        Matcher matcher = PERIOD.matcher(fileName);
        String found = null;
        while (matcher.find()) {
            int month = Integer.parseInt(matcher.group(2));
            if (month >= 1 && month <= 12) {
                found = matcher.group(1) + "-" + String.format("%02d", month);
            }
        }
        return found;
    }

    /** The files are cp1252; a UTF-8 byte-order mark (the bot's copies) switches to UTF-8. */
    private static Charset charsetOf(BufferedInputStream in) throws IOException {
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        in.reset();
        return Charset.forName("windows-1252");
    }

    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the zip entry is closed by the zip stream
            }
        };
    }
}
