package cl.compraagil.licitacion.catalog;

/**
 * The full-text document of an opportunity, in the accent-insensitive Spanish configuration {@code es_unaccent}:
 * name (weight A), description (B) and requested products (C). One definition for every writer of it.
 */
public final class SearchDocument {

    private SearchDocument() {
    }

    /** The tsvector expression over three SQL text expressions. */
    public static String of(String nombre, String descripcion, String productos) {
        return "setweight(to_tsvector('es_unaccent', coalesce(" + nombre + ", '')), 'A')"
                + " || setweight(to_tsvector('es_unaccent', coalesce(" + descripcion + ", '')), 'B')"
                + " || setweight(to_tsvector('es_unaccent', coalesce(" + productos + ", '')), 'C')";
    }
}
