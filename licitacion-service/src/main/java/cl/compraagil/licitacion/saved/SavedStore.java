package cl.compraagil.licitacion.saved;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Saved licitaciones of each user, always queried by user id. */
@Repository
class SavedStore {

    private static final String SELECT = """
            SELECT s.id, s.codigo, s.note, s.created_at, l.tipo, l.nombre, l.organismo, l.region, l.monto_estimado,
                   l.moneda, l.fecha_cierre, l.estado, l.url
            FROM saved_licitaciones s LEFT JOIN licitaciones l ON l.codigo = s.codigo
            """;

    private final JdbcClient jdbc;

    SavedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises saves of one user, so two parallel requests cannot both pass the plan limit. */
    void lockUser(long userId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", 0x53415645L << 32 | userId).query().singleRow();
    }

    long count(long userId) {
        return jdbc.sql("SELECT count(*) FROM saved_licitaciones WHERE user_id = :user").param("user", userId)
                .query(Long.class).single();
    }

    boolean insert(long userId, String codigo, String note) {
        return jdbc.sql("""
                INSERT INTO saved_licitaciones (user_id, codigo, note) VALUES (:user, :codigo, :note)
                ON CONFLICT (user_id, codigo) DO NOTHING
                """)
                .param("user", userId).param("codigo", codigo).param("note", note)
                .update() == 1;
    }

    boolean updateNote(long userId, String codigo, String note) {
        return jdbc.sql("""
                UPDATE saved_licitaciones SET note = :note, updated_at = now() WHERE user_id = :user AND codigo = :codigo
                """)
                .param("user", userId).param("codigo", codigo).param("note", note)
                .update() == 1;
    }

    boolean delete(long userId, String codigo) {
        return jdbc.sql("DELETE FROM saved_licitaciones WHERE user_id = :user AND codigo = :codigo")
                .param("user", userId).param("codigo", codigo).update() == 1;
    }

    int deleteAll(long userId) {
        return jdbc.sql("DELETE FROM saved_licitaciones WHERE user_id = :user").param("user", userId).update();
    }

    Optional<SavedLicitacion> find(long userId, String codigo) {
        return jdbc.sql(SELECT + " WHERE s.user_id = :user AND s.codigo = :codigo")
                .param("user", userId).param("codigo", codigo)
                .query((rs, n) -> map(rs)).optional();
    }

    /** Newest first, after the (created_at, id) of the previous page's last row. */
    List<Row> page(long userId, Instant afterCreated, Long afterId, int limit) {
        String keyset = afterId == null ? "" : " AND (s.created_at, s.id) < (:afterCreated, :afterId)";
        JdbcClient.StatementSpec spec = jdbc.sql(SELECT + " WHERE s.user_id = :user" + keyset
                        + " ORDER BY s.created_at DESC, s.id DESC LIMIT :limit")
                .param("user", userId).param("limit", limit);
        if (afterId != null) {
            spec = spec.param("afterCreated", Timestamp.from(afterCreated)).param("afterId", afterId);
        }
        return spec.query((rs, n) -> new Row(rs.getLong("id"), map(rs))).list();
    }

    List<Long> followers(String codigo) {
        return jdbc.sql("SELECT user_id FROM saved_licitaciones WHERE codigo = :codigo ORDER BY user_id")
                .param("codigo", codigo).query(Long.class).list();
    }

    List<String> codigos(long userId) {
        return jdbc.sql("SELECT codigo FROM saved_licitaciones WHERE user_id = :user").param("user", userId)
                .query(String.class).list();
    }

    private static SavedLicitacion map(ResultSet rs) throws SQLException {
        Timestamp cierre = rs.getTimestamp("fecha_cierre");
        return new SavedLicitacion(rs.getString("codigo"), rs.getString("note"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("tipo"), rs.getString("nombre"), rs.getString("organismo"), rs.getString("region"),
                rs.getObject("monto_estimado", Long.class), rs.getString("moneda"),
                cierre == null ? null : cierre.toInstant(), rs.getString("estado"), rs.getString("url"));
    }

    record Row(long id, SavedLicitacion saved) {
    }
}
