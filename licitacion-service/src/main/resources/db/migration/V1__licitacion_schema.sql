-- licitacion-service: live opportunities (Compra Ágil processes and licitaciones), saved ones, company profiles.

-- Spanish full-text search that ignores accents: "adquisicion" finds "Adquisición", "computadores" finds "computador".
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION es_unaccent (COPY = pg_catalog.spanish);
ALTER TEXT SEARCH CONFIGURATION es_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;

-- One row per opportunity, whatever API it came from. Mercado Público times are Chile wall-clock and are
-- stored here converted to UTC; monto_estimado is always CLP (monto_original keeps the published currency).
CREATE TABLE licitaciones (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    codigo            VARCHAR(40)  NOT NULL UNIQUE,
    tipo              VARCHAR(20)  NOT NULL CHECK (tipo IN ('compra_agil', 'licitacion')),
    tipo_licitacion   VARCHAR(10),
    nombre            TEXT         NOT NULL,
    descripcion       TEXT,
    organismo         TEXT,
    rut_organismo     VARCHAR(20),
    unidad_compra     TEXT,
    region            VARCHAR(80),
    region_codigo     SMALLINT,
    comuna            VARCHAR(80),
    monto_estimado    BIGINT,
    moneda            VARCHAR(5),
    monto_original    NUMERIC(18, 2),
    fecha_publicacion TIMESTAMPTZ,
    fecha_cierre      TIMESTAMPTZ,
    fecha_ultimo_cambio TIMESTAMPTZ,
    estado            VARCHAR(30)  NOT NULL,
    convocatoria      SMALLINT,
    total_ofertas     INTEGER,
    plazo_entrega_dias INTEGER,
    cotizaciones      JSONB,
    url               TEXT,
    source            VARCHAR(20)  NOT NULL,
    detail_fetched_at TIMESTAMPTZ,
    raw               JSONB,
    search            TSVECTOR     NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX idx_licitaciones_search ON licitaciones USING GIN (search);
-- Searches default to open opportunities, a small share of the table: their own index keeps them fast.
CREATE INDEX idx_licitaciones_search_open ON licitaciones USING GIN (search) WHERE estado = 'publicada';
CREATE INDEX idx_licitaciones_estado_cierre ON licitaciones (estado, fecha_cierre);
CREATE INDEX idx_licitaciones_publicacion ON licitaciones (fecha_publicacion DESC, id DESC);
CREATE INDEX idx_licitaciones_cierre ON licitaciones (fecha_cierre, id);
CREATE INDEX idx_licitaciones_monto ON licitaciones (monto_estimado, id);
CREATE INDEX idx_licitaciones_region ON licitaciones (region_codigo);
CREATE INDEX idx_licitaciones_rut_organismo ON licitaciones (rut_organismo);
CREATE INDEX idx_licitaciones_pending_detail ON licitaciones (id) WHERE detail_fetched_at IS NULL;

-- Products requested by an opportunity (UNSPSC code, quantity, unit).
CREATE TABLE licitacion_items (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    licitacion_id   BIGINT       NOT NULL REFERENCES licitaciones (id) ON DELETE CASCADE,
    correlativo     INTEGER      NOT NULL,
    codigo_producto VARCHAR(12),
    nombre          TEXT,
    descripcion     TEXT,
    cantidad        NUMERIC(14, 2),
    unidad          VARCHAR(40),
    UNIQUE (licitacion_id, correlativo)
);
CREATE INDEX idx_licitacion_items_unspsc ON licitacion_items (codigo_producto, licitacion_id);

-- Which closing-soon windows (hours before fecha_cierre) were already announced, so each fires once.
CREATE TABLE licitacion_closing_notices (
    licitacion_id BIGINT      NOT NULL REFERENCES licitaciones (id) ON DELETE CASCADE,
    hours_before  INTEGER     NOT NULL,
    fecha_cierre  TIMESTAMPTZ NOT NULL,
    notified_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (licitacion_id, hours_before, fecha_cierre)
);

-- A user's favourites ("licitaciones guardadas"), one per user and codigo.
CREATE TABLE saved_licitaciones (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT       NOT NULL,
    codigo     VARCHAR(40)  NOT NULL,
    note       VARCHAR(1000),
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (user_id, codigo)
);
CREATE INDEX idx_saved_licitaciones_codigo ON saved_licitaciones (codigo);
CREATE INDEX idx_saved_licitaciones_user_created ON saved_licitaciones (user_id, created_at DESC, id DESC);

-- What a company sells and how it wants opportunities scored; owned by an organization or a single user.
CREATE TABLE company_profiles (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_type              VARCHAR(15)  NOT NULL CHECK (owner_type IN ('user', 'organization')),
    owner_id                BIGINT       NOT NULL,
    nombre_empresa          VARCHAR(200) NOT NULL,
    tipo_negocio            VARCHAR(20)  NOT NULL,
    productos_servicios     VARCHAR(2000),
    palabras_clave          TEXT[]       NOT NULL DEFAULT '{}',
    region_codigo           SMALLINT,
    capacidad_entrega_dias  INTEGER,
    experiencia_anos        INTEGER,
    certificaciones         TEXT[]       NOT NULL DEFAULT '{}',
    monto_minimo            BIGINT,
    monto_maximo            BIGINT,
    peso_palabras_clave     SMALLINT     NOT NULL DEFAULT 2,
    peso_competencia        SMALLINT     NOT NULL DEFAULT 2,
    peso_monto              SMALLINT     NOT NULL DEFAULT 2,
    created_at              TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (owner_type, owner_id)
);

-- Plan limits per user, cached from subscription.changed (a null limit means unlimited).
CREATE TABLE user_entitlements (
    user_id            BIGINT       PRIMARY KEY,
    plan               VARCHAR(30)  NOT NULL,
    status             VARCHAR(30)  NOT NULL,
    saved_licitaciones INTEGER,
    exports_per_month  INTEGER,
    changed_at         TIMESTAMPTZ  NOT NULL
);

-- Exports made per user and Chile calendar month, counted atomically against exports_per_month.
CREATE TABLE export_usage (
    user_id BIGINT  NOT NULL,
    month   DATE    NOT NULL,
    used    INTEGER NOT NULL,
    PRIMARY KEY (user_id, month)
);

-- Polling state per source (change-window watermark) and the shared daily request budget per ticket.
CREATE TABLE ingestion_state (
    source      VARCHAR(30) PRIMARY KEY,
    watermark   TIMESTAMPTZ,
    last_run_at TIMESTAMPTZ,
    last_error  TEXT
);

CREATE TABLE api_request_budget (
    api  VARCHAR(30) NOT NULL,
    day  DATE        NOT NULL,
    used INTEGER     NOT NULL,
    PRIMARY KEY (api, day)
);
