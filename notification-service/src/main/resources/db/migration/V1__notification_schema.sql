-- notification-service owns: contacts learned from events, cached entitlements, the in-app inbox, alert rules,
-- the outbox of outgoing email/Telegram messages, and customer webhook endpoints with their delivery log.

-- Contact data of a user, learned from auth-service events (never read from auth's database).
CREATE TABLE user_contacts (
    user_id                 BIGINT PRIMARY KEY,
    email                   VARCHAR(255),
    full_name               VARCHAR(255),
    company_name            VARCHAR(255),
    telegram_id             BIGINT,
    telegram_unreachable_at TIMESTAMPTZ,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_user_contacts_telegram ON user_contacts (telegram_id);

-- The part of each user's plan this service enforces, cached from subscription.changed.
CREATE TABLE user_entitlements (
    user_id           BIGINT PRIMARY KEY,
    plan              VARCHAR(50) NOT NULL,
    status            VARCHAR(20) NOT NULL,
    alert_rules_limit INTEGER,              -- NULL means unlimited
    customer_webhooks BOOLEAN     NOT NULL DEFAULT FALSE,
    changed_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- In-app inbox.
CREATE TABLE notifications (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       BIGINT       NOT NULL,
    kind          VARCHAR(50)  NOT NULL,
    title         VARCHAR(200) NOT NULL,
    body          TEXT         NOT NULL,
    data          JSONB        NOT NULL DEFAULT '{}',
    dedup_key     VARCHAR(200) NOT NULL,
    read_at       TIMESTAMPTZ,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (user_id, dedup_key)
);
CREATE INDEX idx_notifications_user_id ON notifications (user_id, id DESC);
CREATE INDEX idx_notifications_user_unread ON notifications (user_id) WHERE read_at IS NULL;

-- Alert rules: what a user wants to hear about, on which channels, and when.
CREATE TABLE alert_rules (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id           BIGINT       NOT NULL,
    organization_id   BIGINT,
    name              VARCHAR(100) NOT NULL,
    keywords          TEXT[]       NOT NULL DEFAULT '{}',
    excluded_keywords TEXT[]       NOT NULL DEFAULT '{}',
    regions           TEXT[]       NOT NULL DEFAULT '{}',
    organismos        TEXT[]       NOT NULL DEFAULT '{}',
    unspsc_codes      TEXT[]       NOT NULL DEFAULT '{}',
    min_amount        BIGINT,
    max_amount        BIGINT,
    tipo              VARCHAR(20),
    channels          TEXT[]       NOT NULL,
    quiet_start       TIME,
    quiet_end         TIME,
    timezone          VARCHAR(50)  NOT NULL DEFAULT 'America/Santiago',
    daily_cap         INTEGER      NOT NULL DEFAULT 20,
    delivery          VARCHAR(20)  NOT NULL DEFAULT 'instant',
    is_active         BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX idx_alert_rules_user ON alert_rules (user_id, id);

-- Bumped in the transaction of every rule change, so each replica knows when to rebuild its in-memory index.
CREATE TABLE alert_rule_index_version (
    id      SMALLINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO alert_rule_index_version (id, version) VALUES (1, 0);

-- One row per (licitacion, rule): a redelivered or re-published licitacion.new never notifies twice.
CREATE TABLE alert_matches (
    rule_id    BIGINT      NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    codigo     VARCHAR(60) NOT NULL,
    capped     BOOLEAN     NOT NULL DEFAULT FALSE,
    matched_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (rule_id, codigo)
);
CREATE INDEX idx_alert_matches_rule_day ON alert_matches (rule_id, matched_at);

-- Outbox of outgoing email and Telegram messages: written with the decision to send, sent by a poller,
-- so a crash between "matched" and "sent" resends instead of losing. dedup_key makes sending idempotent.
CREATE TABLE outbound_messages (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id             BIGINT,
    channel             VARCHAR(20)  NOT NULL,
    recipient           VARCHAR(255) NOT NULL,
    subject             VARCHAR(255) NOT NULL,
    body                TEXT         NOT NULL,
    dedup_key           VARCHAR(200) NOT NULL UNIQUE,
    sensitive           BOOLEAN      NOT NULL DEFAULT FALSE,
    status              VARCHAR(20)  NOT NULL DEFAULT 'pending',
    attempts            INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_error          VARCHAR(500),
    provider_message_id VARCHAR(255),
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at             TIMESTAMPTZ
);
CREATE INDEX idx_outbound_due ON outbound_messages (next_attempt_at) WHERE status = 'pending';
CREATE INDEX idx_outbound_digest ON outbound_messages (user_id, channel, next_attempt_at) WHERE status = 'digest';
CREATE INDEX idx_outbound_user ON outbound_messages (user_id);

-- Webhooks configurables (seed), extended with filters, rotation and failure state.
CREATE TABLE webhook_endpoints (
    id                         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id                    BIGINT       NOT NULL,
    url                        VARCHAR(500) NOT NULL,
    events                     JSONB        NOT NULL,
    secret                     VARCHAR(255),
    is_active                  BOOLEAN      DEFAULT TRUE,
    description                VARCHAR(200),
    previous_secret            VARCHAR(255),
    previous_secret_expires_at TIMESTAMPTZ,
    disabled_reason            VARCHAR(50),
    failing_since              TIMESTAMPTZ,
    created_at                 TIMESTAMPTZ  DEFAULT now(),
    updated_at                 TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX idx_webhook_endpoints_user ON webhook_endpoints (user_id, id);

-- One message per (endpoint, event): its webhook-id stays the same across every retry and replay.
CREATE TABLE webhook_messages (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id     BIGINT       NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    msg_id          VARCHAR(64)  NOT NULL UNIQUE,
    event_type      VARCHAR(50)  NOT NULL,
    payload         JSONB        NOT NULL,
    dedup_key       VARCHAR(200) NOT NULL,
    status          VARCHAR(20)  NOT NULL DEFAULT 'pending',
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    completed_at    TIMESTAMPTZ,
    UNIQUE (endpoint_id, dedup_key)
);
CREATE INDEX idx_webhook_messages_due ON webhook_messages (next_attempt_at) WHERE status = 'pending';

-- Log de webhooks enviados (seed): one row per attempt.
CREATE TABLE webhook_deliveries (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id      BIGINT      REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    message_id      BIGINT      REFERENCES webhook_messages (id) ON DELETE CASCADE,
    attempt         INTEGER     NOT NULL,
    event_type      VARCHAR(50),
    payload         JSONB,
    response_status INTEGER,
    response_body   TEXT,
    success         BOOLEAN     NOT NULL,
    latency_ms      INTEGER     NOT NULL,
    error           VARCHAR(300),
    delivered_at    TIMESTAMPTZ DEFAULT now()
);
CREATE INDEX idx_webhook_deliveries_webhook ON webhook_deliveries (webhook_id, id DESC);
CREATE INDEX idx_webhook_deliveries_message ON webhook_deliveries (message_id);
