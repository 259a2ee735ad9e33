-- Who did what that matters beyond one ticket (exports now; account and settings changes
-- later). Append-only.
CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id UUID REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL CHECK (action <> ''),
    target TEXT,
    details JSONB NOT NULL DEFAULT '{}'::jsonb,
    request_id TEXT,
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at DESC);
