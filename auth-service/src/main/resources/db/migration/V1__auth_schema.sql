-- auth-service owns identities: users, organizations, API keys, signing keys and refresh tokens.
-- Columns of the seed schema keep their names; times are timestamptz (UTC).

CREATE TABLE users (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    telegram_id     BIGINT UNIQUE,
    email           VARCHAR(255) NOT NULL,
    hashed_password VARCHAR(255) NOT NULL,
    full_name       VARCHAR(255),
    company_name    VARCHAR(255),
    rut             VARCHAR(20),
    phone           VARCHAR(50),
    is_active       BOOLEAN     NOT NULL DEFAULT TRUE,
    is_verified     BOOLEAN     NOT NULL DEFAULT FALSE,
    is_admin        BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_login      TIMESTAMPTZ,
    -- refresh tokens issued before this instant are dead (password change, reset, deactivation)
    tokens_valid_after TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- the seed's UNIQUE(email), made case-insensitive
CREATE UNIQUE INDEX uq_users_email_lower ON users (lower(email));
CREATE INDEX idx_users_telegram ON users (telegram_id);
CREATE INDEX idx_users_email ON users (email);

CREATE TABLE organizations (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       VARCHAR(255) NOT NULL,
    owner_id   BIGINT REFERENCES users (id) ON DELETE CASCADE,
    -- the seed's subscription_id lives in subscription-service's database: kept as a plain reference
    subscription_id BIGINT,
    -- seats from the owner's plan when created; NULL means unlimited
    max_users  INTEGER     DEFAULT 1,
    settings   JSONB,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_organizations_owner ON organizations (owner_id);

CREATE TABLE organization_members (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id BIGINT      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            VARCHAR(20) NOT NULL DEFAULT 'member'
        CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    permissions     JSONB,
    joined_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (organization_id, user_id)
);
CREATE INDEX idx_organization_members_user ON organization_members (user_id);

CREATE TABLE organization_invitations (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id BIGINT       NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email           VARCHAR(255) NOT NULL,
    role            VARCHAR(20)  NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
    token_hash      CHAR(64)     NOT NULL UNIQUE,
    invited_by      BIGINT       REFERENCES users (id) ON DELETE SET NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at      TIMESTAMPTZ  NOT NULL,
    accepted_at     TIMESTAMPTZ
);
CREATE INDEX idx_organization_invitations_org ON organization_invitations (organization_id);

CREATE TABLE api_keys (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id               BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key_hash              VARCHAR(255) NOT NULL UNIQUE,
    key_prefix            VARCHAR(20),
    name                  VARCHAR(100),
    scopes                JSONB        NOT NULL DEFAULT '[]',
    rate_limit_per_minute INTEGER      NOT NULL DEFAULT 60,
    is_active             BOOLEAN      NOT NULL DEFAULT TRUE,
    last_used_at          TIMESTAMPTZ,
    expires_at            TIMESTAMPTZ,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    revoked_at            TIMESTAMPTZ
);
CREATE INDEX idx_api_keys_hash ON api_keys (key_hash);
CREATE INDEX idx_api_keys_user ON api_keys (user_id);

-- RSA key pairs that sign access tokens; the private key is AES-GCM encrypted under AUTH_KEY_ENCRYPTION_SECRET.
CREATE TABLE signing_keys (
    kid                   VARCHAR(64) PRIMARY KEY,
    algorithm             VARCHAR(10) NOT NULL DEFAULT 'RS256',
    public_key            BYTEA       NOT NULL,
    private_key_encrypted BYTEA       NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- set when a newer key takes over signing; the public key stays published until published_until
    retired_at            TIMESTAMPTZ,
    published_until       TIMESTAMPTZ
);

CREATE TABLE refresh_tokens (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id       UUID        NOT NULL,
    token_hash      CHAR(64)    NOT NULL UNIQUE,
    organization_id BIGINT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    idle_expires_at TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    used_at         TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ
);
CREATE INDEX idx_refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX idx_refresh_tokens_user ON refresh_tokens (user_id);

-- Email verification, password reset and Telegram link codes: random, stored hashed, single use, expiring.
CREATE TABLE one_time_tokens (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     VARCHAR(30) NOT NULL CHECK (purpose IN ('email_verification', 'password_reset', 'telegram_link')),
    token_hash  CHAR(64)    NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX idx_one_time_tokens_user ON one_time_tokens (user_id, purpose);

-- What each user's plan allows, cached from subscription.changed (API keys, organization seats).
CREATE TABLE user_entitlements (
    user_id            BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    plan               VARCHAR(50) NOT NULL,
    status             VARCHAR(20) NOT NULL,
    api_keys           BOOLEAN     NOT NULL DEFAULT FALSE,
    organization_seats INTEGER,
    changed_at         TIMESTAMPTZ NOT NULL
);

-- Admin actions and security events; actor and target stay as plain ids so the trail survives deletions.
CREATE TABLE audit_log (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    action          VARCHAR(60)  NOT NULL,
    actor_user_id   BIGINT,
    target_user_id  BIGINT,
    organization_id BIGINT,
    ip              VARCHAR(64),
    details         JSONB
);
CREATE INDEX idx_audit_log_occurred ON audit_log (occurred_at DESC);
CREATE INDEX idx_audit_log_target ON audit_log (target_user_id, occurred_at DESC);
CREATE INDEX idx_audit_log_action ON audit_log (action, occurred_at DESC);
