-- subscription-service: plans, subscriptions, payments and usage (the seed's billing tables), plus what
-- Stripe integration needs. user_id is a plain BIGINT: users live in auth-service's database.

CREATE TABLE subscription_plans (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                   VARCHAR(50)  NOT NULL UNIQUE,
    display_name           VARCHAR(100) NOT NULL,
    price_monthly          INTEGER      NOT NULL,          -- CLP, zero-decimal
    price_yearly           INTEGER,                        -- CLP; NULL = no yearly billing
    stripe_price_id        VARCHAR(255),                   -- monthly price id; NULL = price_data at checkout
    stripe_price_id_yearly VARCHAR(255),
    features               JSONB        NOT NULL,          -- {"limits": {...}, "features": {...}}; null limit = unlimited
    sort_order             INTEGER      NOT NULL DEFAULT 0,
    is_active              BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ  NOT NULL DEFAULT now()
);

INSERT INTO subscription_plans (name, display_name, price_monthly, price_yearly, sort_order, features) VALUES
('free', 'Gratis', 0, NULL, 0, '{
  "limits": {"ai_analysis": 2, "searches": 50, "api_calls": 0, "saved_licitaciones": 5, "alert_rules": 0,
             "exports_per_month": 0, "organization_seats": 1},
  "features": {"web_dashboard": false, "api_keys": false, "customer_webhooks": false, "competitor_analysis": false}}'),
('emprendedor', 'Emprendedor', 4990, 54890, 1, '{
  "limits": {"ai_analysis": 5, "searches": 200, "api_calls": 0, "saved_licitaciones": 30, "alert_rules": 3,
             "exports_per_month": 5, "organization_seats": 1},
  "features": {"web_dashboard": false, "api_keys": false, "customer_webhooks": false, "competitor_analysis": false}}'),
('pyme', 'Pyme', 9990, 107890, 2, '{
  "limits": {"ai_analysis": 10, "searches": 1000, "api_calls": 0, "saved_licitaciones": null, "alert_rules": 10,
             "exports_per_month": null, "organization_seats": 2},
  "features": {"web_dashboard": true, "api_keys": false, "customer_webhooks": false, "competitor_analysis": true}}'),
('profesional', 'Profesional', 19990, 215890, 3, '{
  "limits": {"ai_analysis": null, "searches": null, "api_calls": 100, "saved_licitaciones": null, "alert_rules": null,
             "exports_per_month": null, "organization_seats": 5},
  "features": {"web_dashboard": true, "api_keys": true, "customer_webhooks": true, "competitor_analysis": true}}');

-- Who changed a plan's features, from what to what: admins edit plans without a deploy.
CREATE TABLE plan_feature_changes (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id           BIGINT       NOT NULL REFERENCES subscription_plans (id),
    changed_by        BIGINT       NOT NULL,
    reason            VARCHAR(500) NOT NULL,
    previous_features JSONB        NOT NULL,
    new_features      JSONB        NOT NULL,
    changed_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX idx_plan_feature_changes_plan ON plan_feature_changes (plan_id, changed_at);

-- One row per user: the plan they are entitled to and the Stripe state it follows.
CREATE TABLE subscriptions (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id                BIGINT       NOT NULL,
    plan_id                BIGINT       NOT NULL REFERENCES subscription_plans (id),
    status                 VARCHAR(20)  NOT NULL,   -- active, trialing, past_due, restricted
    billing_interval       VARCHAR(10),             -- monthly, yearly; NULL for free
    stripe_customer_id     VARCHAR(255),
    stripe_subscription_id VARCHAR(255) UNIQUE,
    current_period_start   TIMESTAMPTZ,
    current_period_end     TIMESTAMPTZ,
    cancel_at_period_end   BOOLEAN      NOT NULL DEFAULT FALSE,
    trial_end              TIMESTAMPTZ,
    grace_until            TIMESTAMPTZ,             -- while past_due: when access is restricted
    stripe_state_at        TIMESTAMPTZ,             -- creation time of the newest Stripe event applied
    billing_email          VARCHAR(255),
    billing_name           VARCHAR(255),
    company_name           VARCHAR(255),
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT subscriptions_status_check CHECK (status IN ('active', 'trialing', 'past_due', 'restricted'))
);
CREATE UNIQUE INDEX idx_subscriptions_user ON subscriptions (user_id);
CREATE INDEX idx_subscriptions_status ON subscriptions (status);
CREATE INDEX idx_subscriptions_grace ON subscriptions (grace_until) WHERE status = 'past_due';
CREATE INDEX idx_subscriptions_customer ON subscriptions (stripe_customer_id);

-- Usage per user, resource and month (as the seed), counted from usage.recorded events.
CREATE TABLE usage_tracking (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       BIGINT      NOT NULL,
    resource_type VARCHAR(50) NOT NULL,
    resource_id   VARCHAR(255),
    month         DATE        NOT NULL,   -- first day of the month (Chile's calendar)
    count         INTEGER     NOT NULL DEFAULT 0,
    metadata      JSONB,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (user_id, resource_type, month)
);
CREATE INDEX idx_usage_user_month ON usage_tracking (user_id, month);

-- The same counts per day, so GET /usage can show today's use against the daily limits.
CREATE TABLE usage_daily (
    user_id       BIGINT      NOT NULL,
    resource_type VARCHAR(50) NOT NULL,
    day           DATE        NOT NULL,
    count         INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, day, resource_type)
);

-- One row per Stripe invoice (its latest outcome): the user's payment history.
CREATE TABLE payments (
    id                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id                  BIGINT,                 -- NULL once the user is deleted (kept for accounting)
    subscription_id          BIGINT REFERENCES subscriptions (id) ON DELETE SET NULL,
    amount                   BIGINT      NOT NULL,   -- CLP, zero-decimal
    currency                 VARCHAR(3)  NOT NULL DEFAULT 'CLP',
    status                   VARCHAR(20) NOT NULL,   -- pending, succeeded, failed, refunded
    plan_name                VARCHAR(50),
    stripe_invoice_id        VARCHAR(255) UNIQUE,
    stripe_payment_intent_id VARCHAR(255),
    payment_method           VARCHAR(50),
    description              TEXT,
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_payments_user ON payments (user_id);

-- Each Stripe event id is applied once: the row is inserted in the transaction of its effect.
CREATE TABLE stripe_events (
    event_id      VARCHAR(255) PRIMARY KEY,
    event_type    VARCHAR(100) NOT NULL,
    stripe_created TIMESTAMPTZ NOT NULL,
    processed_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Checkout sessions this service opened (real Stripe or the local checkout page).
CREATE TABLE checkout_sessions (
    id               VARCHAR(255) PRIMARY KEY,   -- Stripe session id (cs_...) or cs_local_...
    user_id          BIGINT       NOT NULL,
    plan_id          BIGINT       NOT NULL REFERENCES subscription_plans (id),
    billing_interval VARCHAR(10)  NOT NULL,
    amount           INTEGER      NOT NULL,
    url              TEXT         NOT NULL,
    idempotency_key  VARCHAR(255) NOT NULL,
    status           VARCHAR(20)  NOT NULL DEFAULT 'open',   -- open, paying (local page), completed
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at       TIMESTAMPTZ  NOT NULL,
    UNIQUE (user_id, idempotency_key)
);
