package cl.compraagil.ml.analysis;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** Cached analyses per user and cache key, and the like/dislike feedback on them. */
@Repository
class AnalysisStore {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    AnalysisStore(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    Optional<AnalysisView> find(long userId, String cacheKey) {
        return jdbc.sql("""
                SELECT id, kind, codigo, engine, prompt_version, result::text, created_at FROM analyses
                WHERE user_id = :user AND cache_key = :key
                """).param("user", userId).param("key", cacheKey)
                .query((rs, n) -> new AnalysisView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), true, rs.getObject(7, OffsetDateTime.class), mapper.readTree(rs.getString(6))))
                .optional();
    }

    AnalysisView save(long userId, String cacheKey, String kind, String codigo, String engine, String promptVersion,
            Object result) {
        long id = jdbc.sql("""
                INSERT INTO analyses (user_id, kind, codigo, cache_key, prompt_version, engine, result)
                VALUES (:user, :kind, :codigo, :key, :prompt, :engine, CAST(:result AS jsonb))
                ON CONFLICT (user_id, cache_key) DO UPDATE SET result = excluded.result, engine = excluded.engine
                RETURNING id
                """)
                .param("user", userId).param("kind", kind).param("codigo", codigo).param("key", cacheKey)
                .param("prompt", promptVersion).param("engine", engine)
                .param("result", mapper.writeValueAsString(result)).query(Long.class).single();
        return new AnalysisView(id, kind, codigo, engine, promptVersion, false, OffsetDateTime.now(),
                mapper.valueToTree(result));
    }

    /** @return false when the analysis does not exist or belongs to someone else */
    boolean feedback(long userId, long analysisId, boolean liked, String comment) {
        return jdbc.sql("""
                INSERT INTO analysis_feedback (analysis_id, user_id, liked, comment)
                SELECT id, user_id, :liked, :comment FROM analyses WHERE id = :id AND user_id = :user
                ON CONFLICT (analysis_id, user_id) DO UPDATE SET liked = excluded.liked, comment = excluded.comment,
                    created_at = now()
                """).param("liked", liked).param("comment", comment).param("id", analysisId).param("user", userId)
                .update() == 1;
    }
}
