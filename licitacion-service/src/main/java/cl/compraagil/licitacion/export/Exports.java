package cl.compraagil.licitacion.export;

import cl.compraagil.licitacion.saved.SavedLicitacion;
import cl.compraagil.licitacion.saved.SavedLicitaciones;
import cl.compraagil.licitacion.search.LicitacionSearch;
import cl.compraagil.licitacion.search.LicitacionSummary;
import cl.compraagil.licitacion.search.SearchCriteria;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds export files of search results and saved licitaciones, each one counted against the monthly quota. */
@Service
class Exports {

    static final int MAX_ROWS = 5000;
    private static final List<String> COLUMNS = List.of("Código", "Tipo", "Nombre", "Organismo", "Región",
            "Monto estimado (CLP)", "Moneda", "Publicación", "Cierre", "Estado", "URL");

    private final ExportQuota quota;
    private final LicitacionSearch search;
    private final SavedLicitaciones saved;

    Exports(ExportQuota quota, LicitacionSearch search, SavedLicitaciones saved) {
        this.quota = quota;
        this.search = search;
        this.saved = saved;
    }

    @Transactional
    public byte[] searchResults(long userId, SearchCriteria criteria, ExportFormat format) {
        quota.consume(userId);
        List<List<Object>> rows = new ArrayList<>();
        for (LicitacionSummary s : search.search(criteria).items()) {
            rows.add(Arrays.asList(s.codigo(), s.tipo(), s.nombre(), s.organismo(), s.region(), s.montoEstimado(),
                    s.moneda(), s.fechaPublicacion(), s.fechaCierre(), s.estado(), s.url()));
        }
        return format.write(new ExportTable("Licitaciones", COLUMNS, rows));
    }

    @Transactional
    public byte[] savedLicitaciones(long userId, ExportFormat format) {
        quota.consume(userId);
        List<String> headers = new ArrayList<>(COLUMNS);
        headers.remove("Publicación");
        headers.add("Nota");
        headers.add("Guardada el");
        List<List<Object>> rows = new ArrayList<>();
        for (SavedLicitacion s : saved.all(userId, MAX_ROWS)) {
            rows.add(Arrays.asList(s.codigo(), s.tipo(), s.nombre(), s.organismo(), s.region(), s.montoEstimado(),
                    s.moneda(), s.fechaCierre(), s.estado(), s.url(), s.nota(), s.guardadaEn()));
        }
        return format.write(new ExportTable("Guardadas", headers, rows));
    }
}
