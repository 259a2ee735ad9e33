-- Canned responses with actions. A macro is personal (its owner's) or shared (admins manage
-- it, all staff use it). The body is a Markdown template; placeholders are checked on save.
CREATE TABLE macros (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
    body TEXT NOT NULL CHECK (char_length(body) BETWEEN 1 AND 20000),
    set_status TEXT CHECK (set_status IN ('TODO', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER',
        'ON_HOLD', 'RESOLVED', 'CLOSED', 'CANCELLED')),
    set_priority TEXT CHECK (set_priority IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
    add_tags TEXT[] NOT NULL DEFAULT '{}' CHECK (cardinality(add_tags) <= 20),
    assign_to_me BOOLEAN NOT NULL DEFAULT false,
    shared BOOLEAN NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX macros_owner_name_idx ON macros (owner_id, lower(name));
CREATE INDEX macros_shared_idx ON macros (name) WHERE shared;
