package cl.compraagil.licitacion.catalog;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the pollers still have to fetch: opportunities known only from a list call, or that left the open list. */
@Component
public class CatalogQueue {

    private final JdbcClient jdbc;

    CatalogQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open opportunities of a type never fetched in detail, newest first. */
    public List<String> pendingDetails(OpportunityType tipo, int limit) {
        return jdbc.sql("""
                SELECT codigo FROM licitaciones
                WHERE detail_fetched_at IS NULL AND tipo = :tipo AND estado = 'publicada'
                ORDER BY fecha_publicacion DESC NULLS LAST, id DESC LIMIT :limit
                """)
                .param("tipo", tipo.code())
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /** Opportunities stored as published that a full list of open ones no longer contains: their state changed. */
    public List<String> publishedOutside(OpportunityType tipo, Collection<String> openCodigos, int limit) {
        return jdbc.sql("""
                SELECT codigo FROM licitaciones
                WHERE tipo = :tipo AND estado = 'publicada' AND NOT (codigo = ANY (:open))
                ORDER BY fecha_cierre NULLS LAST, id LIMIT :limit
                """)
                .param("tipo", tipo.code())
                .param("open", openCodigos.toArray(String[]::new))
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    public long countBySource(String source) {
        return jdbc.sql("SELECT count(*) FROM licitaciones WHERE source = :source")
                .param("source", source)
                .query(Long.class)
                .single();
    }
}
