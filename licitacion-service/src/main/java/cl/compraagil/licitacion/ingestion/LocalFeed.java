package cl.compraagil.licitacion.ingestion;

import cl.compraagil.licitacion.catalog.CatalogQueue;
import cl.compraagil.licitacion.catalog.OpportunityIngest;
import cl.compraagil.licitacion.mercadopublico.CompraAgilParser;
import cl.compraagil.licitacion.mercadopublico.LicitacionV1Parser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The local stand-in for Mercado Público when no ticket is configured: the recorded real responses shipped
 * under {@code classpath:fixtures/mercadopublico/} parsed by the same parsers as live data, plus a generated set
 * of open opportunities (only once: they are not regenerated on every start).
 */
@Component
class LocalFeed {

    static final String FIXTURES = "classpath:fixtures/mercadopublico/*.json";
    private static final Logger log = LoggerFactory.getLogger(LocalFeed.class);

    private final OpportunityIngest ingest;
    private final CatalogQueue queue;
    private final IngestionProperties properties;
    private final ObjectMapper mapper;
    private final Clock clock;

    LocalFeed(OpportunityIngest ingest, CatalogQueue queue, IngestionProperties properties, ObjectMapper mapper,
            Clock clock) {
        this.ingest = ingest;
        this.queue = queue;
        this.properties = properties;
        this.mapper = mapper;
        this.clock = clock;
    }

    RunSummary load() {
        Tally tally = new Tally();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(FIXTURES)) {
                loadFixture(resource, tally);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (queue.countBySource("generated") == 0) {
            OpportunityGenerator generator = new OpportunityGenerator(properties.localSeed());
            for (int i = 0; i < properties.localGenerated(); i++) {
                tally.detailed(ingest.ingest(generator.open(clock.instant())));
            }
        }
        RunSummary summary = tally.summary("local");
        log.info("Local opportunities loaded without a Mercado Público ticket: {}", summary);
        return summary;
    }

    private void loadFixture(Resource resource, Tally tally) throws IOException {
        String name = resource.getFilename() == null ? "" : resource.getFilename();
        JsonNode root;
        try (InputStream in = resource.getInputStream()) {
            root = mapper.readTree(in);
        }
        if (name.startsWith("ca-v2-list")) {
            CompraAgilParser.listItems(root).forEach(item ->
                    tally.listed("", ingest.ingest(CompraAgilParser.listItem(item).withSource("fixture"))));
        } else if (name.startsWith("ca-v2-detail")) {
            tally.detailed(ingest.ingest(CompraAgilParser.detail(root).withSource("fixture")));
        } else if (name.startsWith("v1-licitaciones-list")) {
            LicitacionV1Parser.listado(root).forEach(item ->
                    tally.listed("", ingest.ingest(LicitacionV1Parser.listItem(item).withSource("fixture"))));
        } else if (name.startsWith("v1-licitacion-detail")) {
            LicitacionV1Parser.listado(root).forEach(item ->
                    tally.detailed(ingest.ingest(LicitacionV1Parser.detail(item).withSource("fixture"))));
        }
    }
}
