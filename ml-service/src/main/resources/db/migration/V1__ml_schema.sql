-- ml-service: market history imported from Mercado Público open data, and what the models and
-- analyses derive from it. Amounts are CLP integers; foreign user ids are plain BIGINT.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- One import of one published file (dataset + period + file name). A re-import replaces the rows of
-- the previous run of the same key, so the key is unique among runs that still own rows.
CREATE TABLE import_runs (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dataset         TEXT        NOT NULL CHECK (dataset IN ('cot', 'lic', 'oc')),
    period          TEXT        NOT NULL,               -- yyyy-MM
    file_name       TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'replaced')),
    rows_read       BIGINT      NOT NULL DEFAULT 0,
    rows_loaded     BIGINT      NOT NULL DEFAULT 0,
    rows_rejected   BIGINT      NOT NULL DEFAULT 0,
    rows_excluded_currency BIGINT NOT NULL DEFAULT 0,
    rows_per_second NUMERIC(14, 1),
    started_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at     TIMESTAMPTZ,
    error           TEXT
);
CREATE UNIQUE INDEX ux_import_runs_current ON import_runs (dataset, period, file_name) WHERE status = 'completed';
CREATE INDEX idx_import_runs_started ON import_runs (started_at DESC);

CREATE TABLE import_rejects (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    import_run_id BIGINT NOT NULL REFERENCES import_runs (id) ON DELETE CASCADE,
    line_no       BIGINT NOT NULL,
    reason        TEXT   NOT NULL
);
CREATE INDEX idx_import_rejects_run ON import_rejects (import_run_id, line_no);

-- Compra Ágil quotations (COT files): one row per cotización × requested product × bidder.
-- monto_total is the bidder's whole offer in CLP; unit_price is only known when the cotización asked
-- for a single product (the bot divided multi-product totals by one product's quantity).
CREATE TABLE cot_quotes (
    import_run_id      BIGINT  NOT NULL,
    line_no            INTEGER NOT NULL,
    codigo_cotizacion  TEXT    NOT NULL,
    nombre_cotizacion  TEXT,
    descripcion        TEXT,
    organismo          TEXT,
    unidad_compra      TEXT,
    rut_unidad         TEXT,
    region             TEXT,
    fecha_publicacion  DATE,
    fecha_cierre       DATE,
    plazo_entrega      INTEGER,
    monto_disponible   BIGINT,
    producto           TEXT,
    codigo_producto    INTEGER,
    nombre_generico    TEXT,
    cantidad           NUMERIC(18, 3),
    estado             TEXT,
    proveedor          TEXT,
    rut_proveedor      TEXT,
    tamano             TEXT,
    detalle            TEXT,
    seleccionado       BOOLEAN NOT NULL,
    moneda             TEXT,
    monto_original     NUMERIC(20, 4),
    monto_total        BIGINT,
    products_in_quote  SMALLINT NOT NULL,
    bidders_in_quote   SMALLINT NOT NULL,
    unit_price         NUMERIC(18, 2),
    criterio           TEXT,
    codigo_oc          TEXT,
    estado_oc          TEXT
);
CREATE INDEX idx_cot_quotes_run ON cot_quotes (import_run_id);
CREATE INDEX idx_cot_quotes_product_date ON cot_quotes (codigo_producto, fecha_cierre DESC) WHERE unit_price IS NOT NULL;
CREATE INDEX idx_cot_quotes_codigo ON cot_quotes (codigo_cotizacion);
CREATE INDEX idx_cot_quotes_rut_proveedor ON cot_quotes (rut_proveedor, fecha_cierre);

-- Licitaciones with every offer (lic-da): one row per licitación × item × offer.
CREATE TABLE lic_offers (
    import_run_id       BIGINT  NOT NULL,
    line_no             INTEGER NOT NULL,
    codigo_externo      TEXT    NOT NULL,
    nombre              TEXT,
    descripcion         TEXT,
    tipo                TEXT,
    estado              TEXT,
    codigo_organismo    INTEGER,
    organismo           TEXT,
    sector              TEXT,
    region              TEXT,
    moneda              TEXT,
    monto_estimado      BIGINT,
    numero_oferentes    INTEGER,
    fecha_publicacion   DATE,
    fecha_cierre        DATE,
    fecha_adjudicacion  DATE,
    codigo_item         BIGINT,
    codigo_producto     INTEGER,
    rubro1              TEXT,
    nombre_generico     TEXT,
    unidad_medida       TEXT,
    cantidad            NUMERIC(18, 3),
    rut_proveedor       TEXT,
    proveedor           TEXT,
    estado_oferta       TEXT,
    cantidad_ofertada   NUMERIC(18, 3),
    moneda_oferta       TEXT,
    unit_price          NUMERIC(18, 2),
    total_ofertado      BIGINT,
    cantidad_adjudicada NUMERIC(18, 3),
    monto_adjudicado    BIGINT,
    seleccionada        BOOLEAN NOT NULL
);
CREATE INDEX idx_lic_offers_run ON lic_offers (import_run_id);
CREATE INDEX idx_lic_offers_product_date ON lic_offers (codigo_producto, fecha_cierre DESC);
CREATE INDEX idx_lic_offers_codigo ON lic_offers (codigo_externo);
CREATE INDEX idx_lic_offers_rut_proveedor ON lic_offers (rut_proveedor);

-- Purchase orders (oc-da): one row per order line. Prices converted to CLP; other currencies without a
-- configured rate are excluded and counted on the import run.
CREATE TABLE purchase_orders (
    import_run_id     BIGINT  NOT NULL,
    line_no           INTEGER NOT NULL,
    codigo            TEXT    NOT NULL,
    nombre            TEXT,
    estado            TEXT,
    es_compra_agil    BOOLEAN,
    es_trato_directo  BOOLEAN,
    codigo_licitacion TEXT,
    fecha_envio       DATE,
    organismo         TEXT,
    region_unidad     TEXT,
    rut_proveedor     TEXT,
    proveedor         TEXT,
    codigo_producto   INTEGER,
    nombre_generico   TEXT,
    producto          TEXT,
    cantidad          NUMERIC(18, 3),
    moneda_item       TEXT,
    precio_neto_original NUMERIC(20, 4),
    unit_price        NUMERIC(18, 2),
    total_linea       BIGINT
);
CREATE INDEX idx_purchase_orders_run ON purchase_orders (import_run_id);
CREATE INDEX idx_purchase_orders_product_date ON purchase_orders (codigo_producto, fecha_envio DESC);
CREATE INDEX idx_purchase_orders_rut_proveedor ON purchase_orders (rut_proveedor);

-- Distinct normalised product texts with their UNSPSC code: the small table that text similarity
-- (pg_trgm) searches, instead of scanning millions of quote rows.
CREATE TABLE product_catalog (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    codigo_producto INTEGER NOT NULL,
    texto           TEXT    NOT NULL,
    UNIQUE (codigo_producto, texto)
);
CREATE INDEX idx_product_catalog_trgm ON product_catalog USING gin (texto gin_trgm_ops);

-- Entitlements cached from subscription.changed (features decide access to competitor analysis).
CREATE TABLE user_entitlements (
    user_id    BIGINT PRIMARY KEY,
    plan       TEXT        NOT NULL,
    status     TEXT        NOT NULL,
    features   JSONB       NOT NULL,
    limits     JSONB       NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);

-- Trained models: the artifact lives in the object store; this row is its registry entry.
CREATE TABLE model_versions (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           TEXT        NOT NULL,
    version        TEXT        NOT NULL,
    storage_key    TEXT        NOT NULL,
    train_from     DATE,
    train_to       DATE,
    test_from      DATE,
    test_to        DATE,
    train_size     INTEGER     NOT NULL,
    test_size      INTEGER     NOT NULL,
    metrics        JSONB       NOT NULL,
    active         BOOLEAN     NOT NULL DEFAULT false,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (name, version)
);
CREATE UNIQUE INDEX ux_model_versions_active ON model_versions (name) WHERE active;

-- AI analyses, cached per licitación, company-profile version and prompt version (the bot keyed on the
-- licitación only and showed one company's analysis to another).
CREATE TABLE analyses (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         BIGINT      NOT NULL,
    kind            TEXT        NOT NULL,
    codigo          TEXT        NOT NULL,
    cache_key       TEXT        NOT NULL,
    prompt_version  TEXT        NOT NULL,
    engine          TEXT        NOT NULL,
    result          JSONB       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (user_id, cache_key)
);
CREATE INDEX idx_analyses_user_created ON analyses (user_id, created_at DESC);

CREATE TABLE analysis_feedback (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    analysis_id BIGINT      NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
    user_id     BIGINT      NOT NULL,
    liked       BOOLEAN     NOT NULL,
    comment     TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (analysis_id, user_id)
);

-- Company profile the analyses are fitted to; its version is part of the analysis cache key.
CREATE TABLE company_profiles (
    user_id        BIGINT PRIMARY KEY,
    company_name   TEXT,
    rubro          TEXT,
    products       TEXT,
    keywords       TEXT,
    region         TEXT,
    delivery_days  INTEGER,
    experience_years INTEGER,
    certifications TEXT,
    version        INTEGER     NOT NULL DEFAULT 1,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
