-- Search paths that read a bounded number of rows whatever the table holds (docs/licitacion-service.md, "Search").

-- Orders are keysets over coalesce(column, ±infinity) (nulls last): index those expressions, or every browse sorts.
-- Open opportunities (the default of every search and of the views) get their own small partial indexes.
DROP INDEX idx_licitaciones_publicacion;
CREATE INDEX idx_licitaciones_newest
    ON licitaciones ((coalesce(fecha_publicacion, '-infinity'::timestamptz)) DESC, id DESC);
CREATE INDEX idx_licitaciones_open_newest
    ON licitaciones ((coalesce(fecha_publicacion, '-infinity'::timestamptz)) DESC, id DESC) WHERE estado = 'publicada';
CREATE INDEX idx_licitaciones_open_closing
    ON licitaciones ((coalesce(fecha_cierre, 'infinity'::timestamptz)), id) WHERE estado = 'publicada';
CREATE INDEX idx_licitaciones_open_monto
    ON licitaciones ((coalesce(monto_estimado, -1)), id) WHERE estado = 'publicada';

-- The organismo filter matches part of the buyer's name ignoring case and accents. unaccent() is only STABLE (its
-- dictionary could change), so a stored column needs an IMMUTABLE wrapper that names the dictionary explicitly;
-- stored, the filter compares plain text instead of unaccenting every row it reads.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE FUNCTION licitacion_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(unaccent('unaccent'::regdictionary, $1));
ALTER TABLE licitaciones ADD COLUMN organismo_fold TEXT GENERATED ALWAYS AS (licitacion_fold(organismo)) STORED;
-- Open rows only: a buyer word like "hospital" is in a fifth of the history, where reading the newest rows and
-- filtering finds a page sooner than the index would; among open rows the index narrows the search either way.
CREATE INDEX idx_licitaciones_open_organismo_fold
    ON licitaciones USING GIN (organismo_fold gin_trgm_ops) WHERE estado = 'publicada';
