package cl.compraagil.ml.history.importer;

import cl.compraagil.ml.history.generator.SyntheticHistoryGenerator;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Command-line entry points, active with the {@code cli} profile (no web server, see application-cli.yml):
 * <pre>
 * java -jar ml-service.jar --spring.profiles.active=cli import COT_2026-06.zip lic_2026-6.csv [--period=2026-06]
 * java -jar ml-service.jar --spring.profiles.active=cli generate /tmp/history --from=2025-01 --months=12 --quotations=180000
 * </pre>
 */
@Component
@Profile("cli")
class HistoryCommands implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HistoryCommands.class);

    private final HistoryImporter importer;
    private final ConfigurableApplicationContext context;

    HistoryCommands(HistoryImporter importer, ConfigurableApplicationContext context) {
        this.importer = importer;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty()) {
            log.error("Usage: import <file...> [--period=yyyy-MM] | generate <folder> [--from=yyyy-MM] [--months=n] [--quotations=n] [--seed=n]");
            exit(2);
            return;
        }
        int status = switch (words.get(0)) {
            case "import" -> importFiles(words.subList(1, words.size()), option(args, "period", null));
            case "generate" -> generate(Path.of(words.get(1)), YearMonth.parse(option(args, "from", "2025-01")),
                    Integer.parseInt(option(args, "months", "12")), Integer.parseInt(option(args, "quotations", "10000")),
                    Long.parseLong(option(args, "seed", "42")));
            default -> 2;
        };
        exit(status);
    }

    private int importFiles(List<String> files, String period) throws Exception {
        for (String file : files) {
            for (ImportReport report : importer.importFile(Path.of(file), period)) {
                log.info("{}: {} read, {} loaded, {} rejected, {} excluded by currency, {} s, {} rows/s; first rejects {}",
                        report.fileName(), report.rowsRead(), report.rowsLoaded(), report.rowsRejected(),
                        report.rowsExcludedCurrency(), String.format("%.1f", report.seconds()),
                        Math.round(report.rowsPerSecond()), report.rejects().stream().limit(10).toList());
            }
        }
        return 0;
    }

    private int generate(Path folder, YearMonth from, int months, int quotations, long seed) throws Exception {
        List<Path> files = new SyntheticHistoryGenerator(seed).writeMonths(folder, from, months, quotations);
        files.forEach(file -> log.info("Generated {}", file));
        return 0;
    }

    private static String option(ApplicationArguments args, String name, String fallback) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    private void exit(int status) {
        System.exit(SpringApplication.exit(context, () -> status));
    }
}
