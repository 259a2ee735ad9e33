-- Personal API tokens for integrations and scripts. Each is a session (auth_sessions holds its
-- owner, expiry and revocation, so revoking one reaches every instance through the same
-- NOTIFY as a logout) with a name, a scope and the hash of the secret shown once.
CREATE TABLE api_tokens (
    session_id UUID PRIMARY KEY REFERENCES auth_sessions (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    scope TEXT NOT NULL CHECK (scope IN ('READ', 'WRITE')),
    token_hash BYTEA NOT NULL UNIQUE,
    -- The first characters of the token, to tell tokens apart in lists.
    prefix TEXT NOT NULL,
    last_used_at TIMESTAMPTZ
);
