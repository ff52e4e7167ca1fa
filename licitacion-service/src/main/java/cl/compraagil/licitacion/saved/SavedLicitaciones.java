package cl.compraagil.licitacion.saved;

import cl.compraagil.licitacion.entitlement.Entitlements;
import cl.compraagil.licitacion.entitlement.PlanLimits;
import cl.compraagil.licitacion.search.LicitacionDetails;
import cl.compraagil.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's favourites: save (within the plan's limit), annotate, list, unsave. */
@Service
public class SavedLicitaciones {

    private final SavedStore store;
    private final LicitacionDetails licitaciones;
    private final Entitlements entitlements;

    SavedLicitaciones(SavedStore store, LicitacionDetails licitaciones, Entitlements entitlements) {
        this.store = store;
        this.licitaciones = licitaciones;
        this.entitlements = entitlements;
    }

    @Transactional
    public SavedLicitacion save(long userId, String codigo, String note) {
        if (!licitaciones.exists(codigo)) {
            throw ApiProblem.notFound("La licitación " + codigo);
        }
        store.lockUser(userId);
        PlanLimits limits = entitlements.of(userId);
        Integer limit = limits.savedLicitaciones();
        if (store.find(userId, codigo).isPresent()) {
            throw ApiProblem.conflict("already_saved", "Ya guardaste la licitación " + codigo + ".");
        }
        if (limit != null && store.count(userId) >= limit) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "plan_limit_reached", "Tu plan " + limits.plan()
                    + " permite guardar hasta " + limit + " licitaciones. Elimina alguna o mejora tu plan.")
                    .with("current_plan", limits.plan())
                    .with("upgrade_url", Entitlements.UPGRADE_URL)
                    .with("limit", limit)
                    .with("resource", "saved_licitaciones");
        }
        store.insert(userId, codigo, blankToNull(note));
        return store.find(userId, codigo).orElseThrow();
    }

    @Transactional
    public SavedLicitacion annotate(long userId, String codigo, String note) {
        if (!store.updateNote(userId, codigo, blankToNull(note))) {
            throw ApiProblem.notFound("La licitación guardada " + codigo);
        }
        return store.find(userId, codigo).orElseThrow();
    }

    @Transactional
    public void unsave(long userId, String codigo) {
        if (!store.delete(userId, codigo)) {
            throw ApiProblem.notFound("La licitación guardada " + codigo);
        }
    }

    SavedPage page(long userId, int limit, String cursor) {
        Instant afterCreated = null;
        Long afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                afterCreated = Instant.parse(parts[0]);
                afterId = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                throw ApiProblem.badRequest("invalid_cursor", "El cursor de paginación no es válido; vuelve a la primera página.");
            }
        }
        List<SavedStore.Row> rows = store.page(userId, afterCreated, afterId, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            SavedStore.Row last = rows.get(limit - 1);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (last.saved().guardadaEn() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
        }
        return new SavedPage(rows.stream().map(SavedStore.Row::saved).toList(), store.count(userId), next);
    }

    /** Every saved licitación of a user, newest first, up to a maximum (for exports). */
    public List<SavedLicitacion> all(long userId, int max) {
        return store.page(userId, null, null, max).stream().map(SavedStore.Row::saved).toList();
    }

    public List<String> codigos(long userId) {
        return store.codigos(userId);
    }

    /** Removes everything a deleted user saved. */
    @Transactional
    public int forgetUser(long userId) {
        return store.deleteAll(userId);
    }

    private static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
