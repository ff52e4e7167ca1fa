package cl.compraagil.licitacion.search;

import cl.compraagil.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque page cursor: the order, the last row's sort key (as PostgreSQL printed it) and its id.
 * A cursor from another order or a tampered one is refused with 400, never silently reinterpreted.
 */
public record Cursor(SortOrder sort, String key, long id) {

    public String encode() {
        String raw = sort.code() + "\n" + key + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String token, SortOrder expected) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
            SortOrder sort = SortOrder.fromCode(parts[0]);
            if (parts.length != 3 || sort != expected) {
                throw new IllegalArgumentException("cursor of another order");
            }
            return new Cursor(sort, parts[1], Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ApiProblem.badRequest("invalid_cursor",
                    "El cursor de paginación no es válido para esta búsqueda; vuelve a la primera página.");
        }
    }
}
