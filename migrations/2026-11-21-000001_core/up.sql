-- Core schema: accounts, sessions, categories, tickets, ticket events, rate limits.
-- Enumerations are TEXT + CHECK so new values are a migration away without ALTER TYPE locks.

CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE app_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id UUID PRIMARY KEY,
    email CITEXT NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    password_hash TEXT,
    role TEXT NOT NULL DEFAULT 'USER' CHECK (role IN ('USER', 'MODERATOR', 'ADMIN')),
    skills TEXT[] NOT NULL DEFAULT '{}' CHECK (cardinality(skills) <= 50),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX users_role_idx ON users (role) WHERE active;
CREATE INDEX users_skills_idx ON users USING GIN (skills);

-- One row per login: the refresh-token family. Revoking it ends every token of the family,
-- including access tokens, which carry its id.
CREATE TABLE auth_sessions (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ,
    revoked_reason TEXT
);
CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id);

CREATE TABLE refresh_tokens (
    token_hash BYTEA PRIMARY KEY CHECK (length(token_hash) = 32),
    session_id UUID NOT NULL REFERENCES auth_sessions (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    used_at TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

CREATE TABLE categories (
    id UUID PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO categories (id, slug, name) VALUES
    ('018f0000-0000-7000-8000-000000000001', 'general', 'General'),
    ('018f0000-0000-7000-8000-000000000002', 'technical', 'Technical'),
    ('018f0000-0000-7000-8000-000000000003', 'billing', 'Billing'),
    ('018f0000-0000-7000-8000-000000000004', 'account', 'Account'),
    ('018f0000-0000-7000-8000-000000000005', 'bug', 'Bug'),
    ('018f0000-0000-7000-8000-000000000006', 'feature', 'Feature request'),
    ('018f0000-0000-7000-8000-000000000007', 'question', 'Question'),
    ('018f0000-0000-7000-8000-000000000008', 'other', 'Other');

-- Per-year ticket counter: the row lock taken by the upsert serialises numbering, and a rolled
-- back creation rolls the counter back too, so numbers are unique and gap-free.
CREATE TABLE ticket_counters (
    year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
    last_value INTEGER NOT NULL CHECK (last_value >= 0)
);

CREATE TABLE tickets (
    id UUID PRIMARY KEY,
    number TEXT NOT NULL UNIQUE CHECK (number ~ '^TKT-[0-9]{4}-[0-9]{4,}$'),
    title TEXT NOT NULL CHECK (char_length(title) BETWEEN 5 AND 200),
    description TEXT NOT NULL CHECK (char_length(description) BETWEEN 10 AND 5000),
    status TEXT NOT NULL DEFAULT 'TODO' CHECK (status IN
        ('TODO', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'ON_HOLD', 'RESOLVED', 'CLOSED', 'CANCELLED')),
    priority TEXT NOT NULL DEFAULT 'MEDIUM' CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
    priority_rank SMALLINT GENERATED ALWAYS AS (
        CASE priority WHEN 'LOW' THEN 0 WHEN 'MEDIUM' THEN 1 WHEN 'HIGH' THEN 2 ELSE 3 END
    ) STORED,
    category_id UUID NOT NULL REFERENCES categories (id),
    source TEXT NOT NULL CHECK (source IN ('PORTAL', 'GUEST', 'AI_ASSISTANT', 'STAFF', 'EMAIL', 'API')),
    requester_id UUID REFERENCES users (id) ON DELETE SET NULL,
    requester_name TEXT NOT NULL CHECK (char_length(requester_name) BETWEEN 1 AND 100),
    requester_email CITEXT NOT NULL CHECK (length(requester_email) BETWEEN 3 AND 254),
    created_by_id UUID REFERENCES users (id) ON DELETE SET NULL,
    assignee_id UUID REFERENCES users (id) ON DELETE SET NULL,
    summary TEXT CHECK (char_length(summary) <= 500),
    helpful_notes TEXT CHECK (char_length(helpful_notes) <= 2000),
    related_skills TEXT[] NOT NULL DEFAULT '{}' CHECK (cardinality(related_skills) <= 20),
    page_url TEXT CHECK (char_length(page_url) <= 2048),
    browser_info TEXT CHECK (char_length(browser_info) <= 1000),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    first_response_at TIMESTAMPTZ,
    resolved_at TIMESTAMPTZ,
    closed_at TIMESTAMPTZ,
    deleted_at TIMESTAMPTZ,
    deleted_by_id UUID REFERENCES users (id) ON DELETE SET NULL,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK (status <> 'RESOLVED' OR resolved_at IS NOT NULL),
    CHECK (status <> 'CLOSED' OR closed_at IS NOT NULL)
);
CREATE INDEX tickets_created_idx ON tickets (created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX tickets_updated_idx ON tickets (updated_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX tickets_priority_idx ON tickets (priority_rank DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX tickets_requester_idx ON tickets (requester_id, created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX tickets_assignee_idx ON tickets (assignee_id, status) WHERE deleted_at IS NULL;
CREATE INDEX tickets_status_idx ON tickets (status, created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX tickets_requester_email_idx ON tickets (requester_email);
CREATE INDEX tickets_deleted_idx ON tickets (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE ticket_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id UUID NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('CREATED', 'STATUS_CHANGED', 'ASSIGNED', 'UNASSIGNED',
        'PRIORITY_CHANGED', 'UPDATED', 'DELETED', 'RESTORED')),
    from_value TEXT,
    to_value TEXT,
    actor_id UUID REFERENCES users (id) ON DELETE SET NULL,
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, id);

-- Every event row is announced on commit; each server instance LISTENs once and fans out.
CREATE FUNCTION notify_ticket_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('deskql_ticket_events', NEW.id::text);
    RETURN NULL;
END;
$$;
CREATE TRIGGER ticket_events_notify AFTER INSERT ON ticket_events
    FOR EACH ROW EXECUTE FUNCTION notify_ticket_event();

-- Fixed-window counters shared by every instance (guest intake, login throttling).
CREATE TABLE rate_limit_counters (
    bucket TEXT NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    hits INTEGER NOT NULL CHECK (hits >= 0),
    PRIMARY KEY (bucket, window_start)
);
