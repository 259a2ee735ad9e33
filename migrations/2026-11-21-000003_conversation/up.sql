-- The customer conversation: a message thread per ticket (with staff-only internal notes),
-- attachments, guest tracking tokens, email verification, help articles, and full-text search.

-- Generated tsvector columns need immutable expressions; array_to_string is only stable
-- because of arbitrary element types, and for text[] it is immutable in practice.
CREATE FUNCTION deskql_tags_text(tags TEXT[]) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string(tags, ' ') $$;

ALTER TABLE tickets ADD COLUMN search_vector TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', number), 'A') ||
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', description), 'B')
) STORED;
CREATE INDEX tickets_search_idx ON tickets USING GIN (search_vector);

CREATE TABLE ticket_messages (
    id UUID PRIMARY KEY,
    ticket_id UUID NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    -- Null for a guest (token holder) or a deleted account; author_name keeps the label.
    author_id UUID REFERENCES users (id) ON DELETE SET NULL,
    author_role TEXT NOT NULL CHECK (author_role IN ('REQUESTER', 'STAFF')),
    author_name TEXT NOT NULL CHECK (char_length(author_name) BETWEEN 1 AND 100),
    internal BOOLEAN NOT NULL DEFAULT FALSE,
    body TEXT NOT NULL CHECK (char_length(body) BETWEEN 1 AND 20000),
    body_html TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    search_vector TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', body)) STORED,
    -- Only staff write internal notes.
    CHECK (NOT internal OR author_role = 'STAFF')
);
CREATE INDEX ticket_messages_ticket_idx ON ticket_messages (ticket_id, id);
CREATE INDEX ticket_messages_search_idx ON ticket_messages USING GIN (search_vector);

CREATE TABLE attachments (
    id UUID PRIMARY KEY,
    ticket_id UUID NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    -- Null: attached when the ticket was filed.
    message_id UUID REFERENCES ticket_messages (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('FILE', 'SCREENSHOT')),
    -- Copied from the message so a download needs no join to decide visibility.
    internal BOOLEAN NOT NULL DEFAULT FALSE,
    file_name TEXT NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 255),
    content_type TEXT NOT NULL CHECK (char_length(content_type) BETWEEN 3 AND 100),
    size_bytes BIGINT NOT NULL CHECK (size_bytes BETWEEN 1 AND 104857600),
    sha256 BYTEA NOT NULL CHECK (length(sha256) = 32),
    storage_key TEXT NOT NULL UNIQUE,
    uploaded_by_id UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX attachments_ticket_idx ON attachments (ticket_id, created_at);
CREATE INDEX attachments_message_idx ON attachments (message_id);

-- Internal events (a note was added) are shown to staff only, in history and live.
ALTER TABLE ticket_events ADD COLUMN internal BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_kind_check;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_kind_check CHECK (kind IN ('CREATED',
    'STATUS_CHANGED', 'ASSIGNED', 'UNASSIGNED', 'PRIORITY_CHANGED', 'UPDATED', 'DELETED',
    'RESTORED', 'TRIAGED', 'MESSAGE_ADDED'));

-- Secret links that let a guest read and answer one ticket. Only the SHA-256 of the token
-- is kept; validity also ends a grace period after the ticket closes (checked on use).
CREATE TABLE guest_access_tokens (
    token_hash BYTEA PRIMARY KEY CHECK (length(token_hash) = 32),
    ticket_id UUID NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX guest_access_tokens_ticket_idx ON guest_access_tokens (ticket_id);

ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMPTZ;

CREATE TABLE email_verifications (
    token_hash BYTEA PRIMARY KEY CHECK (length(token_hash) = 32),
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email CITEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ
);
CREATE INDEX email_verifications_user_idx ON email_verifications (user_id);

CREATE TABLE help_articles (
    id UUID PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
    title TEXT NOT NULL CHECK (char_length(title) BETWEEN 3 AND 200),
    body TEXT NOT NULL CHECK (char_length(body) BETWEEN 1 AND 50000),
    body_html TEXT NOT NULL,
    tags TEXT[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
    published BOOLEAN NOT NULL DEFAULT FALSE,
    created_by_id UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    search_vector TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', deskql_tags_text(tags)), 'B') ||
        setweight(to_tsvector('english', body), 'C')
    ) STORED
);
CREATE INDEX help_articles_search_idx ON help_articles USING GIN (search_vector);
CREATE INDEX help_articles_published_idx ON help_articles (updated_at DESC) WHERE published;

-- Articles linked to a ticket; a null linked_by_id means the triage step suggested it.
CREATE TABLE ticket_articles (
    ticket_id UUID NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    article_id UUID NOT NULL REFERENCES help_articles (id) ON DELETE CASCADE,
    linked_by_id UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (ticket_id, article_id)
);
CREATE INDEX ticket_articles_article_idx ON ticket_articles (article_id);

ALTER TABLE email_deliveries DROP CONSTRAINT email_deliveries_kind_check;
ALTER TABLE email_deliveries ADD CONSTRAINT email_deliveries_kind_check CHECK (kind IN (
    'TICKET_CREATED', 'TICKET_ASSIGNED', 'TICKET_RESOLVED', 'STAFF_REPLIED',
    'REQUESTER_REPLIED', 'VERIFY_EMAIL'));

-- A public message notifies the other side: a staff reply the requester, a requester's reply
-- the assignee (when there is one). Internal notes notify nobody.
CREATE FUNCTION enqueue_message_emails() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM graphile_worker.add_jobs(ARRAY(
        SELECT ROW('send_email', json_build_object(
                'kind', CASE m.author_role WHEN 'STAFF' THEN 'STAFF_REPLIED' ELSE 'REQUESTER_REPLIED' END,
                'ticket_id', m.ticket_id, 'message_id', m.id, 'message_key', 'reply.' || m.id),
            NULL, NULL, 10::smallint, NULL, 10::smallint, NULL)::graphile_worker.job_spec
        FROM new_messages m
        WHERE NOT m.internal
    ));
    RETURN NULL;
END;
$$;
CREATE TRIGGER ticket_messages_enqueue_emails AFTER INSERT ON ticket_messages
    REFERENCING NEW TABLE AS new_messages
    FOR EACH STATEMENT EXECUTE FUNCTION enqueue_message_emails();
